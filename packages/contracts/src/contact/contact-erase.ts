import { z } from 'zod';
import { Id, Timestamp } from '../common/primitives';
import { AuditEntry } from '../activity/audit';
import { Communication } from '../activity/communication';
import { Note } from '../activity/note';
import { TimelineEntry } from '../activity/timeline';
import { Deal } from '../deal/deal';
import { Assessment, RankingEntry } from '../fit/fit';
import { Lead } from '../lead/lead';
import { ContactProjection } from '../segment/projection';
import { Task } from '../task/task';
import { Contact } from './contact';

/**
 * Erasure of a person (GDPR art. 17) and the export of what is held about them (art. 15/20).
 * `POST /v1/contacts/:id/erase` removes the contact and everything that names it in every
 * service; `GET /v1/contacts/:id/data-export` gathers it from every service (decision 0131).
 */

/** Body of `POST /v1/contacts/:id/erase`. */
export const EraseContactBody = z
  .object({
    /** Also put the person's addresses (emails, phones, handles) on the suppression list. */
    suppressAddresses: z.boolean().default(false),
  })
  .strict();
export type EraseContactBody = z.infer<typeof EraseContactBody>;

export const EraseReason = z.enum(['request', 'retention']);
export type EraseReason = z.infer<typeof EraseReason>;

/** `rpc.contacts.erase`. */
export const EraseContactInput = EraseContactBody.extend({
  id: Id,
  reason: EraseReason.default('request'),
}).strict();
export type EraseContactInput = z.infer<typeof EraseContactInput>;

export const EraseContactResult = z.object({
  contactId: Id,
  /** The contact and the duplicates that had been merged into it, each erased. */
  erasedIds: z.array(Id),
  erasedAt: Timestamp,
  /** Addresses added to the suppression list (`suppressAddresses`). */
  suppressedAddresses: z.number().int().min(0),
});
export type EraseContactResult = z.infer<typeof EraseContactResult>;

/**
 * `contact.erased` v1: the contact was erased; every service deletes what it holds of it. It
 * names the contact by id only (no personal data), with ids of records that belonged to the
 * person only (leads), so services holding their history can drop it too.
 */
export const ContactErasedV1 = z.object({
  contactId: Id,
  reason: EraseReason,
  leadIds: z.array(Id).max(1000),
  suppressedAddresses: z.number().int().min(0),
});
export type ContactErasedV1 = z.infer<typeof ContactErasedV1>;

export const CONTACT_ERASE_EVENTS = {
  'contact.erased': { aggregate: 'contact', version: 1, data: ContactErasedV1 },
} as const;

/** Items per list of a person's data export; a longer list is cut and flagged `truncated`. */
export const PERSON_EXPORT_LIST_MAX = 1000;

/** `rpc.<service>.person.export` input. */
export const PersonExportInput = z.object({ contactId: Id }).strict();
export type PersonExportInput = z.infer<typeof PersonExportInput>;

/** What the contacts service holds: the contact, its merged duplicates, leads, fit. */
export const ContactsPersonData = z.object({
  contact: Contact,
  mergedDuplicates: z.array(Contact),
  leads: z.array(Lead),
  assessments: z.array(Assessment),
  rankings: z.array(RankingEntry),
  truncated: z.boolean(),
});
export type ContactsPersonData = z.infer<typeof ContactsPersonData>;

/** One membership edge (current or past) and the explicit requests, as the segments hold them. */
export const PersonMembership = z.object({
  segmentId: Id,
  member: z.boolean(),
  via: z.enum(['rule', 'explicit']).nullable(),
  explicit: z.enum(['include', 'exclude']).nullable(),
  joinedAt: Timestamp.nullable(),
  leftAt: Timestamp.nullable(),
});
export const SegmentsPersonData = z.object({
  profile: ContactProjection.nullable(),
  memberships: z.array(PersonMembership),
  truncated: z.boolean(),
});
export type SegmentsPersonData = z.infer<typeof SegmentsPersonData>;

export const ActivityPersonData = z.object({
  timeline: z.array(TimelineEntry),
  communications: z.array(Communication),
  notes: z.array(Note),
  audit: z.array(AuditEntry),
  truncated: z.boolean(),
});
export type ActivityPersonData = z.infer<typeof ActivityPersonData>;

export const DealsPersonData = z.object({ deals: z.array(Deal), truncated: z.boolean() });
export type DealsPersonData = z.infer<typeof DealsPersonData>;

export const TasksPersonData = z.object({ tasks: z.array(Task), truncated: z.boolean() });
export type TasksPersonData = z.infer<typeof TasksPersonData>;

/** `GET /v1/contacts/:id/data-export`: one JSON document, one part per service. */
export const PersonDataExport = z.object({
  contactId: Id,
  exportedAt: Timestamp,
  contacts: ContactsPersonData,
  segments: SegmentsPersonData,
  activity: ActivityPersonData,
  deals: DealsPersonData,
  tasks: TasksPersonData,
});
export type PersonDataExport = z.infer<typeof PersonDataExport>;
