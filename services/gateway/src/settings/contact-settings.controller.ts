import { Controller, Get, Patch } from '@nestjs/common';
import {
  ContactSettings,
  RPC,
  UpdateContactSettingsInput,
  type RequestContext,
} from '@switchboard/contracts';
import { RpcClient } from '@switchboard/messaging';
import { Ctx, RequiresCapability } from '../access/access.decorators';
import { Operation, ValidBody } from '../http/route-contract';

@Controller('v1/settings/contacts')
export class ContactSettingsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @RequiresCapability('contacts.read')
  @Operation({
    summary: 'Journey stages, lead sources, dedup rule and the state of its key recomputation',
    response: ContactSettings,
  })
  get(@Ctx() ctx: RequestContext): Promise<ContactSettings> {
    return this.rpc.call(RPC.contacts.getSettings, ctx, {});
  }

  @Patch()
  @RequiresCapability('custom_fields.configure')
  @Operation({
    summary:
      'Change stages, lead sources or the dedup rule (email | phone; existing keys are ' +
      'recomputed in the background); version → 409 when stale',
    response: ContactSettings,
  })
  update(
    @Ctx() ctx: RequestContext,
    @ValidBody(UpdateContactSettingsInput) body: UpdateContactSettingsInput,
  ): Promise<ContactSettings> {
    return this.rpc.call(RPC.contacts.updateSettings, ctx, body);
  }
}
