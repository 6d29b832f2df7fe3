import type { Suppression } from '@switchboard/contracts';
import type { SuppressionDoc } from './suppression.schema';

const iso = (d: Date | string): string => new Date(d).toISOString();

/** Stored entry → the contract's Suppression (no outbox or revision). */
export function toSuppression(doc: SuppressionDoc): Suppression {
  return {
    id: doc._id,
    workspaceId: doc.workspaceId,
    address: doc.address,
    channelType: doc.channelType,
    status: doc.status,
    reason: doc.reason,
    reasons: doc.reasons,
    suppressedAt: iso(doc.suppressedAt),
    liftedAt: doc.liftedAt ? iso(doc.liftedAt) : null,
    history: doc.history,
    version: doc.version,
    createdAt: iso(doc.createdAt),
    updatedAt: iso(doc.updatedAt),
  };
}
