import type { Note } from '@switchboard/contracts';
import type { NoteDoc } from './note.schema';

const iso = (d: Date | string) => new Date(d).toISOString();

export function toNote(doc: NoteDoc): Note {
  return {
    id: doc._id,
    workspaceId: doc.workspaceId,
    anchor: { type: doc.anchorType, id: doc.anchorId },
    contactId: doc.contactId ?? null,
    body: doc.body,
    revision: doc.revision,
    revisions: (doc.revisions ?? []).map((r) => ({
      revision: r.revision,
      body: r.body,
      editedAt: iso(r.editedAt),
      editedBy: { type: r.editedBy.type, id: r.editedBy.id },
    })),
    author: { type: doc.author.type, id: doc.author.id },
    deletedAt: doc.deletedAt ? iso(doc.deletedAt) : null,
    deletedBy: doc.deletedBy?.id ? { type: doc.deletedBy.type, id: doc.deletedBy.id } : null,
    createdAt: iso(doc.createdAt),
    updatedAt: iso(doc.updatedAt),
  };
}
