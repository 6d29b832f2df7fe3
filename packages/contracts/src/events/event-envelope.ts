import { z } from 'zod';
import { Id, Timestamp } from '../common/primitives';
import { Actor } from '../context/request-context';

/**
 * Every domain event on JetStream (`crm.<workspaceId>.<aggregate>.<event>`) travels in this
 * envelope. `id` is also the `Nats-Msg-Id`, so JetStream drops a republished duplicate.
 */
export const EventEnvelope = z.object({
  id: z.string().min(1).max(64),
  type: z.string().regex(/^[a-z_]+(\.[a-z_]+)+$/),
  version: z.number().int().min(1),
  workspaceId: Id,
  occurredAt: Timestamp,
  actor: Actor,
  aggregate: z.object({ type: z.string().min(1), id: Id, version: z.number().int().min(0) }),
  data: z.record(z.unknown()),
  requestId: z.string().optional(),
  /**
   * W3C trace context of the write that caused the event (optional, additive): consumers
   * continue that trace when the `traceparent` header is missing (decision 0140).
   */
  traceparent: z.string().max(128).optional(),
});
export type EventEnvelope<TData = Record<string, unknown>> = Omit<
  z.infer<typeof EventEnvelope>,
  'data'
> & { data: TData };
