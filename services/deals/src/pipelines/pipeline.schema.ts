import { Schema, type Connection, type Model } from 'mongoose';
import { idField, tenantGuard } from '@switchboard/storage';
import type { StageCategory } from '@switchboard/contracts';

export interface StageDoc {
  id: string;
  name: string;
  category: StageCategory;
  probability: number;
}

export interface PipelineDoc {
  _id: string;
  workspaceId: string;
  name: string;
  /** In board order. */
  stages: StageDoc[];
  requireLostReason: boolean;
  /** Stages being deleted: no deal may enter them while their deals are counted or moved out. */
  retiringStageIds: string[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const PipelineSchema = new Schema<PipelineDoc>(
  {
    ...idField,
    workspaceId: { type: String, required: true, immutable: true },
    name: { type: String, required: true },
    stages: {
      type: [
        new Schema<StageDoc>(
          { id: String, name: String, category: String, probability: Number },
          { _id: false },
        ),
      ],
      default: [],
    },
    requireLostReason: { type: Boolean, default: false },
    retiringStageIds: { type: [String], default: [] },
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'pipelines', versionKey: false, minimize: false },
);
PipelineSchema.plugin(tenantGuard);
PipelineSchema.index({ workspaceId: 1, createdAt: 1, _id: 1 });

export const pipelineModel = (connection: Connection): Model<PipelineDoc> =>
  connection.model<PipelineDoc>('Pipeline', PipelineSchema);
