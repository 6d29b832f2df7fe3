import { z } from 'zod';
import { Id, Timestamp } from '../common/primitives';
import { PageQuery } from '../common/pagination';
import { ChannelType, SuppressionReason } from '../contact/channel';

/** `active` while the address is suppressed; `lifted` once removed (the history stays). */
export const SuppressionStatus = z.enum(['active', 'lifted']);
export type SuppressionStatus = z.infer<typeof SuppressionStatus>;

/** Entries kept in a suppression's history (newest last). */
export const SUPPRESSION_HISTORY_MAX = 50;

/** One change of a suppression: a reason added (again), or the suppression lifted. */
export const SuppressionHistoryEntry = z.object({
  action: z.enum(['added', 'lifted']),
  /** The reason added; absent on `lifted`. */
  reason: SuppressionReason.optional(),
  at: Timestamp,
  /** What caused it: `messaging` (with `sourceId`, the inbound event id), `api`, `erase`, … */
  source: z.string(),
  sourceId: z.string().optional(),
  note: z.string().optional(),
});
export type SuppressionHistoryEntry = z.infer<typeof SuppressionHistoryEntry>;

/**
 * An address on the workspace suppression list. Kept whether or not a contact holds the address;
 * every channel with the address (now or added later) is suppressed while it is `active`.
 */
export const Suppression = z.object({
  id: Id,
  workspaceId: Id,
  /** Normalised as contacts store it: lower-cased email, E.164 phone, trimmed handle. */
  address: z.string(),
  /** The address family: `email`, `phone` (also SMS and WhatsApp numbers), or the handle's type. */
  channelType: ChannelType,
  status: SuppressionStatus,
  /** The first reason of the current suppression (what channels show as `suppression.reason`). */
  reason: SuppressionReason,
  /** Every reason given since the suppression became active, in order. */
  reasons: z.array(SuppressionReason),
  /** When it became active (again). */
  suppressedAt: Timestamp,
  liftedAt: Timestamp.nullable(),
  history: z.array(SuppressionHistoryEntry),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Suppression = z.infer<typeof Suppression>;

/** `POST /v1/suppressions`: suppress an address (again); a reason already active adds history. */
export const CreateSuppressionInput = z
  .object({
    address: z.string().trim().min(1).max(320),
    channelType: ChannelType,
    reason: SuppressionReason.default('manual'),
    note: z.string().trim().max(500).optional(),
  })
  .strict();
export type CreateSuppressionInput = z.infer<typeof CreateSuppressionInput>;

/** `GET /v1/suppressions`: newest first; `address` looks one up (normalised like the list). */
export const ListSuppressionsQuery = PageQuery.extend({
  status: SuppressionStatus.default('active'),
  channelType: ChannelType.optional(),
  address: z.string().trim().min(1).max(320).optional(),
  reason: SuppressionReason.optional(),
}).strict();
export type ListSuppressionsQuery = z.infer<typeof ListSuppressionsQuery>;

export const SuppressionIdParams = z.object({ id: Id }).strict();

/** What the activity service records from an inbound bounce, complaint or unsubscribe. */
export const RecordSuppressionInput = z
  .object({
    address: z.string().trim().min(1).max(320),
    channelType: ChannelType,
    reason: SuppressionReason,
    occurredAt: Timestamp,
    sourceId: z.string().min(1).max(200),
  })
  .strict();
export type RecordSuppressionInput = z.infer<typeof RecordSuppressionInput>;
