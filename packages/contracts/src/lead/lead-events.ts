import { z } from 'zod';
import { Id } from '../common/primitives';
import { Lead } from './lead';

/** Every lead event carries the lead as stored after the change. */
export const LeadCreatedV1 = z.object({ lead: Lead });
export const LeadQualifiedV1 = z.object({ lead: Lead });
/** A status move or an assignment; `changes` names the fields (`status`, `assigneeId`). */
export const LeadUpdatedV1 = z.object({ lead: Lead, changes: z.array(z.string()) });
export const LeadConvertedV1 = z.object({
  lead: Lead,
  /** The contact the lead became (created) or was attached to (`created: false`). */
  contactId: Id,
  created: z.boolean(),
});

/** `lead_settings.updated` v1: the round-robin set changed (aggregate: the workspace's settings). */
export const LeadSettingsUpdatedV1 = z.object({
  roundRobin: z.array(Id),
  previous: z.array(Id),
});

export const LEAD_EVENTS = {
  'lead.created': { aggregate: 'lead', version: 1, data: LeadCreatedV1 },
  'lead.updated': { aggregate: 'lead', version: 1, data: LeadUpdatedV1 },
  'lead.qualified': { aggregate: 'lead', version: 1, data: LeadQualifiedV1 },
  'lead.converted': { aggregate: 'lead', version: 1, data: LeadConvertedV1 },
  'lead_settings.updated': { aggregate: 'lead_settings', version: 1, data: LeadSettingsUpdatedV1 },
} as const;
