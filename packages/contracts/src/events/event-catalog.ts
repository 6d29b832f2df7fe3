import { z } from 'zod';
import { ContactCreatedV1 } from '../contact/contact-events';

/**
 * The catalogue of domain events: type → aggregate, schema version and data schema. The
 * subject of an event is `crm.<workspaceId>.<type>`; the AsyncAPI document is rendered from here.
 */
export const EVENT_CATALOG = {
  'contact.created': { aggregate: 'contact', version: 1, data: ContactCreatedV1 },
} as const satisfies Record<string, { aggregate: string; version: number; data: z.ZodTypeAny }>;

export type EventType = keyof typeof EVENT_CATALOG;
export type EventData<T extends EventType> = z.infer<(typeof EVENT_CATALOG)[T]['data']>;
