import { Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ChecksMemberIds } from '../access/member-ids.interceptor';
import {
  CreateDealInput,
  Deal,
  DealIdParams,
  ListDealsQuery,
  MoveDealInput,
  pageOf,
  RPC,
  UpdateDealInput,
  type Page,
  type RequestContext,
} from '@switchboard/contracts';
import { RpcClient } from '@switchboard/messaging';
import { Ctx, RequiresCapability } from '../access/access.decorators';
import { Operation, ValidBody, ValidParams, ValidQuery } from '../http/route-contract';

type Id = { id: string };

@Controller('v1/deals')
export class DealsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @ChecksMemberIds()
  @RequiresCapability('deals.write')
  @Operation({ summary: 'Create a deal (the primary contact must exist)', response: Deal })
  create(
    @Ctx() ctx: RequestContext,
    @ValidBody(CreateDealInput) body: CreateDealInput,
  ): Promise<Deal> {
    return this.rpc.call(RPC.deals.create, ctx, body);
  }

  @Get()
  @RequiresCapability('deals.read')
  @Operation({
    summary:
      'List deals by pipeline, stage, status, owner (me, none), contact, company, close date',
    response: pageOf(Deal),
  })
  list(
    @Ctx() ctx: RequestContext,
    @ValidQuery(ListDealsQuery) query: ListDealsQuery,
  ): Promise<Page<Deal>> {
    return this.rpc.call(RPC.deals.list, ctx, query);
  }

  @Get(':id')
  @RequiresCapability('deals.read')
  @Operation({ summary: 'Get a deal with its stage history', response: Deal })
  get(@Ctx() ctx: RequestContext, @ValidParams(DealIdParams) params: Id): Promise<Deal> {
    return this.rpc.call(RPC.deals.get, ctx, params);
  }

  @Patch(':id')
  @ChecksMemberIds()
  @RequiresCapability('deals.write')
  @Operation({ summary: 'Update a deal (absent = unchanged, null = clear)', response: Deal })
  update(
    @Ctx() ctx: RequestContext,
    @ValidParams(DealIdParams) params: Id,
    @ValidBody(UpdateDealInput) body: UpdateDealInput,
  ): Promise<Deal> {
    return this.rpc.call(RPC.deals.update, ctx, { id: params.id, patch: body });
  }

  @Post(':id/move')
  @HttpCode(200)
  @RequiresCapability('deals.write')
  @Operation({
    summary: 'Move to a stage; history kept, won/lost stages record the outcome',
    response: Deal,
  })
  move(
    @Ctx() ctx: RequestContext,
    @ValidParams(DealIdParams) params: Id,
    @ValidBody(MoveDealInput) body: MoveDealInput,
  ): Promise<Deal> {
    return this.rpc.call(RPC.deals.move, ctx, { id: params.id, ...body });
  }
}
