import { Schema, type Connection, type Model } from 'mongoose';
import { idField, tenantGuard } from '@switchboard/storage';

/**
 * One issued refresh token, stored only as its sha256. Tokens of one login share a family, so
 * rotation can spend one and reuse of a spent one can revoke the whole family.
 */
export interface RefreshTokenDoc {
  _id: string;
  workspaceId: string;
  userId: string;
  familyId: string;
  tokenHash: string;
  expiresAt: Date;
  usedAt: Date | null;
  revokedAt: Date | null;
  createdAt: Date;
}

const RefreshTokenSchema = new Schema<RefreshTokenDoc>(
  {
    ...idField,
    workspaceId: { type: String, required: true, immutable: true },
    userId: { type: String, required: true },
    familyId: { type: String, required: true },
    tokenHash: { type: String, required: true },
    expiresAt: { type: Date, required: true },
    usedAt: { type: Date, default: null },
    revokedAt: { type: Date, default: null },
    createdAt: { type: Date, required: true },
  },
  { collection: 'refresh_tokens', versionKey: false },
);
RefreshTokenSchema.plugin(tenantGuard);
RefreshTokenSchema.index({ workspaceId: 1, tokenHash: 1 }, { unique: true });
RefreshTokenSchema.index({ workspaceId: 1, familyId: 1 });

export const refreshTokenModel = (connection: Connection): Model<RefreshTokenDoc> =>
  connection.model<RefreshTokenDoc>('RefreshToken', RefreshTokenSchema);
