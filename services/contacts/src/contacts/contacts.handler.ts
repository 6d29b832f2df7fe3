import { Controller } from '@nestjs/common';
import {
  RPC,
  type Contact,
  type CreateContactInput,
  type RequestContext,
} from '@switchboard/contracts';
import { RpcContext, RpcHandler, RpcInput } from '@switchboard/messaging';
import { ContactsService } from './contacts.service';

/** The edge of the contacts service: RPC subjects `rpc.contacts.*`. */
@Controller()
export class ContactsHandler {
  constructor(private readonly contacts: ContactsService) {}

  @RpcHandler(RPC.contacts.create)
  create(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: CreateContactInput,
  ): Promise<Contact> {
    return this.contacts.create(ctx, input);
  }

  @RpcHandler(RPC.contacts.get)
  get(@RpcContext() ctx: RequestContext, @RpcInput() input: { id: string }): Promise<Contact> {
    return this.contacts.get(ctx, input.id);
  }
}
