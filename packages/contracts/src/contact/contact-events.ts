import { z } from 'zod';
import { Id } from '../common/primitives';
import { Contact } from './contact';

/**
 * Every contact event carries the contact as stored after the change (`contact`), so consumers
 * (the segments projection, timelines, audit) never call back; events that change fields also
 * carry the field diff.
 */
const WithContact = z.object({ contact: Contact });

/** One changed field, for audit diffs. Values are the contract's JSON values (absent = null). */
export const FieldChange = z.object({ field: z.string(), from: z.unknown(), to: z.unknown() });
export type FieldChange = z.infer<typeof FieldChange>;

/** `crm.<ws>.contact.created` v1: the whole contact as stored. */
export const ContactCreatedV1 = WithContact;
export type ContactCreatedV1 = z.infer<typeof ContactCreatedV1>;

/** `contact.updated` v1: the fields that changed, old and new values. */
export const ContactUpdatedV1 = WithContact.extend({ changes: z.array(FieldChange) });
export type ContactUpdatedV1 = z.infer<typeof ContactUpdatedV1>;

/** `contact.archived` v1 (reason `deleted`, `merged` or `bulk`) and `contact.restored` v1. */
export const ContactArchivedV1 = WithContact.extend({ reason: z.string() });
export const ContactRestoredV1 = WithContact;

/** `contact.tag.added` / `contact.tag.removed` v1: the tags that actually changed. */
export const ContactTagsChangedV1 = WithContact.extend({ tags: z.array(z.string()).min(1) });

/** `contact.owner.claimed` / `contact.owner.released` v1. */
export const ContactOwnerChangedV1 = WithContact.extend({
  ownerId: z.string().nullable(),
  previousOwnerId: z.string().nullable(),
});

/** `contact.stage.changed` v1: a journey-stage transition. */
export const ContactStageChangedV1 = WithContact.extend({
  from: z.string().nullable(),
  to: z.string().nullable(),
});

/**
 * `contact.merged` v1: the duplicate was folded into the survivor (and archived with
 * `mergedInto`); services holding references to the duplicate (deals, tasks, timelines, segment
 * memberships) move them to the survivor. `contact` is the survivor after the merge.
 */
export const ContactMergedV1 = z.object({
  survivorId: Id,
  duplicateId: Id,
  contact: Contact.optional(),
});
export type ContactMergedV1 = z.infer<typeof ContactMergedV1>;

/** Contact events of the catalogue (see events/event-catalog.ts). */
export const CONTACT_EVENTS = {
  'contact.created': { aggregate: 'contact', version: 1, data: ContactCreatedV1 },
  'contact.updated': { aggregate: 'contact', version: 1, data: ContactUpdatedV1 },
  'contact.archived': { aggregate: 'contact', version: 1, data: ContactArchivedV1 },
  'contact.restored': { aggregate: 'contact', version: 1, data: ContactRestoredV1 },
  'contact.tag.added': { aggregate: 'contact', version: 1, data: ContactTagsChangedV1 },
  'contact.tag.removed': { aggregate: 'contact', version: 1, data: ContactTagsChangedV1 },
  'contact.owner.claimed': { aggregate: 'contact', version: 1, data: ContactOwnerChangedV1 },
  'contact.owner.released': { aggregate: 'contact', version: 1, data: ContactOwnerChangedV1 },
  'contact.stage.changed': { aggregate: 'contact', version: 1, data: ContactStageChangedV1 },
  'contact.merged': { aggregate: 'contact', version: 1, data: ContactMergedV1 },
} as const;
