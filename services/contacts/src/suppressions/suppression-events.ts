import type { Actor, EventEnvelope, SuppressionReason } from '@switchboard/contracts';
import { buildEvent } from '@switchboard/messaging';
import { toSuppression } from './suppression.mapper';
import type { SuppressionDoc } from './suppression.schema';

/** `suppression.added`: the entry after the change and the reason this change added. */
export function addedEvent(actor: Actor, doc: SuppressionDoc, reason: SuppressionReason) {
  return buildEvent('suppression.added', {
    workspaceId: doc.workspaceId,
    actor,
    aggregateId: doc._id,
    aggregateVersion: doc.version,
    occurredAt: doc.updatedAt,
    data: { suppression: toSuppression(doc), reason },
  }) as EventEnvelope;
}

/** `suppression.lifted`: the entry after it was removed from the list. */
export function liftedEvent(actor: Actor, doc: SuppressionDoc) {
  return buildEvent('suppression.lifted', {
    workspaceId: doc.workspaceId,
    actor,
    aggregateId: doc._id,
    aggregateVersion: doc.version,
    occurredAt: doc.updatedAt,
    data: { suppression: toSuppression(doc) },
  }) as EventEnvelope;
}
