import type { EventData, EventEnvelope, EventType } from '@switchboard/contracts';

export type { EventData, EventEnvelope, EventType };

/**
 * A domain event as it travels on JetStream (`crm.<workspaceId>.<type>`) and in webhook bodies:
 * the envelope with the data of its type. Narrow on `type`:
 * `if (event.type === 'contact.created') event.data.contact…`.
 */
export type SwitchboardEvent<T extends EventType = EventType> = {
  [K in T]: Omit<EventEnvelope, 'type' | 'data'> & { type: K; data: EventData<K> };
}[T];
