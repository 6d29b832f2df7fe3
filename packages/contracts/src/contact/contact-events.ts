import { z } from 'zod';
import { Contact } from './contact';

/** `crm.<ws>.contact.created` v1: the whole contact as stored, so consumers never call back. */
export const ContactCreatedV1 = z.object({ contact: Contact });
export type ContactCreatedV1 = z.infer<typeof ContactCreatedV1>;

/** Contact events of the catalogue (see events/event-catalog.ts). */
export const CONTACT_EVENTS = {
  'contact.created': { aggregate: 'contact', version: 1, data: ContactCreatedV1 },
} as const;
