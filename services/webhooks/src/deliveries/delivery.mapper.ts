import type { WebhookDelivery } from '@switchboard/contracts';
import type { DeliveryDoc } from './delivery.schema';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

/** Stored document → the contract's WebhookDelivery (without the body). */
export function toDelivery(doc: DeliveryDoc): WebhookDelivery {
  return {
    id: doc._id,
    webhookId: doc.webhookId,
    eventId: doc.eventId,
    eventType: doc.eventType,
    status: doc.status,
    attempts: doc.attempts,
    responseCode: doc.responseCode ?? null,
    latencyMs: doc.latencyMs ?? null,
    attemptLog: (doc.attemptLog ?? []).map((a) => ({
      at: iso(a.at)!,
      responseCode: a.responseCode ?? null,
      latencyMs: a.latencyMs,
      error: a.error ?? null,
    })),
    nextAttemptAt: doc.status === 'pending' ? iso(doc.nextAttemptAt) : null,
    createdAt: iso(doc.createdAt)!,
    updatedAt: iso(doc.updatedAt)!,
  };
}
