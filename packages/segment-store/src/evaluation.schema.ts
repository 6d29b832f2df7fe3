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
}

export const evaluationId = (segmentId: string, definitionVersion: number): string =>
  `${segmentId}:v${definitionVersion}`;

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
  },
  { collection: 'segment_evaluations', versionKey: false },
);
EvaluationSchema.plugin(tenantGuard);

export const evaluationModel = (connection: Connection): Model<EvaluationDoc> =>
  (connection.models.SegmentEvaluation as Model<EvaluationDoc> | undefined) ??
  connection.model<EvaluationDoc>('SegmentEvaluation', EvaluationSchema);
