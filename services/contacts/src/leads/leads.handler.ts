import { Controller } from '@nestjs/common';
import {
  RPC,
  type CaptureLeadInput,
  type ConvertLeadResult,
  type Lead,
  type LeadSettings,
  type ListLeadsQuery,
  type Page,
  type ReassignOwnerInput,
  type ReassignOwnerResult,
  type RequestContext,
  type UpdateLeadInput,
  type UpdateLeadSettingsInput,
} from '@switchboard/contracts';
import { RpcContext, RpcHandler, RpcInput } from '@switchboard/messaging';
import { LeadConversionService } from './lead-conversion.service';
import { LeadsService } from './leads.service';

/** RPC edge for leads: `rpc.contacts.lead.*`. */
@Controller()
export class LeadsHandler {
  constructor(
    private readonly leads: LeadsService,
    private readonly conversion: LeadConversionService,
  ) {}

  @RpcHandler(RPC.contacts.captureLead)
  capture(@RpcContext() ctx: RequestContext, @RpcInput() input: CaptureLeadInput): Promise<Lead> {
    return this.leads.capture(ctx, input);
  }

  @RpcHandler(RPC.contacts.getLead)
  get(@RpcContext() ctx: RequestContext, @RpcInput() input: { id: string }): Promise<Lead> {
    return this.leads.get(ctx, input.id);
  }

  @RpcHandler(RPC.contacts.listLeads)
  list(@RpcContext() ctx: RequestContext, @RpcInput() input: ListLeadsQuery): Promise<Page<Lead>> {
    return this.leads.list(ctx, input);
  }

  @RpcHandler(RPC.contacts.updateLead)
  async update(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: { id: string; patch: UpdateLeadInput },
  ): Promise<Lead> {
    return this.leads.update(ctx, input.id, input.patch);
  }

  @RpcHandler(RPC.contacts.convertLead)
  convert(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: { id: string },
  ): Promise<ConvertLeadResult> {
    return this.conversion.convert(ctx, input.id);
  }

  @RpcHandler(RPC.contacts.getLeadSettings)
  settings(@RpcContext() ctx: RequestContext): Promise<LeadSettings> {
    return this.leads.settings(ctx);
  }

  @RpcHandler(RPC.contacts.reassignLeads)
  reassignLeads(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: ReassignOwnerInput,
  ): Promise<ReassignOwnerResult> {
    return this.leads.reassignLeads(ctx, input);
  }

  @RpcHandler(RPC.contacts.updateLeadSettings)
  updateSettings(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: UpdateLeadSettingsInput,
  ): Promise<LeadSettings> {
    return this.leads.updateSettings(ctx, input);
  }
}
