import { Schema, type Connection, type Model } from 'mongoose';
import { tenantGuard } from '@switchboard/storage';
import type { Explicit } from './membership.schema';

/**
 * An explicit include or exclude, as a person asked for it (`POST /v1/segments/:id/members`).
 * Written by the segments service only; the worker reads it when it evaluates the pair and
 * mirrors it onto the edge. `_id` is `<segmentId>:<contactId>`; removing an include or an
 * exclude deletes the record (the rule decides again).
 */
export interface ExplicitDoc {
  _id: string;
  workspaceId: string;
  segmentId: string;
  contactId: string;
  explicit: Explicit;
  by: string;
  at: Date;
}

const ExplicitSchema = new Schema<ExplicitDoc>(
  {
    _id: { type: String, required: true },
    workspaceId: { type: String, required: true, immutable: true },
    segmentId: { type: String, required: true, immutable: true },
    contactId: { type: String, required: true, immutable: true },
    explicit: { type: String, enum: ['include', 'exclude'], required: true },
    by: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'segment_explicit', versionKey: false },
);
ExplicitSchema.plugin(tenantGuard);
ExplicitSchema.index({ workspaceId: 1, contactId: 1 });
ExplicitSchema.index({ workspaceId: 1, segmentId: 1 });

export const explicitModel = (connection: Connection): Model<ExplicitDoc> =>
  (connection.models.SegmentExplicit as Model<ExplicitDoc> | undefined) ??
  connection.model<ExplicitDoc>('SegmentExplicit', ExplicitSchema);
