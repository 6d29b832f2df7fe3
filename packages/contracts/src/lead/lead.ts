import { z } from 'zod';
import { checkJson } from '../common/bounded-json';
import { LIMITS } from '../common/limits';
import { PageQuery } from '../common/pagination';
import { Id, Timestamp } from '../common/primitives';
import { Actor } from '../context/request-context';

const Text = (max: number) => z.string().trim().min(1).max(max);

/** UTM parameters as the form page received them. */
export const LeadUtm = z
  .object({
    source: Text(200).optional(),
    medium: Text(200).optional(),
    campaign: Text(200).optional(),
    term: Text(200).optional(),
    content: Text(200).optional(),
  })
  .strict();
export type LeadUtm = z.infer<typeof LeadUtm>;

/**
 * Consent given at capture. `at` defaults to the time of capture and is never later than it (a
 * future `at` is taken as the capture time); `ip` is the person's address
 * as the form integration saw it (the integration, not the person, calls the API).
 */
export const LeadConsentInput = z
  .object({
    given: z.boolean(),
    at: Timestamp.optional(),
    source: Text(200).optional(),
    ip: z.string().ip().optional(),
    text: z.string().max(2000).optional(),
  })
  .strict();
export type LeadConsentInput = z.infer<typeof LeadConsentInput>;

/** Extra form fields kept as they arrived: plain values, keys without `$` or dots. */
const FormFields = z
  .record(
    z.string().regex(/^[^$.][^.]{0,99}$/, 'keys may not start with $ or contain a dot'),
    z.union([z.string().max(5000), z.number(), z.boolean(), z.null()]),
  )
  .refine((m) => Object.keys(m).length <= LIMITS.leadFields.maxEntries, 'at most 100 form fields')
  .superRefine(checkJson(LIMITS.leadFields));

/**
 * `POST /v1/leads`: a capture as a form, import or integration sends it. The named fields are
 * what conversion copies into the contact; `fields` holds any other form field.
 */
export const CaptureLeadInput = z
  .object({
    firstName: Text(100).optional(),
    lastName: Text(100).optional(),
    displayName: Text(200).optional(),
    email: z.string().trim().email().max(320).optional(),
    phone: Text(64).optional(),
    companyName: Text(200).optional(),
    jobTitle: Text(200).optional(),
    message: z.string().max(5000).optional(),
    tags: z.array(Text(100)).max(50).optional(),
    fields: FormFields.optional(),
    source: Text(100),
    formId: Text(100).optional(),
    utm: LeadUtm.optional(),
    consent: LeadConsentInput.optional(),
    /** A member to assign; absent = the workspace's round-robin set if one is configured. */
    assigneeId: Id.optional(),
  })
  .strict()
  .refine((l) => Boolean(l.firstName || l.lastName || l.displayName || l.email || l.phone), {
    message: 'a lead needs a name, an email or a phone',
    path: ['email'],
  });
export type CaptureLeadInput = z.infer<typeof CaptureLeadInput>;

export const LEAD_STATUSES = ['new', 'working', 'qualified', 'converted', 'disqualified'] as const;
export const LeadStatus = z.enum(LEAD_STATUSES);
export type LeadStatus = z.infer<typeof LeadStatus>;

/**
 * `PATCH /v1/leads/:id`: a status move (`reason` required for `disqualified`), an assignment
 * (`null` unassigns), or both. `converted` is reached only through the convert route.
 */
export const UpdateLeadInput = z
  .object({
    status: z.enum(['new', 'working', 'qualified', 'disqualified']).optional(),
    reason: z.string().trim().min(1).max(500).optional(),
    assigneeId: Id.nullable().optional(),
  })
  .strict()
  .refine((p) => p.status !== undefined || p.assigneeId !== undefined, {
    message: 'give a status or an assigneeId',
    path: ['status'],
  })
  .refine((p) => p.status !== 'disqualified' || p.reason !== undefined, {
    message: 'disqualifying a lead needs a reason',
    path: ['reason'],
  });
export type UpdateLeadInput = z.infer<typeof UpdateLeadInput>;

/** The capture exactly as it arrived (never changed afterwards). */
export const LeadCapture = z.object({
  fields: z.record(z.unknown()),
  source: z.string(),
  formId: z.string().nullable(),
  utm: LeadUtm.nullable(),
  consent: z
    .object({
      given: z.boolean(),
      at: Timestamp,
      source: z.string(),
      ip: z.string().nullable(),
      text: z.string().nullable(),
    })
    .nullable(),
  receivedAt: Timestamp,
  by: Actor,
});
export type LeadCapture = z.infer<typeof LeadCapture>;

export const LeadStatusTransition = z.object({
  from: LeadStatus.nullable(),
  to: LeadStatus,
  reason: z.string().nullable(),
  at: Timestamp,
  actor: Actor,
});

export const LeadAssignment = z.object({
  assigneeId: z.string().nullable(),
  /** `manual` (capture or PATCH) or `round_robin`. */
  how: z.enum(['manual', 'round_robin']),
  at: Timestamp,
  actor: Actor,
});

export const LeadConversion = z.object({
  contactId: Id,
  /** false: attached to the contact the workspace's dedup rule found. */
  created: z.boolean(),
  at: Timestamp,
  actor: Actor,
});

export const Lead = z.object({
  id: Id,
  workspaceId: Id,
  firstName: z.string().optional(),
  lastName: z.string().optional(),
  displayName: z.string(),
  email: z.string().optional(),
  phone: z.string().optional(),
  companyName: z.string().optional(),
  jobTitle: z.string().optional(),
  tags: z.array(z.string()),
  source: z.string(),
  formId: z.string().nullable(),
  status: LeadStatus,
  /** The reason of the latest status move that gave one (a disqualification). */
  reason: z.string().nullable(),
  assigneeId: z.string().nullable(),
  capture: LeadCapture,
  statusHistory: z.array(LeadStatusTransition),
  assignments: z.array(LeadAssignment),
  conversion: LeadConversion.nullable(),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Lead = z.infer<typeof Lead>;

export const LeadIdParams = z.object({ id: Id }).strict();

/** `GET /v1/leads`: newest first. `assigneeId` takes `me` and `none`. */
export const ListLeadsQuery = PageQuery.extend({
  status: LeadStatus.optional(),
  assigneeId: z.union([z.literal('me'), z.literal('none'), Id]).optional(),
  source: Text(100).optional(),
  formId: Text(100).optional(),
  email: z.string().trim().toLowerCase().max(320).optional(),
}).strict();
export type ListLeadsQuery = z.infer<typeof ListLeadsQuery>;

export const ConvertLeadResult = z.object({ contactId: Id, created: z.boolean(), lead: Lead });
export type ConvertLeadResult = z.infer<typeof ConvertLeadResult>;

/** Per-workspace lead settings: the round-robin set new leads are assigned among. */
export const LeadSettings = z.object({
  roundRobin: z.array(Id).max(200),
  version: z.number().int(),
});
export type LeadSettings = z.infer<typeof LeadSettings>;

export const UpdateLeadSettingsInput = z
  .object({ roundRobin: z.array(Id).max(200) })
  .strict()
  .refine((s) => new Set(s.roundRobin).size === s.roundRobin.length, {
    message: 'members appear once',
    path: ['roundRobin'],
  });
export type UpdateLeadSettingsInput = z.infer<typeof UpdateLeadSettingsInput>;
