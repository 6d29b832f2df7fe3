import { Schema, type Connection, type Model } from 'mongoose';
import type { EraseReason } from '@switchboard/contracts';
import { outboxPlugin, tenantGuard, type OutboxFields } from '@switchboard/storage';

/**
 * The record of one erasure (`_id` = the erased contact's id), written before anything is
 * deleted and holding no personal data: ids, who asked, when, why. While `state` is `erasing`
 * a repeated erase (a retry after a crash) finishes the job; `done` answers it as it was.
 */
export interface ErasureDoc {
  _id: string;
  workspaceId: string;
  actorId: string;
  reason: EraseReason;
  /** The version `contact.erased` carries (the contact's last, plus one). */
  version: number;
  suppress: boolean;
  /** Leads that belonged to the person (deleted with it; named in `contact.erased`). */
  leadIds: string[];
  state: 'erasing' | 'done';
  suppressedAddresses: number;
  requestedAt: Date;
  erasedAt: Date | null;
}

const ErasureSchema = new Schema<ErasureDoc>(
  {
    _id: { type: String, required: true },
    workspaceId: { type: String, required: true, immutable: true },
    actorId: { type: String, required: true },
    reason: { type: String, required: true },
    version: { type: Number, required: true },
    suppress: { type: Boolean, required: true },
    leadIds: { type: [String], default: [] },
    state: { type: String, required: true },
    suppressedAddresses: { type: Number, default: 0 },
    requestedAt: { type: Date, required: true },
    erasedAt: { type: Date, default: null },
  },
  { collection: 'contact_erasures', versionKey: false },
);
ErasureSchema.plugin(tenantGuard);

/**
 * The `contact.erased` event of an erasure, in its own document's outbox (same `_id`), inserted
 * once everything here is deleted: no consumer hears of the erasure before this service is done.
 */
export interface ErasureEventDoc extends OutboxFields {
  _id: string;
  workspaceId: string;
  erasedAt: Date;
}

const ErasureEventSchema = new Schema<ErasureEventDoc>(
  {
    _id: { type: String, required: true },
    workspaceId: { type: String, required: true, immutable: true },
    erasedAt: { type: Date, required: true },
  },
  { collection: 'contact_erasure_events', versionKey: false },
);
ErasureEventSchema.plugin(tenantGuard);
ErasureEventSchema.plugin(outboxPlugin);

/**
 * An address put on the suppression list by an erasure, kept as a SHA-256 of the normalised
 * address (`<channelType>:<value>`) so the list holds no personal data yet still matches the
 * address when it comes back (decision 0132). `_id` = `<workspaceId>:<hash>`.
 */
export interface ErasureSuppressionDoc {
  _id: string;
  workspaceId: string;
  channelType: string;
  addressHash: string;
  reason: 'erased';
  at: Date;
}

const ErasureSuppressionSchema = new Schema<ErasureSuppressionDoc>(
  {
    _id: { type: String, required: true },
    workspaceId: { type: String, required: true, immutable: true },
    channelType: { type: String, required: true },
    addressHash: { type: String, required: true },
    reason: { type: String, required: true },
    at: { type: Date, required: true },
  },
  { collection: 'erasure_suppressions', versionKey: false },
);
ErasureSuppressionSchema.plugin(tenantGuard);
ErasureSuppressionSchema.index({ workspaceId: 1, addressHash: 1 });

export const erasureModel = (c: Connection): Model<ErasureDoc> =>
  c.model<ErasureDoc>('ContactErasure', ErasureSchema);
export const erasureEventModel = (c: Connection): Model<ErasureEventDoc> =>
  c.model<ErasureEventDoc>('ContactErasureEvent', ErasureEventSchema);
export const erasureSuppressionModel = (c: Connection): Model<ErasureSuppressionDoc> =>
  c.model<ErasureSuppressionDoc>('ErasureSuppression', ErasureSuppressionSchema);
