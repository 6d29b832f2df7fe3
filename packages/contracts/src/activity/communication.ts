import { z } from 'zod';
import { PageQuery } from '../common/pagination';
import { Id, NonEmptyText, Timestamp } from '../common/primitives';
import { Actor } from '../context/request-context';

/** How a communication reached or left the contact (operator-entered history). */
export const COMMUNICATION_CHANNELS = [
  'email',
  'call',
  'meeting',
  'form',
  'chat',
  'note',
  'sms',
  'whatsapp',
  'linkedin',
  'telegram',
] as const;
export const CommunicationChannel = z.enum(COMMUNICATION_CHANNELS);
export type CommunicationChannel = z.infer<typeof CommunicationChannel>;

export const Direction = z.enum(['inbound', 'outbound']);
export type Direction = z.infer<typeof Direction>;

/** `POST /v1/contacts/:id/communications`: one entry of the contact's communication history. */
export const LogCommunicationInput = z
  .object({
    channel: CommunicationChannel,
    direction: Direction,
    occurredAt: Timestamp,
    summary: NonEmptyText(5000),
    /** The staff member who had the conversation (a user id); defaults to nobody. */
    staffId: Id.optional(),
    /** Where it came from: a ticket, a calendar event, a message id, a URL. */
    sourceRef: z.string().trim().min(1).max(500).optional(),
  })
  .strict();
export type LogCommunicationInput = z.infer<typeof LogCommunicationInput>;

/**
 * `PATCH /v1/communications/:id`: history is append-only, so an edit writes a new entry that
 * references the original (`supersedes`) and takes these fields over the original's.
 */
export const EditCommunicationInput = z
  .object({
    channel: CommunicationChannel.optional(),
    direction: Direction.optional(),
    occurredAt: Timestamp.optional(),
    summary: NonEmptyText(5000).optional(),
    staffId: Id.nullable().optional(),
    sourceRef: z.string().trim().min(1).max(500).nullable().optional(),
  })
  .strict()
  .refine((p) => Object.keys(p).length > 0, { message: 'an edit changes at least one field' });
export type EditCommunicationInput = z.infer<typeof EditCommunicationInput>;

export const Communication = z.object({
  id: Id,
  workspaceId: Id,
  contactId: Id,
  channel: CommunicationChannel,
  direction: Direction,
  occurredAt: Timestamp,
  summary: z.string(),
  staffId: Id.nullable(),
  sourceRef: z.string().nullable(),
  /** Who entered it. */
  loggedBy: Actor,
  /** The entry this one replaces (an edit), and the entry that replaced this one. */
  supersedes: Id.nullable(),
  supersededBy: Id.nullable(),
  /** Soft delete: the entry leaves lists and timelines, and stays in the audit trail. */
  deletedAt: Timestamp.nullable(),
  deletedBy: Actor.nullable(),
  createdAt: Timestamp,
});
export type Communication = z.infer<typeof Communication>;

export const CommunicationIdParams = z.object({ id: Id }).strict();

/** `GET /v1/contacts/:id/communications`: current entries, newest first. */
export const ListCommunicationsQuery = PageQuery.extend({
  channel: CommunicationChannel.optional(),
  /** Also the superseded versions and soft-deleted entries (`true`). */
  history: z.enum(['true', 'false']).optional(),
}).strict();
export type ListCommunicationsQuery = z.infer<typeof ListCommunicationsQuery>;
