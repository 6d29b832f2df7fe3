import type { Pipeline, Stage, StageCategory } from '@switchboard/contracts';
import type { PipelineDoc, StageDoc } from './pipeline.schema';

export const DEFAULT_PROBABILITY: Readonly<Record<StageCategory, number>> = {
  open: 10,
  won: 100,
  lost: 0,
};

export const toStage = (s: StageDoc): Stage => ({
  id: s.id,
  name: s.name,
  category: s.category,
  probability: s.probability,
});

export function toPipeline(doc: PipelineDoc): Pipeline {
  return {
    id: doc._id,
    workspaceId: doc.workspaceId,
    name: doc.name,
    stages: doc.stages.map(toStage),
    requireLostReason: doc.requireLostReason,
    version: doc.version,
    createdAt: new Date(doc.createdAt).toISOString(),
    updatedAt: new Date(doc.updatedAt).toISOString(),
  };
}
