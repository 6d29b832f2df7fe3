import type { Actor, Deal, Money } from '@switchboard/contracts';
import type { AmountDoc, DealDoc, StageVisitDoc } from './deal.schema';

const iso = (d: Date | string) => new Date(d).toISOString();
const actor = (a: Actor): Actor => ({ type: a.type, id: a.id });

/** Exact integer ten-thousandths of the amount: what board sums add up. */
export const toAmountDoc = (m: Money): AmountDoc => ({
  value: m.value,
  currency: m.currency,
  units: Math.round(m.value * 1e4),
});

export const unitsToValue = (units: number): number => units / 1e4;

const toVisit = (v: StageVisitDoc) => ({
  stageId: v.stageId,
  stageName: v.stageName,
  category: v.category,
  enteredAt: iso(v.enteredAt),
  enteredBy: actor(v.enteredBy),
  leftAt: v.leftAt ? iso(v.leftAt) : null,
  leftBy: v.leftBy ? actor(v.leftBy) : null,
});

/** Stored document → the contract's Deal (no outbox, no internal units). */
export function toDeal(doc: DealDoc): Deal {
  return {
    id: doc._id,
    workspaceId: doc.workspaceId,
    title: doc.title,
    pipelineId: doc.pipelineId,
    stageId: doc.stageId,
    status: doc.status,
    probability: doc.probability,
    contactId: doc.contactId,
    companyId: doc.companyId ?? null,
    amount: doc.amount ? { value: doc.amount.value, currency: doc.amount.currency } : null,
    ownerId: doc.ownerId ?? null,
    expectedCloseDate: doc.expectedCloseDate ?? null,
    tags: doc.tags,
    customFields: doc.customFields ?? {},
    stageHistory: doc.stageHistory.map(toVisit),
    outcome: doc.outcome
      ? {
          status: doc.outcome.status,
          at: iso(doc.outcome.at),
          by: actor(doc.outcome.by),
          lostReason: doc.outcome.lostReason ?? null,
        }
      : null,
    version: doc.version,
    createdAt: iso(doc.createdAt),
    updatedAt: iso(doc.updatedAt),
  };
}
