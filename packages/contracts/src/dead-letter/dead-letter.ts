import { z } from 'zod';
import { PageQuery } from '../common/pagination';
import { Timestamp } from '../common/primitives';
import { Actor } from '../context/request-context';

/**
 * Why a consumer parked a message in the `DEAD_LETTERS` stream: `invalid` (does not parse),
 * `rejected` (its handler refused it), `exhausted` (failed every delivery), `unpublishable` (an
 * outbox event no retry could publish; its data is not kept), `workspace_mismatch` (the subject
 * and the envelope name different workspaces).
 */
export const DeadLetterReason = z.enum([
  'invalid',
  'rejected',
  'exhausted',
  'unpublishable',
  'workspace_mismatch',
]);
export type DeadLetterReason = z.infer<typeof DeadLetterReason>;

/** A dead letter's id: its sequence in the `DEAD_LETTERS` stream. */
export const DeadLetterId = z.string().regex(/^[1-9][0-9]{0,15}$/, 'a dead letter id');

/** `GET /v1/dead-letters`: oldest first; a page may hold fewer items than `limit` (see docs). */
export const ListDeadLettersQuery = PageQuery.extend({
  /** The durable consumer that parked it (`activity-messaging`, `webhooks-events`, `outbox`, …). */
  consumer: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .optional(),
  reason: DeadLetterReason.optional(),
  /** Parked at or after / before this time. */
  since: Timestamp.optional(),
  until: Timestamp.optional(),
}).strict();
export type ListDeadLettersQuery = z.infer<typeof ListDeadLettersQuery>;

export const DeadLetterReplay = z.object({
  replayedAt: Timestamp,
  replayedBy: Actor,
});
export type DeadLetterReplay = z.infer<typeof DeadLetterReplay>;

export const DeadLetter = z.object({
  id: DeadLetterId,
  consumer: z.string(),
  reason: z.string(),
  error: z.string().nullable(),
  /** Where the message was published (`crm.<ws>.<type>`, `messaging.<ws>.<channel>.<event>`). */
  subject: z.string(),
  stream: z.string().nullable(),
  /** Its sequence in that stream. */
  sequence: z.number().int().nullable(),
  deliveries: z.number().int().nullable(),
  deadLetteredAt: Timestamp,
  /** The event's (or inbound message's) id and type, when the payload names them. */
  eventId: z.string().nullable(),
  eventType: z.string().nullable(),
  /** The payload as JSON (null when it is not JSON). */
  payload: z.unknown(),
  /** The replay of this dead letter, if it was replayed (at most once). */
  replay: DeadLetterReplay.nullable(),
});
export type DeadLetter = z.infer<typeof DeadLetter>;

/** `POST /v1/dead-letters/replay`: republish these to the subjects they came from. */
export const ReplayDeadLettersInput = z
  .object({ ids: z.array(DeadLetterId).min(1).max(100) })
  .strict();
export type ReplayDeadLettersInput = z.infer<typeof ReplayDeadLettersInput>;

export const DeadLetterReplayOutcome = z.enum([
  'replayed',
  'already_replayed',
  'not_found',
  'not_replayable',
]);
export type DeadLetterReplayOutcome = z.infer<typeof DeadLetterReplayOutcome>;

export const ReplayDeadLettersResult = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      outcome: DeadLetterReplayOutcome,
      replay: DeadLetterReplay.nullable(),
    }),
  ),
});
export type ReplayDeadLettersResult = z.infer<typeof ReplayDeadLettersResult>;
