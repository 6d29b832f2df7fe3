import { AppError } from '@switchboard/errors';
import type { Actor, CaptureLeadInput, LeadStatus } from '@switchboard/contracts';
import { normaliseChannelValue } from '../contacts/contact-normalizer';
import type { LeadDoc } from './lead.schema';

/**
 * The status workflow: `new → working → qualified → converted | disqualified`. A lead may skip
 * ahead (a good form fill is qualified at once), step back from qualified to working, and a
 * disqualified lead may be reopened (to working). `converted` is terminal and reached only by
 * conversion, which needs `qualified`.
 */
export const LEAD_TRANSITIONS: Readonly<Record<LeadStatus, readonly LeadStatus[]>> = {
  new: ['working', 'qualified', 'disqualified'],
  working: ['qualified', 'disqualified'],
  qualified: ['working', 'disqualified', 'converted'],
  disqualified: ['working'],
  converted: [],
};

export const mayMove = (from: LeadStatus, to: LeadStatus): boolean =>
  LEAD_TRANSITIONS[from].includes(to);

/** What building a new lead needs besides the capture. */
export interface NewLeadContext {
  id: string;
  workspaceId: string;
  actor: Actor;
  now: Date;
  /** The assignee and how it was chosen (null: nobody). */
  assignment: { assigneeId: string; how: 'manual' | 'round_robin' } | null;
}

const display = (c: CaptureLeadInput): string =>
  c.displayName ??
  ([c.firstName, c.lastName].filter(Boolean).join(' ') || c.email || c.phone || 'Lead');

/** A new lead from a validated capture; the capture record keeps the body as it arrived. */
export function buildLeadDoc(input: CaptureLeadInput, c: NewLeadContext): LeadDoc {
  const { source, formId, utm, consent, assigneeId: _assignee, ...fields } = input;
  const tags = [...new Set((input.tags ?? []).map((t) => t.trim()).filter(Boolean))];
  return {
    _id: c.id,
    workspaceId: c.workspaceId,
    ...(input.firstName ? { firstName: input.firstName } : {}),
    ...(input.lastName ? { lastName: input.lastName } : {}),
    displayName: display(input),
    // Normalised as a contact's channels are (a bad phone is refused at capture, not later).
    ...(input.email
      ? { email: normaliseChannelValue({ type: 'email', value: input.email }, 0) }
      : {}),
    ...(input.phone ? { phone: normalisedPhone(input.phone) } : {}),
    ...(input.companyName ? { companyName: input.companyName } : {}),
    ...(input.jobTitle ? { jobTitle: input.jobTitle } : {}),
    tags,
    source,
    formId: formId ?? null,
    status: 'new',
    reason: null,
    assigneeId: c.assignment?.assigneeId ?? null,
    capture: {
      fields,
      source,
      formId: formId ?? null,
      utm: utm ?? null,
      consent: consent
        ? {
            given: consent.given,
            // The server's clock bounds it: a client's `at` may date an earlier consent (a
            // form queued offline), never a later one that would outrank an unsubscribe.
            at: consent.at && new Date(consent.at) < c.now ? new Date(consent.at) : c.now,
            source: consent.source ?? formId ?? source,
            ip: consent.ip ?? null,
            text: consent.text ?? null,
          }
        : null,
      receivedAt: c.now,
      by: c.actor,
    },
    statusHistory: [{ from: null, to: 'new', reason: null, at: c.now, actor: c.actor }],
    assignments: c.assignment ? [{ ...c.assignment, at: c.now, actor: c.actor }] : [],
    conversion: null,
    version: 1,
    createdAt: c.now,
    updatedAt: c.now,
  };
}

function normalisedPhone(value: string): string {
  try {
    return normaliseChannelValue({ type: 'phone', value }, 0);
  } catch {
    throw AppError.validation('invalid lead', [
      { path: 'phone', message: 'not a phone number in international form (+<country code>…)' },
    ]);
  }
}

/** The next round-robin member: position `next` in the set (callers bump `next` by CAS). */
export const roundRobinPick = (set: readonly string[], next: number): string | null =>
  set.length === 0 ? null : set[next % set.length];
