import { z } from 'zod';
import { PageQuery } from '../common/pagination';
import { Id, Timestamp } from '../common/primitives';
import { Actor } from '../context/request-context';

/** Longest note body (markdown source), in characters. */
export const NOTE_BODY_MAX = 20_000;

export const NoteAnchorType = z.enum(['contact', 'deal', 'company']);
export type NoteAnchorType = z.infer<typeof NoteAnchorType>;
export const NoteAnchor = z.object({ type: NoteAnchorType, id: Id }).strict();
export type NoteAnchor = z.infer<typeof NoteAnchor>;

const NoteBody = z.string().trim().min(1).max(NOTE_BODY_MAX);

/** `POST /v1/notes`: a markdown note on a contact, deal or company. */
export const CreateNoteInput = z.object({ anchor: NoteAnchor, body: NoteBody }).strict();
export type CreateNoteInput = z.infer<typeof CreateNoteInput>;

/**
 * `PATCH /v1/notes/:id`: a new revision; the previous text is kept. `revision` makes it
 * conditional: a stale one answers 409 `version_conflict`.
 */
export const UpdateNoteInput = z
  .object({ body: NoteBody, revision: z.number().int().positive().optional() })
  .strict();
export type UpdateNoteInput = z.infer<typeof UpdateNoteInput>;

/** A previous text of a note. */
export const NoteRevision = z.object({
  revision: z.number().int(),
  body: z.string(),
  editedAt: Timestamp,
  editedBy: Actor,
});
export type NoteRevision = z.infer<typeof NoteRevision>;

export const Note = z.object({
  id: Id,
  workspaceId: Id,
  anchor: NoteAnchor,
  /** The contact the note concerns: the anchor itself, or the anchored deal's contact. */
  contactId: Id.nullable(),
  body: z.string(),
  /** 1 for the first text, +1 per edit. */
  revision: z.number().int(),
  /** Earlier texts, oldest first. */
  revisions: z.array(NoteRevision),
  author: Actor,
  deletedAt: Timestamp.nullable(),
  deletedBy: Actor.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Note = z.infer<typeof Note>;

export const NoteIdParams = z.object({ id: Id }).strict();

/** `GET /v1/notes?anchorType&anchorId`: a record's notes, newest first. */
export const ListNotesQuery = PageQuery.extend({
  anchorType: NoteAnchorType,
  anchorId: Id,
}).strict();
export type ListNotesQuery = z.infer<typeof ListNotesQuery>;
