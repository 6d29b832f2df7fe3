import { Controller } from '@nestjs/common';
import {
  RPC,
  type CreateDealInput,
  type Deal,
  type DealsPersonData,
  type ListDealsQuery,
  type Page,
  type ReassignOwnerInput,
  type ReassignOwnerResult,
  type RequestContext,
  type UpdateDealInput,
} from '@switchboard/contracts';
import { RpcContext, RpcHandler, RpcInput } from '@switchboard/messaging';
import { DealsService } from './deals.service';

/** RPC edge for deals: `rpc.deals.*`. */
@Controller()
export class DealsHandler {
  constructor(private readonly deals: DealsService) {}

  @RpcHandler(RPC.deals.create)
  create(@RpcContext() ctx: RequestContext, @RpcInput() input: CreateDealInput): Promise<Deal> {
    return this.deals.create(ctx, input);
  }

  @RpcHandler(RPC.deals.get)
  get(@RpcContext() ctx: RequestContext, @RpcInput() input: { id: string }): Promise<Deal> {
    return this.deals.get(ctx, input.id);
  }

  @RpcHandler(RPC.deals.list)
  list(@RpcContext() ctx: RequestContext, @RpcInput() input: ListDealsQuery): Promise<Page<Deal>> {
    return this.deals.list(ctx, input);
  }

  @RpcHandler(RPC.deals.update)
  update(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: { id: string; patch: UpdateDealInput },
  ): Promise<Deal> {
    return this.deals.update(ctx, input.id, input.patch);
  }

  @RpcHandler(RPC.deals.move)
  move(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: { id: string; stageId: string; lostReason?: string },
  ): Promise<Deal> {
    return this.deals.move(ctx, input.id, input);
  }

  @RpcHandler(RPC.deals.personExport)
  personExport(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: { contactId: string },
  ): Promise<DealsPersonData> {
    return this.deals.ofContact(ctx, input.contactId);
  }

  @RpcHandler(RPC.deals.reassignOwner)
  reassignOwner(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: ReassignOwnerInput,
  ): Promise<ReassignOwnerResult> {
    return this.deals.reassignOwner(ctx, input);
  }
}
