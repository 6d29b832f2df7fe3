import {
  SUPPRESSION_HISTORY_MAX,
  type ChannelType,
  type SuppressionHistoryEntry,
  type SuppressionReason,
} from '@switchboard/contracts';
import type { SuppressionDoc } from './suppression.schema';

/** Phone, SMS and WhatsApp numbers are one family: suppressing one suppresses all three. */
const PHONE_FAMILY = new Set<ChannelType>(['phone', 'sms', 'whatsapp']);

/** The family an address of a channel type belongs to (what the list stores). */
export const addressFamily = (type: ChannelType): ChannelType =>
  PHONE_FAMILY.has(type) ? 'phone' : type;

/** The key a channel and a suppression meet under: `<family>:<normalised value>`. */
export const suppressionKey = (type: ChannelType, value: string): string =>
  `${addressFamily(type)}:${value}`;

/** A reason given to an address, with where it came from. */
export interface SuppressionCause {
  reason: SuppressionReason;
  /** When it happened (the messaging event's time, or now). */
  at: Date;
  source: string;
  sourceId?: string;
  note?: string;
}

const historyOf = (entries: SuppressionHistoryEntry[]) => entries.slice(-SUPPRESSION_HISTORY_MAX);

const entryOf = (cause: SuppressionCause): SuppressionHistoryEntry => ({
  action: 'added',
  reason: cause.reason,
  at: cause.at.toISOString(),
  source: cause.source,
  ...(cause.sourceId ? { sourceId: cause.sourceId } : {}),
  ...(cause.note ? { note: cause.note } : {}),
});

/** A new list entry, active with its first reason. */
export function newSuppression(
  base: { id: string; workspaceId: string; channelType: ChannelType; address: string },
  cause: SuppressionCause,
  now: Date,
): SuppressionDoc {
  return {
    _id: base.id,
    workspaceId: base.workspaceId,
    channelType: addressFamily(base.channelType),
    address: base.address,
    status: 'active',
    reason: cause.reason,
    reasons: [cause.reason],
    suppressedAt: cause.at,
    liftedAt: null,
    history: [entryOf(cause)],
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * The entry with the cause added: a lifted one becomes active again with this reason; an active
 * one gains this one, and takes it as its first reason when it happened earlier. The same object when nothing changes: the cause
 * was already recorded (same inbound event id), or an active entry already holds the reason and
 * the cause names no event (a repeated manual suppression).
 */
export function withCause(doc: SuppressionDoc, cause: SuppressionCause): SuppressionDoc {
  if (cause.sourceId && doc.history.some((h) => h.sourceId === cause.sourceId)) return doc;
  if (doc.status === 'active') {
    if (doc.reasons.includes(cause.reason) && !cause.sourceId) return doc;
    // Causes may arrive out of order (messaging batches run side by side): the first reason is
    // the one that happened first.
    const earlier = cause.at.getTime() < new Date(doc.suppressedAt).getTime();
    return {
      ...doc,
      ...(earlier ? { reason: cause.reason, suppressedAt: cause.at } : {}),
      reasons: doc.reasons.includes(cause.reason) ? doc.reasons : [...doc.reasons, cause.reason],
      history: historyOf([...doc.history, entryOf(cause)]),
      version: doc.version + 1,
    };
  }
  return {
    ...doc,
    status: 'active',
    reason: cause.reason,
    reasons: [cause.reason],
    suppressedAt: cause.at,
    liftedAt: null,
    history: historyOf([...doc.history, entryOf(cause)]),
    version: doc.version + 1,
  };
}

/** The entry lifted (history kept); the same object when it already was. */
export function lifted(doc: SuppressionDoc, now: Date, source: string): SuppressionDoc {
  if (doc.status === 'lifted') return doc;
  return {
    ...doc,
    status: 'lifted',
    liftedAt: now,
    history: historyOf([...doc.history, { action: 'lifted', at: now.toISOString(), source }]),
    version: doc.version + 1,
  };
}
