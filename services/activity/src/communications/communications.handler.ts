import { Controller } from '@nestjs/common';
import {
  RPC,
  type Communication,
  type EditCommunicationInput,
  type ListCommunicationsQuery,
  type LogCommunicationInput,
  type Page,
  type RequestContext,
} from '@switchboard/contracts';
import { RpcContext, RpcHandler, RpcInput } from '@switchboard/messaging';
import { CommunicationsService } from './communications.service';

@Controller()
export class CommunicationsHandler {
  constructor(private readonly communications: CommunicationsService) {}

  @RpcHandler(RPC.activity.logCommunication)
  log(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: { contactId: string; entry: LogCommunicationInput },
  ): Promise<Communication> {
    return this.communications.log(ctx, input.contactId, input.entry);
  }

  @RpcHandler(RPC.activity.editCommunication)
  edit(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: { id: string; patch: EditCommunicationInput },
  ): Promise<Communication> {
    return this.communications.edit(ctx, input.id, input.patch);
  }

  @RpcHandler(RPC.activity.deleteCommunication)
  delete(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: { id: string },
  ): Promise<Communication> {
    return this.communications.delete(ctx, input.id);
  }

  @RpcHandler(RPC.activity.getCommunication)
  get(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: { id: string },
  ): Promise<Communication> {
    return this.communications.get(ctx, input.id);
  }

  @RpcHandler(RPC.activity.listCommunications)
  list(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: ListCommunicationsQuery & { contactId: string },
  ): Promise<Page<Communication>> {
    return this.communications.list(ctx, input);
  }
}
