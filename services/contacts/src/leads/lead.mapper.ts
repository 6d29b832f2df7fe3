import type { Lead } from '@switchboard/contracts';
import type { LeadDoc } from './lead.schema';

const iso = (d: Date | string): string => new Date(d).toISOString();

/** Stored document → the contract's Lead. */
export function toLead(doc: LeadDoc): Lead {
  const c = doc.capture;
  return {
    id: doc._id,
    workspaceId: doc.workspaceId,
    ...(doc.firstName ? { firstName: doc.firstName } : {}),
    ...(doc.lastName ? { lastName: doc.lastName } : {}),
    displayName: doc.displayName,
    ...(doc.email ? { email: doc.email } : {}),
    ...(doc.phone ? { phone: doc.phone } : {}),
    ...(doc.companyName ? { companyName: doc.companyName } : {}),
    ...(doc.jobTitle ? { jobTitle: doc.jobTitle } : {}),
    tags: doc.tags ?? [],
    source: doc.source,
    formId: doc.formId ?? null,
    status: doc.status,
    reason: doc.reason ?? null,
    assigneeId: doc.assigneeId ?? null,
    capture: {
      fields: c.fields ?? {},
      source: c.source,
      formId: c.formId ?? null,
      utm: c.utm ?? null,
      consent: c.consent
        ? {
            given: c.consent.given,
            at: iso(c.consent.at),
            source: c.consent.source,
            ip: c.consent.ip ?? null,
            text: c.consent.text ?? null,
          }
        : null,
      receivedAt: iso(c.receivedAt),
      by: c.by,
    },
    statusHistory: (doc.statusHistory ?? []).map((t) => ({
      from: t.from ?? null,
      to: t.to,
      reason: t.reason ?? null,
      at: iso(t.at),
      actor: t.actor,
    })),
    assignments: (doc.assignments ?? []).map((a) => ({
      assigneeId: a.assigneeId ?? null,
      how: a.how,
      at: iso(a.at),
      actor: a.actor,
    })),
    conversion: doc.conversion
      ? {
          contactId: doc.conversion.contactId,
          created: doc.conversion.created,
          at: iso(doc.conversion.at),
          actor: doc.conversion.actor,
        }
      : null,
    version: doc.version,
    createdAt: iso(doc.createdAt),
    updatedAt: iso(doc.updatedAt),
  };
}
