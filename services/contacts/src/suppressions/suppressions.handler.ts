import { Controller } from '@nestjs/common';
import {
  RPC,
  type CreateSuppressionInput,
  type ListSuppressionsQuery,
  type Page,
  type RecordSuppressionInput,
  type RequestContext,
  type Suppression,
} from '@switchboard/contracts';
import { RpcContext, RpcHandler, RpcInput } from '@switchboard/messaging';
import { SuppressionsService } from './suppressions.service';

type ById = { id: string };

/** RPC edge of the workspace suppression list: `rpc.contacts.suppressions.*`. */
@Controller()
export class SuppressionsHandler {
  constructor(private readonly suppressions: SuppressionsService) {}

  @RpcHandler(RPC.contacts.createSuppression)
  create(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: CreateSuppressionInput,
  ): Promise<Suppression> {
    return this.suppressions.create(ctx, input);
  }

  @RpcHandler(RPC.contacts.recordSuppression)
  async record(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: RecordSuppressionInput,
  ): Promise<{ id: string; changed: boolean }> {
    const { doc, changed } = await this.suppressions.record(ctx, input);
    return { id: doc._id, changed };
  }

  @RpcHandler(RPC.contacts.getSuppression)
  get(@RpcContext() ctx: RequestContext, @RpcInput() input: ById): Promise<Suppression> {
    return this.suppressions.get(ctx, input.id);
  }

  @RpcHandler(RPC.contacts.listSuppressions)
  list(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: ListSuppressionsQuery,
  ): Promise<Page<Suppression>> {
    return this.suppressions.list(ctx, input);
  }

  @RpcHandler(RPC.contacts.liftSuppression)
  lift(@RpcContext() ctx: RequestContext, @RpcInput() input: ById): Promise<Suppression> {
    return this.suppressions.lift(ctx, input.id);
  }
}
