import type { z } from 'zod';
import { IDENTITY_EVENTS } from '../auth/identity-events';
import { ACTIVITY_EVENTS } from '../activity/activity-events';
import { EXPORT_EVENTS } from '../contact/contact-export';
import { SEGMENT_EVENTS } from '../segment/segment-events';
import { COMPANY_EVENTS } from '../company/company-events';
import { IMPORT_EVENTS } from '../contact/contact-import';
import { CONTACT_EVENTS } from '../contact/contact-events';
import { CONTACT_ERASE_EVENTS } from '../contact/contact-erase';
import { DEAL_EVENTS } from '../deal/deal-events';
import { TASK_EVENTS } from '../task/task-events';
import { LEAD_EVENTS } from '../lead/lead-events';
import { FIT_EVENTS } from '../fit/fit-events';
import { INTEGRATION_EVENTS } from '../integration/integration-events';
import { WEBHOOK_EVENTS } from '../webhook/webhook-events';
import { SUPPRESSION_EVENTS } from '../suppression/suppression-events';

/**
 * The catalogue of domain events, one part per bounded context: type → aggregate, schema
 * version and data schema. The subject of an event is `crm.<workspaceId>.<type>`.
 */
export const EVENT_CATALOG = {
  ...IDENTITY_EVENTS,
  ...CONTACT_EVENTS,
  ...CONTACT_ERASE_EVENTS,
  ...IMPORT_EVENTS,
  ...ACTIVITY_EVENTS,
  ...EXPORT_EVENTS,
  ...SEGMENT_EVENTS,
  ...COMPANY_EVENTS,
  ...DEAL_EVENTS,
  ...TASK_EVENTS,
  ...LEAD_EVENTS,
  ...FIT_EVENTS,
  ...INTEGRATION_EVENTS,
  ...WEBHOOK_EVENTS,
  ...SUPPRESSION_EVENTS,
} as const satisfies Record<string, { aggregate: string; version: number; data: z.ZodTypeAny }>;

export type EventType = keyof typeof EVENT_CATALOG;
export type EventData<T extends EventType> = z.infer<(typeof EVENT_CATALOG)[T]['data']>;
