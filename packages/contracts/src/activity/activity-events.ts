import { z } from 'zod';
import { Id, Timestamp } from '../common/primitives';
import { FieldChange } from '../contact/contact-events';
import { Communication, Direction } from './communication';
import { Note } from './note';

/**
 * `activity.recorded` v1: something happened with a contact and is now on its timeline — an
 * inbound messaging event (`email.opened`, `sms.replied`, …) or an operator-logged
 * communication (`communication.call`, …). Published once per timeline entry (the event id is
 * derived from the entry), for consumers that keep summaries: the contacts service keeps
 * `lastTouchAt` from those with `touch: true`; behavioural segment conditions count `activity`.
 */
export const ActivityRecordedV1 = z.object({
  contactId: Id,
  /** `<channel>.<event>` of a messaging event, or `communication.<channel>`. */
  activity: z.string(),
  channel: z.string(),
  direction: Direction.nullable(),
  occurredAt: Timestamp,
  /** A two-way interaction (sent, replied, logged conversation), as opposed to opens or bounces. */
  touch: z.boolean(),
  /** The timeline entry it produced. */
  entryId: z.string(),
  campaignId: z.string().nullable(),
  messageId: z.string().nullable(),
});
export type ActivityRecordedV1 = z.infer<typeof ActivityRecordedV1>;

/** `note.added` / `note.deleted` v1: the note as stored after the change. */
export const NoteChangedV1 = z.object({ note: Note });
/** `note.revised` v1: the new revision; `changes` holds the previous and new body. */
export const NoteRevisedV1 = z.object({ note: Note, changes: z.array(FieldChange) });

/** `communication.logged` / `communication.deleted` v1: the entry as stored. */
export const CommunicationChangedV1 = z.object({ communication: Communication });
/**
 * `communication.edited` v1: the new entry (aggregate) that supersedes `supersedes`, with the
 * fields that differ from the original.
 */
export const CommunicationEditedV1 = z.object({
  communication: Communication,
  supersedes: Id,
  changes: z.array(FieldChange),
});

/** Events of the activity service (see events/event-catalog.ts). */
export const ACTIVITY_EVENTS = {
  'activity.recorded': { aggregate: 'activity', version: 1, data: ActivityRecordedV1 },
  'note.added': { aggregate: 'note', version: 1, data: NoteChangedV1 },
  'note.revised': { aggregate: 'note', version: 1, data: NoteRevisedV1 },
  'note.deleted': { aggregate: 'note', version: 1, data: NoteChangedV1 },
  'communication.logged': {
    aggregate: 'communication',
    version: 1,
    data: CommunicationChangedV1,
  },
  'communication.edited': { aggregate: 'communication', version: 1, data: CommunicationEditedV1 },
  'communication.deleted': {
    aggregate: 'communication',
    version: 1,
    data: CommunicationChangedV1,
  },
} as const;
