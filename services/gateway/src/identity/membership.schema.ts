import { Schema, type Connection, type Model } from 'mongoose';
import { idField, outboxPlugin, tenantGuard, type OutboxFields } from '@switchboard/storage';

/** A user's role in one workspace. */
export interface MembershipDoc extends OutboxFields {
  _id: string;
  workspaceId: string;
  userId: string;
  role: string;
  createdAt: Date;
  /** The last sign-in to this workspace (login, sign-up, accepted invitation); refreshes do not count. */
  lastSignInAt?: Date | null;
  /** Set when the member was deactivated (offboarding without removal): not a member any more. */
  deactivatedAt?: Date | null;
}

const MembershipSchema = new Schema<MembershipDoc>(
  {
    ...idField,
    workspaceId: { type: String, required: true, immutable: true },
    userId: { type: String, required: true, immutable: true },
    role: { type: String, required: true },
    createdAt: { type: Date, required: true },
    lastSignInAt: { type: Date, default: null },
    deactivatedAt: { type: Date, default: null },
  },
  { collection: 'memberships', versionKey: false },
);
MembershipSchema.plugin(tenantGuard);
MembershipSchema.plugin(outboxPlugin);
MembershipSchema.index({ workspaceId: 1, userId: 1 }, { unique: true });
// Login looks up a user's memberships across workspaces (the one cross-tenant read).
MembershipSchema.index({ userId: 1, createdAt: 1 });

export const membershipModel = (connection: Connection): Model<MembershipDoc> =>
  connection.model<MembershipDoc>('Membership', MembershipSchema);
