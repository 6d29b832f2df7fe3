import { z } from 'zod';
import { Id, Timestamp } from '../common/primitives';
import { Actor } from '../context/request-context';
import { PageQuery } from '../common/pagination';

/** One entry of a contact's timeline, discriminated by `type` (the event type that caused it). */
export const TimelineEntry = z.object({
  id: z.string(),
  contactId: Id,
  type: z.string(),
  occurredAt: Timestamp,
  actor: Actor,
  summary: z.string(),
  detail: z.record(z.unknown()),
  sourceEventId: z.string(),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const TimelineQuery = PageQuery.extend({
  types: z.string().max(500).optional(),
}).strict();
export type TimelineQuery = z.infer<typeof TimelineQuery>;
