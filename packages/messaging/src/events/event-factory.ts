import {
  EVENT_CATALOG,
  type Actor,
  type EventData,
  type EventEnvelope,
  type EventType,
} from '@switchboard/contracts';
import { currentTraceparent } from '@switchboard/tracing';
import { currentCorrelation, currentRequestId } from '../correlation';
import { newId } from '../ids';

export interface EventFacts<T extends EventType> {
  workspaceId: string;
  actor: Actor;
  aggregateId: string;
  aggregateVersion: number;
  data: EventData<T>;
  occurredAt?: Date;
  /** The request that caused it, when the caller holds it (the gateway's HTTP context). */
  requestId?: string;
}

/** Builds the envelope of a catalogued event; the id doubles as the JetStream Nats-Msg-Id. */
export function buildEvent<T extends EventType>(
  type: T,
  facts: EventFacts<T>,
): EventEnvelope<EventData<T>> {
  const entry = EVENT_CATALOG[type];
  const requestId = facts.requestId ?? currentRequestId();
  // The active span's (traces on), else the caller's as it came in (decision 0140).
  const traceparent = currentTraceparent() ?? currentCorrelation()?.traceparent;
  return {
    id: newId(),
    type,
    version: entry.version,
    workspaceId: facts.workspaceId,
    occurredAt: (facts.occurredAt ?? new Date()).toISOString(),
    actor: facts.actor,
    aggregate: { type: entry.aggregate, id: facts.aggregateId, version: facts.aggregateVersion },
    data: facts.data,
    ...(requestId ? { requestId } : {}),
    ...(traceparent ? { traceparent } : {}),
  };
}
