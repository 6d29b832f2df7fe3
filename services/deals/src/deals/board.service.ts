import { Injectable } from '@nestjs/common';
import type { Board, BoardColumn, RequestContext } from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { toPipeline, toStage } from '../pipelines/pipeline.mapper';
import type { PipelineDoc, StageDoc } from '../pipelines/pipeline.schema';
import { PipelinesRepository } from '../pipelines/pipelines.repository';
import { toDeal, unitsToValue } from './deal.mapper';
import { readScopeOf } from './deal-read-scope';
import { DealsRepository, type StageTotal } from './deals.repository';

/**
 * The board of a pipeline: every stage with its deal count, amount sums per currency and the
 * first page of its deals. Totals come from one aggregation over the pipeline's deals at read
 * time ("Board sums" in docs/architecture.md), so they can never drift from the deals. Counts,
 * sums and pages are of the deals the caller may read (decision 0106).
 */
@Injectable()
export class BoardService {
  constructor(
    private readonly pipelines: PipelinesRepository,
    private readonly deals: DealsRepository,
  ) {}

  async board(ctx: RequestContext, pipelineId: string, limit: number): Promise<Board> {
    const pipeline = await this.pipeline(ctx, pipelineId);
    const totals = await this.deals.stageTotals(ctx.workspaceId, pipelineId, readScopeOf(ctx));
    const stages = await Promise.all(
      pipeline.stages.map((stage) => this.column(ctx, pipeline, stage, totals, limit)),
    );
    return { pipeline: toPipeline(pipeline), stages };
  }

  /** Further pages of one stage (`cursor` from the board or the previous page). */
  async stage(
    ctx: RequestContext,
    q: { id: string; stageId: string; limit: number; cursor?: string },
  ): Promise<BoardColumn> {
    const pipeline = await this.pipeline(ctx, q.id);
    const stage = pipeline.stages.find((s) => s.id === q.stageId);
    if (!stage) throw AppError.notFound('stage', q.stageId);
    const totals = await this.deals.stageTotals(ctx.workspaceId, q.id, readScopeOf(ctx));
    return this.column(ctx, pipeline, stage, totals, q.limit, q.cursor);
  }

  private async column(
    ctx: RequestContext,
    pipeline: PipelineDoc,
    stage: StageDoc,
    totals: StageTotal[],
    limit: number,
    cursor?: string,
  ): Promise<BoardColumn> {
    const mine = totals.filter((t) => t.stageId === stage.id);
    const page = await this.deals.page(
      {
        workspaceId: ctx.workspaceId,
        pipelineId: pipeline._id,
        stageId: stage.id,
        ...readScopeOf(ctx),
      },
      limit,
      cursor,
    );
    return {
      stage: toStage(stage),
      count: mine.reduce((n, t) => n + t.count, 0),
      amounts: mine
        .filter((t): t is StageTotal & { currency: string } => t.currency !== null)
        .sort((a, b) => a.currency.localeCompare(b.currency))
        .map((t) => ({ currency: t.currency, value: unitsToValue(t.units) })),
      deals: page.items.map(toDeal),
      nextCursor: page.nextCursor,
    };
  }

  private async pipeline(ctx: RequestContext, id: string): Promise<PipelineDoc> {
    const pipeline = await this.pipelines.findById(ctx.workspaceId, id);
    if (!pipeline) throw AppError.notFound('pipeline', id);
    return pipeline;
  }
}
