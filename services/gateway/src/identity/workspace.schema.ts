import { Schema, type Connection, type Model } from 'mongoose';
import { outboxPlugin, type OutboxFields } from '@switchboard/storage';

/** The tenant itself: its `_id` is the `workspaceId` every other document carries. */
export interface WorkspaceDoc extends OutboxFields {
  _id: string;
  /** Equal to `_id`: lets the outbox relay address a workspace like any tenant document. */
  workspaceId: string;
  name: string;
  createdAt: Date;
}

const WorkspaceSchema = new Schema<WorkspaceDoc>(
  {
    _id: { type: String, required: true },
    workspaceId: { type: String, required: true, immutable: true },
    name: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'workspaces', versionKey: false },
);

WorkspaceSchema.plugin(outboxPlugin);

export const workspaceModel = (connection: Connection): Model<WorkspaceDoc> =>
  connection.model<WorkspaceDoc>('Workspace', WorkspaceSchema);
