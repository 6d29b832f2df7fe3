import { z } from 'zod';
import { Id } from '../common/primitives';
import { Contact } from './contact';

/** `crm.<ws>.contact.created` v1: the whole contact as stored, so consumers never call back. */
export const ContactCreatedV1 = z.object({ contact: Contact });
export type ContactCreatedV1 = z.infer<typeof ContactCreatedV1>;

/**
 * `crm.<ws>.contact.merged` v1: the duplicate was folded into the survivor (and archived); services
 * holding references to the duplicate (deals, tasks, timelines) move them to the survivor.
 */
export const ContactMergedV1 = z.object({ survivorId: Id, duplicateId: Id });
export type ContactMergedV1 = z.infer<typeof ContactMergedV1>;

/** Contact events of the catalogue (see events/event-catalog.ts). */
export const CONTACT_EVENTS = {
  'contact.created': { aggregate: 'contact', version: 1, data: ContactCreatedV1 },
  'contact.merged': { aggregate: 'contact', version: 1, data: ContactMergedV1 },
} as const;
