import { Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ChecksMemberIds } from '../access/member-ids.interceptor';
import {
  CaptureLeadInput,
  ConvertLeadResult,
  Lead,
  LeadIdParams,
  ListLeadsQuery,
  pageOf,
  RPC,
  UpdateLeadInput,
  type Page,
  type RequestContext,
} from '@switchboard/contracts';
import { RpcClient } from '@switchboard/messaging';
import { Ctx, RequiresCapability } from '../access/access.decorators';
import { Operation, ValidBody, ValidParams, ValidQuery } from '../http/route-contract';

type Id = { id: string };

@Controller('v1/leads')
export class LeadsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @ChecksMemberIds()
  @RequiresCapability('leads.capture')
  @Operation({
    summary:
      'Capture a lead (forms and integrations, with an API key): the capture is kept as it ' +
      'arrived (fields, source, form, UTM, consent with time, source and IP); without ' +
      'assigneeId it goes to the next member of the round-robin set, if one is configured',
    response: Lead,
  })
  capture(
    @Ctx() ctx: RequestContext,
    @ValidBody(CaptureLeadInput) body: CaptureLeadInput,
  ): Promise<Lead> {
    return this.rpc.call(RPC.contacts.captureLead, ctx, body);
  }

  @Get()
  @RequiresCapability('leads.read')
  @Operation({
    summary: 'List leads, newest first, by status, assignee (me, none), source, form, email',
    response: pageOf(Lead),
  })
  list(
    @Ctx() ctx: RequestContext,
    @ValidQuery(ListLeadsQuery) query: ListLeadsQuery,
  ): Promise<Page<Lead>> {
    return this.rpc.call(RPC.contacts.listLeads, ctx, query);
  }

  @Get(':id')
  @RequiresCapability('leads.read')
  @Operation({
    summary: 'Get a lead with its capture, status and assignment history',
    response: Lead,
  })
  get(@Ctx() ctx: RequestContext, @ValidParams(LeadIdParams) params: Id): Promise<Lead> {
    return this.rpc.call(RPC.contacts.getLead, ctx, params);
  }

  @Patch(':id')
  @ChecksMemberIds()
  @RequiresCapability('leads.manage')
  @Operation({
    summary:
      'Move a lead through new → working → qualified | disqualified (reason required) and/or ' +
      'assign it (null unassigns); a converted lead is 409',
    response: Lead,
  })
  update(
    @Ctx() ctx: RequestContext,
    @ValidParams(LeadIdParams) params: Id,
    @ValidBody(UpdateLeadInput) body: UpdateLeadInput,
  ): Promise<Lead> {
    return this.rpc.call(RPC.contacts.updateLead, ctx, { id: params.id, patch: body });
  }

  @Post(':id/convert')
  @HttpCode(200)
  @RequiresCapability('leads.manage')
  @Operation({
    summary:
      'Convert a qualified lead: creates a contact (source, tags, consent, leadId from the ' +
      'lead) or attaches to the one the dedup rule finds (created: false); repeatable',
    response: ConvertLeadResult,
  })
  convert(
    @Ctx() ctx: RequestContext,
    @ValidParams(LeadIdParams) params: Id,
  ): Promise<ConvertLeadResult> {
    return this.rpc.call(RPC.contacts.convertLead, ctx, params);
  }
}
