import { Controller, Get, Patch } from '@nestjs/common';
import { ChecksMemberIds } from '../access/member-ids.interceptor';
import {
  LeadSettings,
  RPC,
  UpdateLeadSettingsInput,
  type RequestContext,
} from '@switchboard/contracts';
import { RpcClient } from '@switchboard/messaging';
import { Ctx, RequiresCapability } from '../access/access.decorators';
import { Operation, ValidBody } from '../http/route-contract';

@Controller('v1/settings/leads')
export class LeadSettingsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @RequiresCapability('leads.read')
  @Operation({
    summary: 'The round-robin set new leads are assigned among',
    response: LeadSettings,
  })
  get(@Ctx() ctx: RequestContext): Promise<LeadSettings> {
    return this.rpc.call(RPC.contacts.getLeadSettings, ctx, {});
  }

  @Patch()
  @ChecksMemberIds()
  @RequiresCapability('custom_fields.configure')
  @Operation({
    summary: 'Replace the round-robin set (member ids, in turn order; empty = no round-robin)',
    response: LeadSettings,
  })
  update(
    @Ctx() ctx: RequestContext,
    @ValidBody(UpdateLeadSettingsInput) body: UpdateLeadSettingsInput,
  ): Promise<LeadSettings> {
    return this.rpc.call(RPC.contacts.updateLeadSettings, ctx, body);
  }
}
