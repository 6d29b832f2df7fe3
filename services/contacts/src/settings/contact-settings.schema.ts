import { Schema, type Connection, type Model } from 'mongoose';
import { tenantGuard } from '@switchboard/storage';
import type { DedupRule } from '@switchboard/contracts';

/** One per workspace (`_id` = workspaceId); absent until the workspace first changes a default. */
export interface ContactSettingsDoc {
  _id: string;
  workspaceId: string;
  stages: string[];
  leadSources: string[];
  dedupRule: DedupRule;
  /** Bumped by every dedup rule change; the key recomputation of that change carries it. */
  dedupGeneration: number;
  /** Archived contacts are erased after this many days (null: never). */
  archivedRetentionDays?: number | null;
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
    dedupGeneration: { type: Number, default: 0 },
    archivedRetentionDays: { type: Number, default: null },
    version: { type: Number, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'contact_settings', versionKey: false, minimize: false },
);
ContactSettingsSchema.plugin(tenantGuard);

export const contactSettingsModel = (connection: Connection): Model<ContactSettingsDoc> =>
  connection.model<ContactSettingsDoc>('ContactSettings', ContactSettingsSchema);
