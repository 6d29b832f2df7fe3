import { Controller } from '@nestjs/common';
import {
  RPC,
  type Board,
  type BoardColumn,
  type CreatePipelineInput,
  type Page,
  type Pipeline,
  type RequestContext,
  type UpdatePipelineInput,
} from '@switchboard/contracts';
import { RpcContext, RpcHandler, RpcInput } from '@switchboard/messaging';
import { BoardService } from '../deals/board.service';
import { PipelinesService } from './pipelines.service';

/** RPC edge for pipelines and boards: `rpc.deals.pipeline.*`, `rpc.deals.board*`. */
@Controller()
export class PipelinesHandler {
  constructor(
    private readonly pipelines: PipelinesService,
    private readonly boards: BoardService,
  ) {}

  @RpcHandler(RPC.deals.createPipeline)
  create(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: CreatePipelineInput,
  ): Promise<Pipeline> {
    return this.pipelines.create(ctx, input);
  }

  @RpcHandler(RPC.deals.getPipeline)
  get(@RpcContext() ctx: RequestContext, @RpcInput() input: { id: string }): Promise<Pipeline> {
    return this.pipelines.get(ctx, input.id);
  }

  @RpcHandler(RPC.deals.listPipelines)
  list(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: { limit: number; cursor?: string },
  ): Promise<Page<Pipeline>> {
    return this.pipelines.list(ctx, input);
  }

  @RpcHandler(RPC.deals.updatePipeline)
  update(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: { id: string; patch: UpdatePipelineInput },
  ): Promise<Pipeline> {
    return this.pipelines.update(ctx, input.id, input.patch);
  }

  @RpcHandler(RPC.deals.deleteStage)
  deleteStage(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: { id: string; stageId: string; moveTo?: string },
  ): Promise<Pipeline> {
    return this.pipelines.deleteStage(ctx, input.id, input.stageId, input.moveTo);
  }

  @RpcHandler(RPC.deals.board)
  board(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: { id: string; limit: number },
  ): Promise<Board> {
    return this.boards.board(ctx, input.id, input.limit);
  }

  @RpcHandler(RPC.deals.boardStage)
  boardStage(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: { id: string; stageId: string; limit: number; cursor?: string },
  ): Promise<BoardColumn> {
    return this.boards.stage(ctx, input);
  }
}
