import { Schema, type Connection, type Model } from 'mongoose';
import { idField, tenantGuard } from '@switchboard/storage';

/** A workspace's own role: a named capability set with an ownership scope. */
export interface RoleDoc {
  _id: string;
  workspaceId: string;
  name: string;
  capabilities: string[];
  scope: 'all' | 'own';
  createdAt: Date;
}

const RoleSchema = new Schema<RoleDoc>(
  {
    ...idField,
    workspaceId: { type: String, required: true, immutable: true },
    name: { type: String, required: true, immutable: true },
    capabilities: { type: [String], required: true },
    scope: { type: String, required: true, enum: ['all', 'own'] },
    createdAt: { type: Date, required: true },
  },
  { collection: 'roles', versionKey: false },
);
RoleSchema.plugin(tenantGuard);
RoleSchema.index({ workspaceId: 1, name: 1 }, { unique: true });

export const roleModel = (connection: Connection): Model<RoleDoc> =>
  connection.model<RoleDoc>('Role', RoleSchema);
