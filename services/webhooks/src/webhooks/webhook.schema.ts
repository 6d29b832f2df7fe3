import { Schema, type Connection, type Model } from 'mongoose';
import { idField, outboxPlugin, tenantGuard, type OutboxFields } from '@switchboard/storage';
import type { Actor } from '@switchboard/contracts';

export interface WebhookDoc extends OutboxFields {
  _id: string;
  workspaceId: string;
  url: string;
  events: string[];
  segmentIds: string[] | null;
  enabled: boolean;
  orderedByContact: boolean;
  description: string | null;
  disabledReason: 'failing' | null;
  failingSince: Date | null;
  /**
   * The signing secret, sealed with AES-256-GCM (SecretBox, decision 0145): never stored in
   * clear. The API shows it only when it is made.
   */
  secret: string;
  /** The id of the key that sealed `secret` and `previousSecret` (resealing finds the others). */
  secretKid: string | null;
  /** The secret before the last rotation (sealed), still signing until `previousSecretExpiresAt`. */
  previousSecret: string | null;
  previousSecretExpiresAt: Date | null;
  deleted: boolean;
  createdBy: Actor;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const ActorSchema = new Schema<Actor>({ type: { type: String }, id: String }, { _id: false });

const WebhookSchema = new Schema<WebhookDoc>(
  {
    ...idField,
    workspaceId: { type: String, required: true, immutable: true },
    url: { type: String, required: true },
    events: { type: [String], required: true },
    segmentIds: { type: [String], default: null },
    enabled: { type: Boolean, required: true },
    orderedByContact: { type: Boolean, default: false },
    description: { type: String, default: null },
    disabledReason: { type: String, default: null },
    failingSince: { type: Date, default: null },
    secret: { type: String, required: true },
    secretKid: { type: String, default: null },
    previousSecret: { type: String, default: null },
    previousSecretExpiresAt: { type: Date, default: null },
    deleted: { type: Boolean, default: false },
    createdBy: { type: ActorSchema, required: true },
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'webhooks', versionKey: false, minimize: false },
);
WebhookSchema.plugin(tenantGuard);
WebhookSchema.plugin(outboxPlugin);
WebhookSchema.index({ workspaceId: 1, deleted: 1, _id: 1 });
WebhookSchema.index({ workspaceId: 1, enabled: 1 });

export const webhookModel = (connection: Connection): Model<WebhookDoc> =>
  connection.model<WebhookDoc>('Webhook', WebhookSchema);
