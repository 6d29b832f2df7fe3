import { Schema, type Connection, type Model } from 'mongoose';
import type { Filter, FilterDependencies } from '@switchboard/segment-dsl';
import { outboxPlugin, tenantGuard, type VersionedDoc } from '@switchboard/storage';

export type SegmentType = 'static' | 'dynamic';
/**
 * A segment definition, written by the segments service only. `version` is the aggregate
 * version (If-Match, events, VersionedWriter); `definitionVersion` moves only when what decides
 * membership moves (type or filter), and is what evaluations are keyed on. Status and member
 * count are not stored here (the worker would race the API's writes): `status` is `ready` when
 * the `segment_evaluations` record of the current `definitionVersion` is finished, and the
 * member count is counted from the edges.
 */
export interface SegmentDoc extends VersionedDoc {
  name: string;
  description: string | null;
  type: SegmentType;
  /** The validated filter AST (dynamic only). */
  filter: Filter | null;
  dependsOn: FilterDependencies;
  definitionVersion: number;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  /** Soft delete: the worker removes its memberships (publishing `left`), then it is gone. */
  deletedAt: Date | null;
}

const SegmentSchema = new Schema<SegmentDoc>(
  {
    _id: { type: String, required: true },
    workspaceId: { type: String, required: true, immutable: true },
    version: { type: Number, required: true },
    name: { type: String, required: true },
    description: { type: String, default: null },
    type: { type: String, enum: ['static', 'dynamic'], required: true },
    filter: { type: Schema.Types.Mixed, default: null },
    dependsOn: {
      segments: { type: [String], default: [] },
      relativeTime: { type: Boolean, default: false },
      activity: { type: Boolean, default: false },
    },
    definitionVersion: { type: Number, required: true, default: 1 },
    createdBy: { type: String, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    deletedAt: { type: Date, default: null },
  },
  { collection: 'segments', versionKey: false, minimize: false },
);
SegmentSchema.plugin(tenantGuard);
SegmentSchema.plugin(outboxPlugin);
// The worker loads a workspace's live definitions; the API lists them by name.
SegmentSchema.index({ workspaceId: 1, deletedAt: 1 });
SegmentSchema.index({ workspaceId: 1, name: 1, _id: 1 });

export const segmentModel = (connection: Connection): Model<SegmentDoc> =>
  (connection.models.Segment as Model<SegmentDoc> | undefined) ??
  connection.model<SegmentDoc>('Segment', SegmentSchema);
