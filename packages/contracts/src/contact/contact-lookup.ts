import { z } from 'zod';
import { Id, Timestamp } from '../common/primitives';
import { ChannelType } from './channel';

/**
 * `rpc.contacts.findByChannel`: the contact that holds a channel value (normalised as stored:
 * lower-cased email, E.164 phone; phone, sms and WhatsApp numbers are one family). Prefers an
 * active contact; a contact merged away answers its survivor. `null` when nobody has it.
 */
export const FindByChannelInput = z
  .object({ type: ChannelType, value: z.string().trim().min(1).max(320) })
  .strict();
export type FindByChannelInput = z.infer<typeof FindByChannelInput>;
export const FindByChannelResult = z.object({ contactId: Id.nullable() });
export type FindByChannelResult = z.infer<typeof FindByChannelResult>;

/** What a messaging event does to a channel: a hard bounce or complaint, or an unsubscribe. */
export const ChannelEffect = z.enum(['suppress_bounce', 'suppress_complaint', 'unsubscribe']);
export type ChannelEffect = z.infer<typeof ChannelEffect>;

/**
 * `rpc.contacts.applyChannelEvent`: applies a messaging event's effect to the contact's channel
 * named by `value` (else the primary channel of `type`). Idempotent: an effect already in place
 * changes nothing and emits nothing; otherwise the contact gets `contact.updated` with the
 * channel change.
 */
export const ApplyChannelEventInput = z
  .object({
    contactId: Id,
    type: ChannelType,
    value: z.string().trim().min(1).max(320).optional(),
    effect: ChannelEffect,
    occurredAt: Timestamp,
    /** The inbound event that caused it (for logs and the audit trail). */
    sourceId: z.string().min(1).max(200),
  })
  .strict();
export type ApplyChannelEventInput = z.infer<typeof ApplyChannelEventInput>;
export const ApplyChannelEventResult = z.object({
  contactId: Id,
  /** False when the effect was already in place or the contact has no such channel. */
  changed: z.boolean(),
  /** The channel's value the effect applies to, null when the contact has none of that type. */
  channelValue: z.string().nullable(),
});
export type ApplyChannelEventResult = z.infer<typeof ApplyChannelEventResult>;

/** The lookups messaging ingestion needs (spread into CONTACTS_RPC). */
export const CONTACT_LOOKUP_RPC = {
  findByChannel: {
    subject: 'rpc.contacts.findByChannel',
    input: FindByChannelInput,
    output: FindByChannelResult,
  },
  applyChannelEvent: {
    subject: 'rpc.contacts.applyChannelEvent',
    input: ApplyChannelEventInput,
    output: ApplyChannelEventResult,
  },
} as const;
