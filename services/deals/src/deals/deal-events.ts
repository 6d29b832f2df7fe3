import type { Actor, EventEnvelope } from '@switchboard/contracts';
import { buildEvent } from '@switchboard/messaging';
import type { StageDoc } from '../pipelines/pipeline.schema';
import { toDeal } from './deal.mapper';
import type { DealDoc } from './deal.schema';

/** The envelope facts of a deal event: the deal as written, at its new version. */
const facts = (actor: Actor, doc: DealDoc) => ({
  workspaceId: doc.workspaceId,
  actor,
  aggregateId: doc._id,
  aggregateVersion: doc.version,
  occurredAt: doc.updatedAt,
});

export const createdEvent = (actor: Actor, doc: DealDoc): EventEnvelope => {
  const deal = toDeal(doc);
  return buildEvent('deal.created', {
    ...facts(actor, doc),
    data: { contactId: deal.contactId, deal },
  });
};

export const updatedEvent = (
  actor: Actor,
  before: DealDoc,
  doc: DealDoc,
  changes: string[],
): EventEnvelope => {
  const deal = toDeal(doc);
  const previous =
    before.contactId && before.contactId !== doc.contactId
      ? { previousContactId: before.contactId }
      : {};
  return buildEvent('deal.updated', {
    ...facts(actor, doc),
    data: { contactId: deal.contactId, deal, changes, ...previous },
  });
};

/** `deal.stage.changed`, plus `deal.won` / `deal.lost` when the move settles the outcome. */
export function movedEvents(
  actor: Actor,
  before: DealDoc,
  doc: DealDoc,
  from: StageDoc | undefined,
  target: StageDoc,
): EventEnvelope[] {
  const deal = toDeal(doc);
  const f = facts(actor, doc);
  const events: EventEnvelope[] = [
    buildEvent('deal.stage.changed', {
      ...f,
      data: {
        contactId: deal.contactId,
        deal,
        from: {
          stageId: before.stageId,
          name: from?.name ?? before.stageId,
          category: before.status,
        },
        to: { stageId: target.id, name: target.name, category: target.category },
      },
    }),
  ];
  if (target.category === 'won' && before.status !== 'won') {
    events.push(buildEvent('deal.won', { ...f, data: { contactId: deal.contactId, deal } }));
  }
  if (target.category === 'lost' && before.status !== 'lost') {
    const lostReason = deal.outcome?.lostReason ?? null;
    events.push(
      buildEvent('deal.lost', { ...f, data: { contactId: deal.contactId, deal, lostReason } }),
    );
  }
  return events;
}
