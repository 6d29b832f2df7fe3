import { Injectable } from '@nestjs/common';
import type {
  CreateNoteInput,
  EventEnvelope,
  ListNotesQuery,
  Note,
  Page,
  RequestContext,
  UpdateNoteInput,
} from '@switchboard/contracts';
import { assertMayWrite } from '@switchboard/access';
import { AppError } from '@switchboard/errors';
import { buildEvent, newId } from '@switchboard/messaging';
import { RecordRefs } from '../refs/record-refs.service';
import { toNote } from './note.mapper';
import type { NoteDoc } from './note.schema';
import { NotesRepository } from './notes.repository';

const MAX_ATTEMPTS = 10;

@Injectable()
export class NotesService {
  constructor(
    private readonly notes: NotesRepository,
    private readonly refs: RecordRefs,
  ) {}

  async create(ctx: RequestContext, input: CreateNoteInput): Promise<Note> {
    const contactId = await this.refs.resolveAnchor(ctx, input.anchor);
    const now = new Date();
    const doc: NoteDoc = {
      _id: newId(),
      workspaceId: ctx.workspaceId,
      anchorType: input.anchor.type,
      anchorId: input.anchor.id,
      contactId,
      body: input.body,
      revision: 1,
      revisions: [],
      author: ctx.actor,
      ownerId: ctx.actor.type === 'user' ? ctx.actor.id : null,
      deleted: false,
      deletedAt: null,
      deletedBy: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await this.notes.insert(doc, [noteEvent('note.added', ctx, doc)]);
    return toNote(doc);
  }

  async get(ctx: RequestContext, id: string): Promise<Note> {
    return toNote(await this.load(ctx.workspaceId, id));
  }

  async list(ctx: RequestContext, q: ListNotesQuery): Promise<Page<Note>> {
    await this.refs.resolveAnchor(ctx, { type: q.anchorType, id: q.anchorId });
    const page = await this.notes.page(ctx.workspaceId, { type: q.anchorType, id: q.anchorId }, q);
    return { items: page.items.map(toNote), nextCursor: page.nextCursor };
  }

  /** A new revision; the previous text is kept in `revisions`. */
  async update(ctx: RequestContext, id: string, patch: UpdateNoteInput): Promise<Note> {
    return this.change(ctx, id, (note) => {
      if (note.deleted) throw new AppError('conflict', `note ${id} is deleted`);
      if (patch.revision !== undefined && patch.revision !== note.revision) {
        throw new AppError('version_conflict', `note ${id} is at revision ${note.revision}`, {
          currentRevision: note.revision,
        });
      }
      if (patch.body === note.body) return null;
      const now = new Date();
      const next: NoteDoc = {
        ...note,
        body: patch.body,
        revision: note.revision + 1,
        revisions: [
          ...note.revisions,
          { revision: note.revision, body: note.body, editedAt: now, editedBy: ctx.actor },
        ],
        updatedAt: now,
      };
      const changes = [{ field: 'body', from: note.body, to: next.body }];
      return { next, events: (n) => [noteEvent('note.revised', ctx, n, { changes })] };
    });
  }

  /** Soft delete: the note leaves lists and timelines; its events stay in the audit trail. */
  async delete(ctx: RequestContext, id: string): Promise<Note> {
    return this.change(ctx, id, (note) => {
      if (note.deleted) return null;
      const now = new Date();
      const next: NoteDoc = {
        ...note,
        deleted: true,
        deletedAt: now,
        deletedBy: ctx.actor,
        updatedAt: now,
      };
      return { next, events: (n) => [noteEvent('note.deleted', ctx, n)] };
    });
  }

  private async change(
    ctx: RequestContext,
    id: string,
    fn: (note: NoteDoc) => { next: NoteDoc; events: (next: NoteDoc) => EventEnvelope[] } | null,
  ): Promise<Note> {
    for (let attempt = 1; ; attempt++) {
      const note = await this.load(ctx.workspaceId, id);
      assertMayWrite(ctx, note.ownerId, 'note');
      const result = fn(note);
      if (!result) return toNote(note);
      const next = { ...result.next, version: note.version + 1 };
      if (await this.notes.replace(next, note.version, result.events(next))) return toNote(next);
      if (attempt >= MAX_ATTEMPTS)
        throw new AppError('version_conflict', `note ${id} changed meanwhile`);
    }
  }

  private async load(workspaceId: string, id: string): Promise<NoteDoc> {
    const doc = await this.notes.findById(workspaceId, id);
    if (!doc) throw AppError.notFound('note', id);
    return doc;
  }
}

function noteEvent(
  type: 'note.added' | 'note.revised' | 'note.deleted',
  ctx: RequestContext,
  doc: NoteDoc,
  extra: { changes?: { field: string; from: unknown; to: unknown }[] } = {},
): EventEnvelope {
  const note = toNote(doc);
  const data = type === 'note.revised' ? { note, changes: extra.changes ?? [] } : { note };
  return buildEvent(type, {
    workspaceId: ctx.workspaceId,
    actor: ctx.actor,
    aggregateId: doc._id,
    aggregateVersion: doc.version,
    occurredAt: doc.updatedAt,
    data,
  });
}
