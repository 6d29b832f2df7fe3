import { Schema, type Connection, type Model } from 'mongoose';
import type { IntegrationKind } from '@switchboard/contracts';
import { idField, outboxPlugin, tenantGuard, type OutboxFields } from '@switchboard/storage';

/**
 * NATS credentials issued to an outside system. Only the user's public key is kept: the seed
 * leaves in the creds text of the 201 and nowhere else, so a database leak issues no access.
 */
export interface IntegrationDoc extends OutboxFields {
  _id: string;
  workspaceId: string;
  name: string;
  kind: IntegrationKind;
  userPublicKey: string;
  createdBy: string;
  createdAt: Date;
  revokedAt: Date | null;
  revokedBy: string | null;
}

const IntegrationSchema = new Schema<IntegrationDoc>(
  {
    ...idField,
    workspaceId: { type: String, required: true, immutable: true },
    name: { type: String, required: true },
    kind: { type: String, required: true, immutable: true },
    userPublicKey: { type: String, required: true, immutable: true },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    revokedAt: { type: Date, default: null },
    revokedBy: { type: String, default: null },
  },
  { collection: 'integrations', versionKey: false },
);
IntegrationSchema.plugin(tenantGuard);
IntegrationSchema.plugin(outboxPlugin);
IntegrationSchema.index({ workspaceId: 1, createdAt: 1 });
// The revocation list of the whole deployment is read on every push (a cross-tenant read).
IntegrationSchema.index({ revokedAt: 1 });

export const integrationModel = (connection: Connection): Model<IntegrationDoc> =>
  connection.model<IntegrationDoc>('Integration', IntegrationSchema);
