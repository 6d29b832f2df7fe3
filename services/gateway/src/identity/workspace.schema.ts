import { Schema, type Connection, type Model } from 'mongoose';

/** The tenant itself: its `_id` is the `workspaceId` every other document carries. */
export interface WorkspaceDoc {
  _id: string;
  name: string;
  createdAt: Date;
}

const WorkspaceSchema = new Schema<WorkspaceDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'workspaces', versionKey: false },
);

export const workspaceModel = (connection: Connection): Model<WorkspaceDoc> =>
  connection.model<WorkspaceDoc>('Workspace', WorkspaceSchema);
