import { Schema, type Connection, type Model } from 'mongoose';
import { tenantGuard } from '@switchboard/storage';
import type { DedupClash, DedupRule } from '@switchboard/contracts';

export interface DedupRecomputeDoc {
  rule: DedupRule;
  /** Bumped by every rule change: a pass that sees another generation stops (a newer one runs). */
  generation: number;
  state: 'running' | 'done';
  startedAt: Date;
  finishedAt: Date | null;
  rekeyed: number;
  clashCount: number;
  clashes: DedupClash[];
}

/** One per workspace (`_id` = workspaceId); absent until the workspace first changes a default. */
export interface ContactSettingsDoc {
  _id: string;
  workspaceId: string;
  stages: string[];
  leadSources: string[];
  dedupRule: DedupRule;
  dedup: DedupRecomputeDoc | null;
  version: number;
  updatedAt: Date;
}

const ContactSettingsSchema = new Schema<ContactSettingsDoc>(
  {
    _id: { type: String, required: true },
    workspaceId: { type: String, required: true, immutable: true },
    stages: { type: [String], default: [] },
    leadSources: { type: [String], default: [] },
    dedupRule: { type: String, enum: ['email', 'phone'], default: 'email' },
    dedup: { type: Schema.Types.Mixed, default: null },
    version: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'contact_settings', versionKey: false, minimize: false },
);
ContactSettingsSchema.plugin(tenantGuard);
ContactSettingsSchema.index({ 'dedup.state': 1 });

export const contactSettingsModel = (connection: Connection): Model<ContactSettingsDoc> =>
  connection.model<ContactSettingsDoc>('ContactSettings', ContactSettingsSchema);
