import { Schema, type Connection, type Model } from 'mongoose';
import { idField, tenantGuard } from '@switchboard/storage';

/** A team of a workspace: the `team` scope reaches records its members own. */
export interface TeamDoc {
  _id: string;
  workspaceId: string;
  name: string;
  memberIds: string[];
  createdAt: Date;
  updatedAt: Date;
}

const TeamSchema = new Schema<TeamDoc>(
  {
    ...idField,
    workspaceId: { type: String, required: true, immutable: true },
    name: { type: String, required: true },
    memberIds: { type: [String], default: [] },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'teams', versionKey: false },
);
TeamSchema.plugin(tenantGuard);
TeamSchema.index({ workspaceId: 1, name: 1 }, { unique: true });
TeamSchema.index({ workspaceId: 1, memberIds: 1 });

export const teamModel = (connection: Connection): Model<TeamDoc> =>
  connection.model<TeamDoc>('Team', TeamSchema);
