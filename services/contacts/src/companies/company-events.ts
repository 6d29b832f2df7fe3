import type { Actor, EventEnvelope, FieldChange } from '@switchboard/contracts';
import { buildEvent } from '@switchboard/messaging';
import { COMPANY_FIELDS, toCompany } from './company.mapper';
import type { CompanyDoc } from './company.schema';

/** The envelope facts of a company event: the company as written, at its new version. */
const facts = (actor: Actor, doc: CompanyDoc) => ({
  workspaceId: doc.workspaceId,
  actor,
  aggregateId: doc._id,
  aggregateVersion: doc.version,
  occurredAt: doc.updatedAt,
});

const json = (v: unknown): unknown => (v === undefined ? null : v);

/** What changed between two states, as the contract's values (absent = null). */
export function companyChanges(before: CompanyDoc, after: CompanyDoc): FieldChange[] {
  const a = toCompany(before) as Record<string, unknown>;
  const b = toCompany(after) as Record<string, unknown>;
  return COMPANY_FIELDS.filter((f) => JSON.stringify(a[f]) !== JSON.stringify(b[f])).map((f) => ({
    field: f,
    from: json(a[f]),
    to: json(b[f]),
  }));
}

export const companyCreated = (actor: Actor, doc: CompanyDoc): EventEnvelope =>
  buildEvent('company.created', { ...facts(actor, doc), data: { company: toCompany(doc) } });

export const companyUpdated = (
  actor: Actor,
  doc: CompanyDoc,
  changes: FieldChange[],
): EventEnvelope =>
  buildEvent('company.updated', {
    ...facts(actor, doc),
    data: { company: toCompany(doc), changes },
  });

export const companyArchived = (actor: Actor, doc: CompanyDoc, reason: string): EventEnvelope =>
  buildEvent('company.archived', {
    ...facts(actor, doc),
    data: { company: toCompany(doc), reason },
  });

export const companyMerged = (
  actor: Actor,
  survivor: CompanyDoc,
  duplicateId: string,
  changes: FieldChange[],
): EventEnvelope =>
  buildEvent('company.merged', {
    ...facts(actor, survivor),
    data: { survivorId: survivor._id, duplicateId, company: toCompany(survivor), changes },
  });
