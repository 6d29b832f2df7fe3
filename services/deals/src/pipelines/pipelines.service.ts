import { Injectable } from '@nestjs/common';
import type {
  CreatePipelineInput,
  Page,
  Pipeline,
  RequestContext,
  StageInput,
  UpdatePipelineInput,
} from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { newId } from '@switchboard/messaging';
import { DealsRepository } from '../deals/deals.repository';
import { DealsService } from '../deals/deals.service';
import { DEFAULT_PROBABILITY, toPipeline } from './pipeline.mapper';
import type { PipelineDoc, StageDoc } from './pipeline.schema';
import { PipelinesRepository } from './pipelines.repository';

const toStageDoc = (s: StageInput, existing?: StageDoc): StageDoc => ({
  id: s.id ?? newId(),
  name: s.name,
  category: s.category,
  probability: s.probability ?? existing?.probability ?? DEFAULT_PROBABILITY[s.category],
});

/**
 * Pipelines and their stages. Pipelines are configuration, changed by admins: stage edits are
 * refused with `conflict` where they would strand deals (deleting, or recategorising, a stage
 * that still holds deals), unless the deals are moved out first.
 */
@Injectable()
export class PipelinesService {
  constructor(
    private readonly pipelines: PipelinesRepository,
    private readonly deals: DealsRepository,
    private readonly dealsService: DealsService,
  ) {}

  async create(ctx: RequestContext, input: CreatePipelineInput): Promise<Pipeline> {
    if (input.stages.some((s) => s.id)) {
      throw AppError.validation('new stages take no id', [
        { path: 'stages', message: 'ids are assigned by the server' },
      ]);
    }
    const now = new Date();
    const doc: PipelineDoc = {
      _id: newId(),
      workspaceId: ctx.workspaceId,
      name: input.name,
      stages: input.stages.map((s) => toStageDoc(s)),
      requireLostReason: input.requireLostReason ?? false,
      retiringStageIds: [],
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await this.pipelines.insert(doc);
    return toPipeline(doc);
  }

  async get(ctx: RequestContext, id: string): Promise<Pipeline> {
    return toPipeline(await this.load(ctx.workspaceId, id));
  }

  async list(ctx: RequestContext, q: { limit: number; cursor?: string }): Promise<Page<Pipeline>> {
    const page = await this.pipelines.page(ctx.workspaceId, q.limit, q.cursor);
    return { items: page.items.map(toPipeline), nextCursor: page.nextCursor };
  }

  /** Concurrent edits are applied one after the other: a lost race re-reads and retries. */
  async update(ctx: RequestContext, id: string, patch: UpdatePipelineInput): Promise<Pipeline> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.updateOnce(ctx, id, patch);
      } catch (err) {
        if (AppError.from(err).code !== 'version_conflict' || attempt >= 5) throw err;
      }
    }
  }

  private async updateOnce(
    ctx: RequestContext,
    id: string,
    patch: UpdatePipelineInput,
  ): Promise<Pipeline> {
    const current = await this.load(ctx.workspaceId, id);
    const next: PipelineDoc = { ...current, updatedAt: new Date() };
    if (patch.name !== undefined) next.name = patch.name;
    if (patch.requireLostReason !== undefined) next.requireLostReason = patch.requireLostReason;
    let removed: string[] = [];
    if (patch.stages) {
      const byId = new Map(current.stages.map((s) => [s.id, s]));
      const unknown = patch.stages.find((s) => s.id && !byId.has(s.id));
      if (unknown) {
        throw AppError.validation('unknown stage', [
          { path: 'stages', message: `stage ${unknown.id} is not in this pipeline` },
        ]);
      }
      next.stages = patch.stages.map((s) => toStageDoc(s, s.id ? byId.get(s.id) : undefined));
      const kept = new Set(next.stages.map((s) => s.id));
      removed = current.stages.filter((s) => !kept.has(s.id)).map((s) => s.id);
      const recategorised = next.stages.filter(
        (s) => byId.has(s.id) && byId.get(s.id)!.category !== s.category,
      );
      for (const s of recategorised)
        await this.mustBeEmpty(ctx.workspaceId, id, s.id, 'recategorise');
    }
    if (removed.length > 0) {
      // Close the stages to new deals first, then count: a deal cannot slip in after the check.
      await this.write({ ...current, retiringStageIds: removed }, current.version);
      const retiring = { ...current, retiringStageIds: removed, version: current.version + 1 };
      try {
        for (const stageId of removed)
          await this.mustBeEmpty(ctx.workspaceId, id, stageId, 'delete');
      } catch (err) {
        await this.write({ ...retiring, retiringStageIds: [] }, retiring.version);
        throw err;
      }
      return toPipeline(await this.write({ ...next, retiringStageIds: [] }, retiring.version));
    }
    return toPipeline(await this.write(next, current.version));
  }

  /** Deletes a stage; its deals move to `moveTo` first (with history and events), if given. */
  async deleteStage(
    ctx: RequestContext,
    id: string,
    stageId: string,
    moveTo?: string,
  ): Promise<Pipeline> {
    const current = await this.load(ctx.workspaceId, id);
    if (!current.stages.some((s) => s.id === stageId)) throw AppError.notFound('stage', stageId);
    if (current.stages.length === 1)
      throw new AppError('conflict', 'a pipeline keeps at least one stage');
    if (
      moveTo !== undefined &&
      (moveTo === stageId || !current.stages.some((s) => s.id === moveTo))
    ) {
      throw AppError.validation('invalid target stage', [
        { path: 'moveTo', message: 'another stage of this pipeline' },
      ]);
    }
    const remaining = current.stages.filter((s) => s.id !== stageId);
    if (!remaining.some((s) => s.category === 'open')) {
      throw new AppError('conflict', 'a pipeline keeps at least one open stage');
    }
    const retiring = await this.write({ ...current, retiringStageIds: [stageId] }, current.version);
    try {
      if (moveTo) {
        for (;;) {
          const ids = await this.deals.idsInStage(ctx.workspaceId, id, stageId, 100);
          if (ids.length === 0) break;
          for (const dealId of ids)
            await this.dealsService.move(ctx, dealId, { stageId: moveTo }, false);
        }
      }
      await this.mustBeEmpty(ctx.workspaceId, id, stageId, 'delete');
    } catch (err) {
      await this.write({ ...retiring, retiringStageIds: [] }, retiring.version);
      throw err;
    }
    return toPipeline(
      await this.write(
        { ...retiring, stages: remaining, retiringStageIds: [], updatedAt: new Date() },
        retiring.version,
      ),
    );
  }

  private async mustBeEmpty(
    workspaceId: string,
    id: string,
    stageId: string,
    what: string,
  ): Promise<void> {
    const count = await this.deals.countInStage(workspaceId, id, stageId);
    if (count > 0) {
      throw new AppError(
        'conflict',
        `cannot ${what} stage ${stageId}: it holds ${count} deal(s); move them first`,
        {
          stageId,
          dealCount: count,
        },
      );
    }
  }

  private async write(doc: PipelineDoc, expectedVersion: number): Promise<PipelineDoc> {
    if (!(await this.pipelines.replace(doc, expectedVersion))) {
      throw new AppError('version_conflict', `pipeline ${doc._id} changed meanwhile; try again`);
    }
    return { ...doc, version: expectedVersion + 1 };
  }

  private async load(workspaceId: string, id: string): Promise<PipelineDoc> {
    const doc = await this.pipelines.findById(workspaceId, id);
    if (!doc) throw AppError.notFound('pipeline', id);
    return doc;
  }
}
