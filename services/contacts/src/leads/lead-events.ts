import type { Actor, EventEnvelope } from '@switchboard/contracts';
import { buildEvent } from '@switchboard/messaging';
import { toLead } from './lead.mapper';
import type { LeadDoc } from './lead.schema';

const facts = (actor: Actor, doc: LeadDoc) => ({
  workspaceId: doc.workspaceId,
  actor,
  aggregateId: doc._id,
  aggregateVersion: doc.version,
  occurredAt: doc.updatedAt,
});

export const leadCreated = (actor: Actor, doc: LeadDoc): EventEnvelope =>
  buildEvent('lead.created', { ...facts(actor, doc), data: { lead: toLead(doc) } });

export const leadQualified = (actor: Actor, doc: LeadDoc): EventEnvelope =>
  buildEvent('lead.qualified', { ...facts(actor, doc), data: { lead: toLead(doc) } });

export const leadConverted = (actor: Actor, doc: LeadDoc): EventEnvelope =>
  buildEvent('lead.converted', {
    ...facts(actor, doc),
    data: {
      lead: toLead(doc),
      contactId: doc.conversion!.contactId,
      created: doc.conversion!.created,
    },
  });

/** Any other change (status move, assignment): the names of the fields that changed. */
export const leadUpdated = (actor: Actor, doc: LeadDoc, changes: string[]): EventEnvelope =>
  buildEvent('lead.updated', { ...facts(actor, doc), data: { lead: toLead(doc), changes } });
