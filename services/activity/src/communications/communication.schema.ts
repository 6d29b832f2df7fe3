import { Schema, type Connection, type Model } from 'mongoose';
import { outboxPlugin, tenantGuard, type OutboxFields } from '@switchboard/storage';
import type { Actor, CommunicationChannel, Direction } from '@switchboard/contracts';

/**
 * One operator-entered communication. Append-only: an edit is a new document with `supersedes`;
 * `revisionOf` (the superseded id, or `root:<own id>` for an original) is unique, so an entry is
 * superseded at most once even when two edits race.
 */
export interface CommunicationDoc extends OutboxFields {
  _id: string;
  workspaceId: string;
  contactId: string;
  channel: CommunicationChannel;
  direction: Direction;
  occurredAt: Date;
  summary: string;
  staffId: string | null;
  sourceRef: string | null;
  loggedBy: Actor;
  /** Who logged it, when a user did (scope "own" edits only its own entries), else null. */
  ownerId: string | null;
  supersedes: string | null;
  revisionOf: string;
  supersededBy: string | null;
  deleted: boolean;
  deletedAt: Date | null;
  deletedBy: Actor | null;
  version: number;
  createdAt: Date;
}

const CommunicationSchema = new Schema<CommunicationDoc>(
  {
    _id: { type: String, required: true },
    workspaceId: { type: String, required: true, immutable: true },
    contactId: { type: String, required: true },
    channel: { type: String, required: true },
    direction: { type: String, required: true },
    occurredAt: { type: Date, required: true },
    summary: { type: String, required: true },
    staffId: { type: String, default: null },
    sourceRef: { type: String, default: null },
    loggedBy: { type: { type: String }, id: String },
    ownerId: { type: String, default: null },
    supersedes: { type: String, default: null },
    revisionOf: { type: String, required: true },
    supersededBy: { type: String, default: null },
    deleted: { type: Boolean, default: false },
    deletedAt: { type: Date, default: null },
    deletedBy: { type: { type: String }, id: String },
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'communications', versionKey: false },
);
CommunicationSchema.plugin(tenantGuard);
CommunicationSchema.plugin(outboxPlugin);
CommunicationSchema.index({ workspaceId: 1, revisionOf: 1 }, { unique: true });
CommunicationSchema.index({ workspaceId: 1, contactId: 1, occurredAt: -1, _id: -1 });

export const communicationModel = (connection: Connection): Model<CommunicationDoc> =>
  connection.model<CommunicationDoc>('Communication', CommunicationSchema);
