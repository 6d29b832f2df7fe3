import { Schema, type Connection, type Model } from 'mongoose';
import { tenantGuard } from '@switchboard/storage';
import type { TimelineAnchorType } from '@switchboard/contracts';

/**
 * A record merged into another (`contact.merged`, `company.merged`): its timeline moved to the
 * survivor, and entries that still arrive for it (late or redelivered events) go there too.
 * `_id` = `<workspaceId>:<anchorType>:<duplicateId>`.
 */
export interface AnchorMergeDoc {
  _id: string;
  workspaceId: string;
  anchorType: TimelineAnchorType;
  duplicateId: string;
  survivorId: string;
  at: Date;
}

const AnchorMergeSchema = new Schema<AnchorMergeDoc>(
  {
    _id: { type: String, required: true },
    workspaceId: { type: String, required: true, immutable: true },
    anchorType: { type: String, required: true },
    duplicateId: { type: String, required: true },
    survivorId: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'anchor_merges', versionKey: false },
);
AnchorMergeSchema.plugin(tenantGuard);

export const anchorMergeModel = (connection: Connection): Model<AnchorMergeDoc> =>
  connection.model<AnchorMergeDoc>('AnchorMerge', AnchorMergeSchema);

export const anchorMergeId = (workspaceId: string, type: string, duplicateId: string) =>
  `${workspaceId}:${type}:${duplicateId}`;
