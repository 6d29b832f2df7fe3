import { z } from 'zod';
import { Id } from '../common/primitives';
import { Contact } from './contact';
import { CustomFieldTypes } from './contact-snapshot';

/**
 * Transitions of `stageHistory` and `statusHistory` an event's `contact` carries: the latest
 * ones (the stored record keeps them all). With the limits on every other field this bounds a
 * contact event to CONTACT_EVENT_MAX_BYTES whatever the record's age (decision 0085).
 */
export const CONTACT_EVENT_HISTORY_MAX = 20;
/** Ids of `segmentIds` an event's `contact` carries at most (a cache; the record has them all). */
export const CONTACT_EVENT_SEGMENT_IDS_MAX = 200;
/** The largest contact event a contact at every documented limit can produce (tested). */
export const CONTACT_EVENT_MAX_BYTES = 448 * 1024;

/**
 * Every contact event carries the contact as stored after the change (`contact`, its histories
 * cut to the latest CONTACT_EVENT_HISTORY_MAX transitions) and the declared type of each of its
 * custom values (`customFieldTypes`), so consumers (the segments projection, timelines, audit)
 * never call back; events that change fields also carry the field diff.
 */
const WithContact = z.object({
  contact: Contact,
  /** Added in schema v1 (optional for events published before it): slug → field type. */
  customFieldTypes: CustomFieldTypes.optional(),
});

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
  customFieldTypes: CustomFieldTypes.optional(),
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
