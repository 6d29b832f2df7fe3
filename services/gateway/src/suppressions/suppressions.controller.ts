import { Controller, Delete, Get, Post } from '@nestjs/common';
import {
  CreateSuppressionInput,
  ListSuppressionsQuery,
  pageOf,
  RPC,
  Suppression,
  SuppressionIdParams,
  type Page,
  type RequestContext,
} from '@switchboard/contracts';
import { RpcClient } from '@switchboard/messaging';
import { Ctx, RequiresCapability } from '../access/access.decorators';
import { Operation, ValidBody, ValidParams, ValidQuery } from '../http/route-contract';

type Id = { id: string };

/**
 * The workspace suppression list (decision 0121): addresses not to be sent to, by reason, with
 * history; every channel holding a listed address is suppressed, now and when added later.
 */
@Controller('v1/suppressions')
export class SuppressionsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @RequiresCapability('suppressions.manage')
  @Operation({
    summary:
      'Suppress an address (reason manual by default; bounce, complaint, unsubscribe too): every ' +
      'channel with it is suppressed, now and later; suppressing it again adds the reason',
    response: Suppression,
  })
  create(
    @Ctx() ctx: RequestContext,
    @ValidBody(CreateSuppressionInput) body: CreateSuppressionInput,
  ): Promise<Suppression> {
    return this.rpc.call(RPC.contacts.createSuppression, ctx, body);
  }

  @Get()
  @RequiresCapability('suppressions.read')
  @Operation({
    summary:
      'List suppressions, newest first: status (active, lifted), channelType, address, reason',
    response: pageOf(Suppression),
  })
  list(
    @Ctx() ctx: RequestContext,
    @ValidQuery(ListSuppressionsQuery) query: ListSuppressionsQuery,
  ): Promise<Page<Suppression>> {
    return this.rpc.call(RPC.contacts.listSuppressions, ctx, query);
  }

  @Get(':id')
  @RequiresCapability('suppressions.read')
  @Operation({ summary: 'Get a suppression with its reasons and history', response: Suppression })
  get(
    @Ctx() ctx: RequestContext,
    @ValidParams(SuppressionIdParams) params: Id,
  ): Promise<Suppression> {
    return this.rpc.call(RPC.contacts.getSuppression, ctx, params);
  }

  @Delete(':id')
  @RequiresCapability('suppressions.manage')
  @Operation({
    summary:
      'Lift a suppression (history kept): the channels with the address are no longer suppressed',
    response: Suppression,
  })
  lift(
    @Ctx() ctx: RequestContext,
    @ValidParams(SuppressionIdParams) params: Id,
  ): Promise<Suppression> {
    return this.rpc.call(RPC.contacts.liftSuppression, ctx, params);
  }
}
