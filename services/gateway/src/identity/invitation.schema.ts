import { Schema, type Connection, type Model } from 'mongoose';
import { idField, outboxPlugin, tenantGuard, type OutboxFields } from '@switchboard/storage';

/** An invitation to join a workspace with a role; the token is stored only as its sha256. */
export interface InvitationDoc extends OutboxFields {
  _id: string;
  workspaceId: string;
  email: string;
  role: string;
  tokenHash: string;
  invitedBy: string;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt?: Date | null;
  revokedBy?: string | null;
  createdAt: Date;
}

const InvitationSchema = new Schema<InvitationDoc>(
  {
    ...idField,
    workspaceId: { type: String, required: true, immutable: true },
    email: { type: String, required: true },
    role: { type: String, required: true },
    tokenHash: { type: String, required: true, immutable: true },
    invitedBy: { type: String, required: true },
    expiresAt: { type: Date, required: true },
    acceptedAt: { type: Date, default: null },
    revokedAt: { type: Date, default: null },
    revokedBy: { type: String, default: null },
    createdAt: { type: Date, required: true },
  },
  { collection: 'invitations', versionKey: false },
);
InvitationSchema.plugin(tenantGuard);
InvitationSchema.plugin(outboxPlugin);
InvitationSchema.index({ workspaceId: 1, tokenHash: 1 }, { unique: true });

export const invitationModel = (connection: Connection): Model<InvitationDoc> =>
  connection.model<InvitationDoc>('Invitation', InvitationSchema);
