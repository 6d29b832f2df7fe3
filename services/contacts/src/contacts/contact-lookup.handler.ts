import { Controller } from '@nestjs/common';
import {
  RPC,
  type ApplyChannelEventInput,
  type ApplyChannelEventResult,
  type FindByChannelInput,
  type FindByChannelResult,
  type RequestContext,
} from '@switchboard/contracts';
import { RpcContext, RpcHandler, RpcInput } from '@switchboard/messaging';
import { ContactLookupService } from './contact-lookup.service';

/** `rpc.contacts.findByChannel` and `rpc.contacts.applyChannelEvent` (messaging ingestion). */
@Controller()
export class ContactLookupHandler {
  constructor(private readonly lookup: ContactLookupService) {}

  @RpcHandler(RPC.contacts.findByChannel)
  findByChannel(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: FindByChannelInput,
  ): Promise<FindByChannelResult> {
    return this.lookup.findByChannel(ctx, input);
  }

  @RpcHandler(RPC.contacts.applyChannelEvent)
  applyChannelEvent(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: ApplyChannelEventInput,
  ): Promise<ApplyChannelEventResult> {
    return this.lookup.applyChannelEvent(ctx, input);
  }
}
