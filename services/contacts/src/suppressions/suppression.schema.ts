import { Schema, type Connection, type Model } from 'mongoose';
import { idField, outboxPlugin, tenantGuard, type OutboxFields } from '@switchboard/storage';
import type {
  ChannelType,
  SuppressionHistoryEntry,
  SuppressionReason,
  SuppressionStatus,
} from '@switchboard/contracts';

/**
 * One address of the workspace suppression list (decision 0121): one document per workspace,
 * address family and normalised address, kept with its history after it is lifted.
 */
export interface SuppressionDoc extends OutboxFields {
  _id: string;
  workspaceId: string;
  /** `email`, `phone` (phone, SMS and WhatsApp numbers), or another channel type. */
  channelType: ChannelType;
  address: string;
  status: SuppressionStatus;
  reason: SuppressionReason;
  reasons: SuppressionReason[];
  suppressedAt: Date;
  liftedAt: Date | null;
  history: SuppressionHistoryEntry[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

const HistorySchema = new Schema<SuppressionHistoryEntry>(
  {
    action: { type: String, required: true },
    reason: String,
    at: { type: String, required: true },
    source: { type: String, required: true },
    sourceId: String,
    note: String,
  },
  { _id: false },
);

const SuppressionSchema = new Schema<SuppressionDoc>(
  {
    ...idField,
    workspaceId: { type: String, required: true, immutable: true },
    channelType: { type: String, required: true, immutable: true },
    address: { type: String, required: true, immutable: true },
    status: { type: String, enum: ['active', 'lifted'], required: true },
    reason: { type: String, required: true },
    reasons: { type: [String], default: [] },
    suppressedAt: { type: Date, required: true },
    liftedAt: { type: Date, default: null },
    history: { type: [HistorySchema], default: [] },
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'suppressions', versionKey: false, minimize: false },
);
SuppressionSchema.plugin(tenantGuard);
SuppressionSchema.plugin(outboxPlugin);
/** One document per address: concurrent first suppressions of an address meet here. */
SuppressionSchema.index({ workspaceId: 1, channelType: 1, address: 1 }, { unique: true });
SuppressionSchema.index({ workspaceId: 1, status: 1, createdAt: -1, _id: -1 });

export const suppressionModel = (connection: Connection): Model<SuppressionDoc> =>
  connection.model<SuppressionDoc>('Suppression', SuppressionSchema);
