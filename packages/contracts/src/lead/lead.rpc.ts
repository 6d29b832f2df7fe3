import { z } from 'zod';
import { ReassignOwnerInput, ReassignOwnerResult } from '../offboarding/offboarding';
import { pageOf } from '../common/pagination';
import { Id } from '../common/primitives';
import {
  CaptureLeadInput,
  ConvertLeadResult,
  Lead,
  LeadSettings,
  ListLeadsQuery,
  UpdateLeadInput,
  UpdateLeadSettingsInput,
} from './lead';

const ById = z.object({ id: Id }).strict();

/** Leads, served by the contacts service (`rpc.contacts.lead.*`). */
export const LEADS_RPC = {
  captureLead: { subject: 'rpc.contacts.lead.capture', input: CaptureLeadInput, output: Lead },
  getLead: { subject: 'rpc.contacts.lead.get', input: ById, output: Lead },
  listLeads: { subject: 'rpc.contacts.lead.list', input: ListLeadsQuery, output: pageOf(Lead) },
  updateLead: {
    subject: 'rpc.contacts.lead.update',
    input: z.object({ id: Id, patch: UpdateLeadInput }).strict(),
    output: Lead,
  },
  convertLead: { subject: 'rpc.contacts.lead.convert', input: ById, output: ConvertLeadResult },
  getLeadSettings: {
    subject: 'rpc.contacts.lead.settings.get',
    input: z.object({}).strict(),
    output: LeadSettings,
  },
  updateLeadSettings: {
    subject: 'rpc.contacts.lead.settings.update',
    input: UpdateLeadSettingsInput,
    output: LeadSettings,
  },
  /** Offboarding: leads assigned to a departing member move (decision 0135). */
  reassignLeads: {
    subject: 'rpc.contacts.lead.assignee.reassign',
    input: ReassignOwnerInput,
    output: ReassignOwnerResult,
  },
} as const;
