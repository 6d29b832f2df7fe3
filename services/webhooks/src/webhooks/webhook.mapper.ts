import type { Actor, Webhook } from '@switchboard/contracts';
import type { WebhookDoc } from './webhook.schema';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
const actor = (a: Actor): Actor => ({ type: a.type, id: a.id });

/** Stored document → the contract's Webhook (never the secrets). */
export function toWebhook(doc: WebhookDoc, now = new Date()): Webhook {
  const overlap = doc.previousSecretExpiresAt && new Date(doc.previousSecretExpiresAt) > now;
  return {
    id: doc._id,
    workspaceId: doc.workspaceId,
    url: doc.url,
    events: [...doc.events],
    segmentIds: doc.segmentIds ? [...doc.segmentIds] : null,
    enabled: doc.enabled,
    orderedByContact: doc.orderedByContact ?? false,
    description: doc.description ?? null,
    disabledReason: doc.disabledReason ?? null,
    failingSince: iso(doc.failingSince),
    previousSecretExpiresAt: overlap ? iso(doc.previousSecretExpiresAt) : null,
    createdBy: actor(doc.createdBy),
    version: doc.version,
    createdAt: iso(doc.createdAt)!,
    updatedAt: iso(doc.updatedAt)!,
  };
}

/** The secrets that sign a delivery now: the current one, and the previous during its overlap. */
export function liveSecrets(doc: WebhookDoc, now = new Date()): string[] {
  const overlap =
    doc.previousSecret &&
    doc.previousSecretExpiresAt &&
    new Date(doc.previousSecretExpiresAt) > now;
  return overlap ? [doc.secret, doc.previousSecret!] : [doc.secret];
}
