import { z } from 'zod';
import { Id, NonEmptyText, Timestamp } from '../common/primitives';

/** Every stage sits in one category: deals in a won or lost stage are closed with that outcome. */
export const StageCategory = z.enum(['open', 'won', 'lost']);
export type StageCategory = z.infer<typeof StageCategory>;

/** A stage as a client sends it; `id` names an existing stage (keep it), absent makes a new one. */
export const StageInput = z
  .object({
    id: Id.optional(),
    name: NonEmptyText(100),
    category: StageCategory,
    /** Default win probability in percent; defaults by category (open 10, won 100, lost 0). */
    probability: z.number().int().min(0).max(100).optional(),
  })
  .strict();
export type StageInput = z.infer<typeof StageInput>;

const Stages = z
  .array(StageInput)
  .min(1)
  .max(50)
  .refine((s) => s.some((x) => x.category === 'open'), 'a pipeline needs at least one open stage')
  .refine(
    (s) => new Set(s.filter((x) => x.id).map((x) => x.id)).size === s.filter((x) => x.id).length,
    'stage ids must be unique',
  );

/** `POST /v1/pipelines`. */
export const CreatePipelineInput = z
  .object({
    name: NonEmptyText(200),
    stages: Stages,
    /** Moving a deal into a lost stage needs a `lostReason`. */
    requireLostReason: z.boolean().optional(),
  })
  .strict();
export type CreatePipelineInput = z.infer<typeof CreatePipelineInput>;

/**
 * `PATCH /v1/pipelines/:id`. `stages` is the whole ordered list: listed ids are kept (renamed,
 * recategorised, reordered), entries without id are added, and omitted stages are deleted, which
 * is refused while they hold deals (move them first, or `DELETE …/stages/:stageId?moveTo=`).
 */
export const UpdatePipelineInput = z
  .object({
    name: NonEmptyText(200).optional(),
    stages: Stages.optional(),
    requireLostReason: z.boolean().optional(),
  })
  .strict();
export type UpdatePipelineInput = z.infer<typeof UpdatePipelineInput>;

export const Stage = z.object({
  id: Id,
  name: z.string(),
  category: StageCategory,
  probability: z.number().int(),
});
export type Stage = z.infer<typeof Stage>;

export const Pipeline = z.object({
  id: Id,
  workspaceId: Id,
  name: z.string(),
  stages: z.array(Stage),
  requireLostReason: z.boolean(),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Pipeline = z.infer<typeof Pipeline>;

export const PipelineIdParams = z.object({ id: Id }).strict();
export const PipelineStageParams = z.object({ id: Id, stageId: Id }).strict();
/** `DELETE /v1/pipelines/:id/stages/:stageId?moveTo=`: where the stage's deals go first. */
export const DeleteStageQuery = z.object({ moveTo: Id.optional() }).strict();
