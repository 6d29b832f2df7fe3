import { Schema, type Connection, type Model } from 'mongoose';

/** A person who can sign in. Not tenant-owned: one user may belong to several workspaces. */
export interface UserDoc {
  _id: string;
  /** Lower-cased; unique across the whole installation. */
  email: string;
  name: string;
  passwordHash: string;
  /** The workspace this user's sign-up creates, chosen before any write so a retry can finish it. */
  signupWorkspaceId?: string;
  createdAt: Date;
}

const UserSchema = new Schema<UserDoc>(
  {
    _id: { type: String, required: true },
    email: { type: String, required: true },
    name: { type: String, required: true },
    passwordHash: { type: String, required: true },
    signupWorkspaceId: String,
    createdAt: { type: Date, required: true },
  },
  { collection: 'users', versionKey: false },
);
UserSchema.index({ email: 1 }, { unique: true });

export const userModel = (connection: Connection): Model<UserDoc> =>
  connection.model<UserDoc>('User', UserSchema);
