import type { Actor } from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import type { PipelineDoc, StageDoc } from '../pipelines/pipeline.schema';
import type { DealDoc } from './deal.schema';

export interface MoveFacts {
  pipeline: PipelineDoc;
  target: StageDoc;
  lostReason?: string;
  actor: Actor;
  at: Date;
}

/** The stage a deal may enter: one of the pipeline's, and not being deleted. */
export function stageForEntry(pipeline: PipelineDoc, stageId: string): StageDoc {
  const target = pipeline.stages.find((s) => s.id === stageId);
  if (!target) {
    throw AppError.validation('no such stage in this pipeline', [
      { path: 'stageId', message: `stage ${stageId} is not in pipeline ${pipeline._id}` },
    ]);
  }
  if (pipeline.retiringStageIds.includes(stageId)) {
    throw new AppError('conflict', `stage ${stageId} is being deleted`);
  }
  return target;
}

/**
 * A deal moved into another stage (pure): the current visit is closed, a new one opens, and
 * entering a won or lost stage records the outcome (lost needs a reason where the pipeline says
 * so); moving back to an open stage reopens the deal.
 */
export function applyMove(deal: DealDoc, f: MoveFacts): DealDoc {
  const { target, actor, at } = f;
  const lostReason = f.lostReason?.trim() || null;
  if (target.category === 'lost' && f.pipeline.requireLostReason && !lostReason) {
    throw AppError.validation('this pipeline needs a reason for lost deals', [
      { path: 'lostReason', message: 'required when moving into a lost stage' },
    ]);
  }
  const history = deal.stageHistory.map((v) =>
    v.leftAt === null ? { ...v, leftAt: at, leftBy: actor } : v,
  );
  history.push({
    stageId: target.id,
    stageName: target.name,
    category: target.category,
    enteredAt: at,
    enteredBy: actor,
    leftAt: null,
    leftBy: null,
  });
  const closed = target.category !== 'open';
  const sameOutcome = closed && deal.status === target.category && deal.outcome;
  return {
    ...deal,
    stageId: target.id,
    status: target.category,
    probability: target.probability,
    stageHistory: history,
    outcome: !closed
      ? null
      : sameOutcome
        ? deal.outcome
        : {
            status: target.category as 'won' | 'lost',
            at,
            by: actor,
            lostReason: target.category === 'lost' ? lostReason : null,
          },
    version: deal.version + 1,
    updatedAt: at,
  };
}
