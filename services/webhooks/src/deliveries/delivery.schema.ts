import { Schema, type Connection, type Model } from 'mongoose';
import { tenantGuard } from '@switchboard/storage';
import type { WebhookAttempt, WebhookDeliveryStatus } from '@switchboard/contracts';

/** Attempts kept per delivery (the count goes on). */
export const ATTEMPT_LOG_MAX = 50;

export interface StoredAttempt extends Omit<WebhookAttempt, 'at'> {
  at: Date;
}

/** One event for one endpoint: its signed body is fixed, attempts are appended. */
export interface DeliveryDoc {
  /** Derived from endpoint and event (see deliveryId): a redelivered event finds it again. */
  _id: string;
  workspaceId: string;
  webhookId: string;
  eventId: string;
  eventType: string;
  /** `<webhookId>:<contactId>` for endpoints that want one contact's events in order. */
  orderKey: string | null;
  /** Stream sequence of the event: the order within an orderKey. */
  seq: number;
  body: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  responseCode: number | null;
  latencyMs: number | null;
  attemptLog: StoredAttempt[];
  nextAttemptAt: Date | null;
  /** Manual retries so far (each one queues a job of its own). */
  retries: number;
  createdAt: Date;
  updatedAt: Date;
}

const AttemptSchema = new Schema<StoredAttempt>(
  { at: Date, responseCode: Number, latencyMs: Number, error: String },
  { _id: false },
);

const DeliverySchema = new Schema<DeliveryDoc>(
  {
    _id: { type: String, required: true },
    workspaceId: { type: String, required: true, immutable: true },
    webhookId: { type: String, required: true },
    eventId: { type: String, required: true },
    eventType: { type: String, required: true },
    orderKey: { type: String, default: null },
    seq: { type: Number, required: true },
    body: { type: String, required: true },
    status: { type: String, required: true },
    attempts: { type: Number, default: 0 },
    responseCode: { type: Number, default: null },
    latencyMs: { type: Number, default: null },
    attemptLog: { type: [AttemptSchema], default: [] },
    nextAttemptAt: { type: Date, default: null },
    retries: { type: Number, default: 0 },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'deliveries', versionKey: false, minimize: false },
);
DeliverySchema.plugin(tenantGuard);
// The delivery log of an endpoint, newest first.
DeliverySchema.index({ workspaceId: 1, webhookId: 1, createdAt: -1, _id: -1 });
// Per-contact order: is an older delivery of the same contact still pending?
DeliverySchema.index({ workspaceId: 1, orderKey: 1, status: 1, seq: 1 });
// The sweep that re-queues pending deliveries, across tenants.
DeliverySchema.index({ status: 1, nextAttemptAt: 1 });

export const deliveryModel = (connection: Connection): Model<DeliveryDoc> =>
  connection.model<DeliveryDoc>('Delivery', DeliverySchema);
