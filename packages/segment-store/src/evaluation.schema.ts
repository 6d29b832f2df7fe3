import { Schema, type Connection, type Model } from 'mongoose';
import { tenantGuard } from '@switchboard/storage';

/**
 * One full evaluation of one definition version, written by the worker only. `_id` is
 * `<segmentId>:v<definitionVersion>`: a restarted job finds its record and resumes after
 * `cursor` (profiles are scanned in `_id` order). The segment is `ready` once the record of its
 * current definition version has `finishedAt`.
 */
export interface EvaluationDoc {
  _id: string;
  workspaceId: string;
  segmentId: string;
  definitionVersion: number;
  startedAt: Date;
  /** Last contact id evaluated. */
  cursor: string | null;
  scanned: number;
  joined: number;
  left: number;
  /** Members when it finished. */
  memberCount: number | null;
  finishedAt: Date | null;
  updatedAt: Date;
  /**
   * Events of the batch being written (JSON text of the envelopes), saved before its new edges
   * are inserted and cleared once they are published: a worker that died in between publishes
   * the ones whose edge exists when the evaluation resumes (ids are deterministic).
   */
  pendingEvents?: string | null;
  /** `initial` (`<segmentId>:v<n>`, decides `status`) or `refresh` (`<segmentId>:refresh`). */
  kind?: 'initial' | 'refresh';
  /** Instant relative conditions were measured from (ISO), kept so a resumed run agrees. */
  now?: string | null;
}

export const evaluationId = (segmentId: string, definitionVersion: number): string =>
  `${segmentId}:v${definitionVersion}`;

/**
 * The record of re-evaluations of an already evaluated definition (sweeps of relative-time
 * segments, dependents of a re-evaluated segment): one per segment, reset at each run.
 */
export const refreshEvaluationId = (segmentId: string): string => `${segmentId}:refresh`;

const EvaluationSchema = new Schema<EvaluationDoc>(
  {
    _id: { type: String, required: true },
    workspaceId: { type: String, required: true, immutable: true },
    segmentId: { type: String, required: true, immutable: true },
    definitionVersion: { type: Number, required: true, immutable: true },
    startedAt: { type: Date, required: true },
    cursor: { type: String, default: null },
    scanned: { type: Number, default: 0 },
    joined: { type: Number, default: 0 },
    left: { type: Number, default: 0 },
    memberCount: { type: Number, default: null },
    finishedAt: { type: Date, default: null },
    updatedAt: { type: Date, required: true },
    pendingEvents: { type: String, default: null },
    kind: { type: String, enum: ['initial', 'refresh'], default: 'initial' },
    now: { type: String, default: null },
  },
  { collection: 'segment_evaluations', versionKey: false },
);
EvaluationSchema.index({ workspaceId: 1, segmentId: 1 });
EvaluationSchema.plugin(tenantGuard);

export const evaluationModel = (connection: Connection): Model<EvaluationDoc> =>
  (connection.models.SegmentEvaluation as Model<EvaluationDoc> | undefined) ??
  connection.model<EvaluationDoc>('SegmentEvaluation', EvaluationSchema);
