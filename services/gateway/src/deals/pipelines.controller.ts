import { Controller, Delete, Get, Patch, Post } from '@nestjs/common';
import {
  Board,
  BoardColumn,
  BoardQuery,
  CreatePipelineInput,
  DeleteStageQuery,
  PageQuery,
  pageOf,
  Pipeline,
  PipelineIdParams,
  PipelineStageParams,
  RPC,
  UpdatePipelineInput,
  type Page,
  type RequestContext,
} from '@switchboard/contracts';
import { RpcClient } from '@switchboard/messaging';
import { Ctx, RequiresCapability } from '../access/access.decorators';
import { Operation, ValidBody, ValidParams, ValidQuery } from '../http/route-contract';

type Id = { id: string };
type StageParams = { id: string; stageId: string };

@Controller('v1/pipelines')
export class PipelinesController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @RequiresCapability('pipelines.configure')
  @Operation({
    summary: 'Create a pipeline with ordered stages (open, won, lost)',
    response: Pipeline,
  })
  create(
    @Ctx() ctx: RequestContext,
    @ValidBody(CreatePipelineInput) body: CreatePipelineInput,
  ): Promise<Pipeline> {
    return this.rpc.call(RPC.deals.createPipeline, ctx, body);
  }

  @Get()
  @RequiresCapability('deals.read')
  @Operation({ summary: 'List pipelines', response: pageOf(Pipeline) })
  list(
    @Ctx() ctx: RequestContext,
    @ValidQuery(PageQuery) query: PageQuery,
  ): Promise<Page<Pipeline>> {
    return this.rpc.call(RPC.deals.listPipelines, ctx, query);
  }

  @Get(':id')
  @RequiresCapability('deals.read')
  @Operation({ summary: 'Get a pipeline', response: Pipeline })
  get(@Ctx() ctx: RequestContext, @ValidParams(PipelineIdParams) params: Id): Promise<Pipeline> {
    return this.rpc.call(RPC.deals.getPipeline, ctx, params);
  }

  @Patch(':id')
  @RequiresCapability('pipelines.configure')
  @Operation({
    summary: 'Rename, reorder, add or delete stages (409 for a stage that still holds deals)',
    response: Pipeline,
  })
  update(
    @Ctx() ctx: RequestContext,
    @ValidParams(PipelineIdParams) params: Id,
    @ValidBody(UpdatePipelineInput) body: UpdatePipelineInput,
  ): Promise<Pipeline> {
    return this.rpc.call(RPC.deals.updatePipeline, ctx, { id: params.id, patch: body });
  }

  @Delete(':id/stages/:stageId')
  @RequiresCapability('pipelines.configure')
  @Operation({
    summary: 'Delete a stage; 409 while it holds deals unless ?moveTo= names where they go',
    response: Pipeline,
  })
  deleteStage(
    @Ctx() ctx: RequestContext,
    @ValidParams(PipelineStageParams) params: StageParams,
    @ValidQuery(DeleteStageQuery) query: { moveTo?: string },
  ): Promise<Pipeline> {
    return this.rpc.call(RPC.deals.deleteStage, ctx, { ...params, ...query });
  }

  @Get(':id/board')
  @RequiresCapability('deals.read')
  @Operation({
    summary: 'Every stage with its deal count, amount sums per currency and first page of deals',
    response: Board,
  })
  board(
    @Ctx() ctx: RequestContext,
    @ValidParams(PipelineIdParams) params: Id,
    @ValidQuery(BoardQuery) query: BoardQuery,
  ): Promise<Board> {
    return this.rpc.call(RPC.deals.board, ctx, { ...params, ...query });
  }

  @Get(':id/board/stages/:stageId')
  @RequiresCapability('deals.read')
  @Operation({ summary: 'Further pages of one board column', response: BoardColumn })
  boardStage(
    @Ctx() ctx: RequestContext,
    @ValidParams(PipelineStageParams) params: StageParams,
    @ValidQuery(PageQuery) query: PageQuery,
  ): Promise<BoardColumn> {
    return this.rpc.call(RPC.deals.boardStage, ctx, { ...params, ...query });
  }
}
