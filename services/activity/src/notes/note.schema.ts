import { Schema, type Connection, type Model } from 'mongoose';
import { outboxPlugin, tenantGuard, type OutboxFields } from '@switchboard/storage';
import type { Actor, NoteAnchorType } from '@switchboard/contracts';

export interface NoteRevisionDoc {
  revision: number;
  body: string;
  editedAt: Date;
  editedBy: Actor;
}

/** A markdown note; every edit pushes the previous text onto `revisions`. */
export interface NoteDoc extends OutboxFields {
  _id: string;
  workspaceId: string;
  anchorType: NoteAnchorType;
  anchorId: string;
  contactId: string | null;
  body: string;
  revision: number;
  revisions: NoteRevisionDoc[];
  author: Actor;
  /** The author when a user wrote it (scope "own" edits only its own notes), else null. */
  ownerId: string | null;
  deleted: boolean;
  deletedAt: Date | null;
  deletedBy: Actor | null;
  /** Concurrency version of the document (every write), not the text revision. */
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const ActorSchema = { type: { type: String }, id: String };

const NoteSchema = new Schema<NoteDoc>(
  {
    _id: { type: String, required: true },
    workspaceId: { type: String, required: true, immutable: true },
    anchorType: { type: String, required: true },
    anchorId: { type: String, required: true },
    contactId: { type: String, default: null },
    body: { type: String, required: true },
    revision: { type: Number, required: true },
    revisions: {
      type: [
        new Schema(
          { revision: Number, body: String, editedAt: Date, editedBy: ActorSchema },
          { _id: false },
        ),
      ],
      default: [],
    },
    author: ActorSchema,
    ownerId: { type: String, default: null },
    deleted: { type: Boolean, default: false },
    deletedAt: { type: Date, default: null },
    deletedBy: { type: { type: String }, id: String },
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'notes', versionKey: false, minimize: false },
);
NoteSchema.plugin(tenantGuard);
NoteSchema.plugin(outboxPlugin);
NoteSchema.index({
  workspaceId: 1,
  anchorType: 1,
  anchorId: 1,
  deleted: 1,
  createdAt: -1,
  _id: -1,
});

export const noteModel = (connection: Connection): Model<NoteDoc> =>
  connection.model<NoteDoc>('Note', NoteSchema);
