import { Schema, type Connection, type Model } from 'mongoose';
import { tenantGuard } from '@switchboard/storage';
import type { DedupClash, DedupRule } from '@switchboard/contracts';

/**
 * The key recomputation after a workspace's last dedup rule change (`_id` = workspaceId),
 * apart from the settings so that progress writes never bump the settings' version.
 */
export interface DedupRecomputeDoc {
  _id: string;
  workspaceId: string;
  rule: DedupRule;
  /** The settings' `dedupGeneration` this pass is for; a newer change replaces the document. */
  generation: number;
  state: 'running' | 'done';
  startedAt: Date;
  finishedAt: Date | null;
  /** Keyset position: the last contact id handled (resuming after a restart starts there). */
  lastId: string | null;
  rekeyed: number;
  clashCount: number;
  clashes: DedupClash[];
}

const DedupRecomputeSchema = new Schema<DedupRecomputeDoc>(
  {
    _id: { type: String, required: true },
    workspaceId: { type: String, required: true, immutable: true },
    rule: { type: String, required: true },
    generation: { type: Number, required: true },
    state: { type: String, enum: ['running', 'done'], required: true },
    startedAt: { type: Date, required: true },
    finishedAt: { type: Date, default: null },
    lastId: { type: String, default: null },
    rekeyed: { type: Number, default: 0 },
    clashCount: { type: Number, default: 0 },
    clashes: {
      type: [new Schema({ contactId: String, duplicateOf: String }, { _id: false })],
      default: [],
    },
  },
  { collection: 'dedup_recomputes', versionKey: false, minimize: false },
);
DedupRecomputeSchema.plugin(tenantGuard);
DedupRecomputeSchema.index({ state: 1 });

export const dedupRecomputeModel = (connection: Connection): Model<DedupRecomputeDoc> =>
  connection.model<DedupRecomputeDoc>('DedupRecompute', DedupRecomputeSchema);
