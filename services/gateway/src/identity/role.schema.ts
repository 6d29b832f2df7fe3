import { Schema, type Connection, type Model } from 'mongoose';
import { idField, tenantGuard } from '@switchboard/storage';

/**
 * A workspace's own role: a named capability set with its write and read scopes. A row named
 * like a default role (other than owner) overrides that default in its workspace only.
 */
export interface RoleDoc {
  _id: string;
  workspaceId: string;
  name: string;
  capabilities: string[];
  scope: 'all' | 'team' | 'own';
  /** Rows from before read scopes have none: they read everything. */
  readScope?: 'all' | 'team' | 'own';
  createdAt: Date;
  updatedAt?: Date;
}

const RoleSchema = new Schema<RoleDoc>(
  {
    ...idField,
    workspaceId: { type: String, required: true, immutable: true },
    name: { type: String, required: true, immutable: true },
    capabilities: { type: [String], required: true },
    scope: { type: String, required: true, enum: ['all', 'team', 'own'] },
    readScope: { type: String, enum: ['all', 'team', 'own'] },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date },
  },
  { collection: 'roles', versionKey: false },
);
RoleSchema.plugin(tenantGuard);
RoleSchema.index({ workspaceId: 1, name: 1 }, { unique: true });

export const roleModel = (connection: Connection): Model<RoleDoc> =>
  connection.model<RoleDoc>('Role', RoleSchema);
