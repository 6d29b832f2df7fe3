import { Controller, HttpCode, Post, UseInterceptors } from '@nestjs/common';
import {
  ChannelConsentParams,
  Contact,
  RecordConsentInput,
  RPC,
  type RequestContext,
} from '@switchboard/contracts';
import { RpcClient } from '@switchboard/messaging';
import { Ctx, RequiresCapability } from '../access/access.decorators';
import { Operation, ValidBody, ValidParams } from '../http/route-contract';
import { ETagHeader, VersionETag } from '../http/version-etag';

/** A channel's consent (decision 0120): opt-in or opt-out with time, source and IP, history kept. */
@Controller('v1/contacts')
export class ChannelConsentController {
  constructor(private readonly rpc: RpcClient) {}

  @Post(':id/channels/:channelId/consent')
  @HttpCode(200)
  @RequiresCapability('contacts.update')
  @UseInterceptors(VersionETag)
  @Operation({
    summary:
      'Record a channel\'s consent (channelId = "<type>:<value>", URL-encoded, e.g. ' +
      'email%3Aada%40example.com): opted_in or opted_out with source and ip; at defaults to ' +
      'now and may not be in the future; the channel keeps its consent history',
    response: Contact,
    responseHeaders: ETagHeader,
  })
  record(
    @Ctx() ctx: RequestContext,
    @ValidParams(ChannelConsentParams) params: ChannelConsentParams,
    @ValidBody(RecordConsentInput) body: RecordConsentInput,
  ): Promise<Contact> {
    return this.rpc.call(RPC.contacts.recordConsent, ctx, {
      id: params.id,
      channelId: params.channelId,
      consent: body,
    });
  }
}
