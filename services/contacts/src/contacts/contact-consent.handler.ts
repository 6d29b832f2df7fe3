import { Controller } from '@nestjs/common';
import {
  RPC,
  type Contact,
  type RecordConsentInput,
  type RequestContext,
} from '@switchboard/contracts';
import { RpcContext, RpcHandler, RpcInput } from '@switchboard/messaging';
import { ContactConsentService } from './contact-consent.service';

/** `rpc.contacts.channels.consent`: a channel's opt-in or opt-out. */
@Controller()
export class ContactConsentHandler {
  constructor(private readonly consent: ContactConsentService) {}

  @RpcHandler(RPC.contacts.recordConsent)
  record(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: { id: string; channelId: string; consent: RecordConsentInput },
  ): Promise<Contact> {
    return this.consent.record(ctx, input.id, input.channelId, input.consent);
  }
}
