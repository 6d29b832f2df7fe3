import { Schema, type Connection, type Model } from 'mongoose';
import { idField, outboxPlugin, tenantGuard, type OutboxFields } from '@switchboard/storage';

/** An integration's key: only the sha256 of its secret is stored, next to its visible prefix. */
export interface ApiKeyDoc extends OutboxFields {
  _id: string;
  workspaceId: string;
  name: string;
  role: string;
  /** Random, unique, shown in listings: how a key is found and recognised (`sbk_<prefix>_…`). */
  prefix: string;
  secretHash: string;
  createdBy: string;
  /**
   * The member the key acts for: its creator, or, for a key made by a key, that key's member.
   * The key works only while this user is a member (absent on keys made before: `createdBy`).
   */
  ownerUserId?: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const ApiKeySchema = new Schema<ApiKeyDoc>(
  {
    ...idField,
    workspaceId: { type: String, required: true, immutable: true },
    name: { type: String, required: true },
    role: { type: String, required: true },
    prefix: { type: String, required: true, immutable: true },
    secretHash: { type: String, required: true, immutable: true },
    createdBy: { type: String, required: true },
    ownerUserId: { type: String },
    createdAt: { type: Date, required: true },
    lastUsedAt: { type: Date, default: null },
    revokedAt: { type: Date, default: null },
  },
  { collection: 'api_keys', versionKey: false },
);
ApiKeySchema.plugin(tenantGuard);
ApiKeySchema.plugin(outboxPlugin);
ApiKeySchema.index({ workspaceId: 1, createdAt: 1 });
// Authentication finds a key by its prefix before it knows the workspace (a cross-tenant read).
ApiKeySchema.index({ prefix: 1 }, { unique: true });

export const apiKeyModel = (connection: Connection): Model<ApiKeyDoc> =>
  connection.model<ApiKeyDoc>('ApiKey', ApiKeySchema);
