import { z } from 'zod';
import { ActivityPersonData, PersonExportInput } from '../contact/contact-erase';
import { Id } from '../common/primitives';
import { pageOf } from '../common/pagination';
import { AuditEntry, AuditQuery } from './audit';
import {
  Communication,
  EditCommunicationInput,
  ListCommunicationsQuery,
  LogCommunicationInput,
} from './communication';
import { CreateNoteInput, ListNotesQuery, Note, UpdateNoteInput } from './note';
import { TimelineAnchorType, TimelineEntry, TimelineQuery } from './timeline';

const ById = z.object({ id: Id }).strict();

/** `rpc.activity.*`: served by the activity service. */
export const ACTIVITY_RPC = {
  /** What this service holds about one person (their data export). */
  personExport: {
    subject: 'rpc.activity.person.export',
    input: PersonExportInput,
    output: ActivityPersonData,
  },
  timeline: {
    subject: 'rpc.activity.timeline',
    input: TimelineQuery.extend({
      anchorType: TimelineAnchorType.default('contact'),
      anchorId: Id,
    }),
    output: pageOf(TimelineEntry),
  },
  logCommunication: {
    subject: 'rpc.activity.communications.log',
    input: z.object({ contactId: Id, entry: LogCommunicationInput }).strict(),
    output: Communication,
  },
  editCommunication: {
    subject: 'rpc.activity.communications.edit',
    input: z.object({ id: Id, patch: EditCommunicationInput }).strict(),
    output: Communication,
  },
  deleteCommunication: {
    subject: 'rpc.activity.communications.delete',
    input: ById,
    output: Communication,
  },
  getCommunication: {
    subject: 'rpc.activity.communications.get',
    input: ById,
    output: Communication,
  },
  listCommunications: {
    subject: 'rpc.activity.communications.list',
    input: ListCommunicationsQuery.extend({ contactId: Id }),
    output: pageOf(Communication),
  },
  createNote: { subject: 'rpc.activity.notes.create', input: CreateNoteInput, output: Note },
  updateNote: {
    subject: 'rpc.activity.notes.update',
    input: z.object({ id: Id, patch: UpdateNoteInput }).strict(),
    output: Note,
  },
  deleteNote: { subject: 'rpc.activity.notes.delete', input: ById, output: Note },
  getNote: { subject: 'rpc.activity.notes.get', input: ById, output: Note },
  listNotes: { subject: 'rpc.activity.notes.list', input: ListNotesQuery, output: pageOf(Note) },
  audit: { subject: 'rpc.activity.audit', input: AuditQuery, output: pageOf(AuditEntry) },
} as const;
