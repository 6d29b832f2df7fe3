import { Schema, type Connection, type Model } from 'mongoose';
import { tenantGuard } from '@switchboard/storage';
import type { Actor } from '@switchboard/contracts';

/** One audited write; `_id` is the id of the event that recorded it (idempotent inserts). */
export interface AuditEntryDoc {
  _id: string;
  workspaceId: string;
  occurredAt: Date;
  actor: Actor;
  /** `actor.id`, flat for its index. */
  actorId: string;
  targetType: string;
  targetId: string;
  action: string;
  /** Field diff as JSON text (values may hold any keys). */
  changesJson: string;
  tags: string[];
  requestId: string | null;
  recordedAt: Date;
}

const AuditEntrySchema = new Schema<AuditEntryDoc>(
  {
    _id: { type: String, required: true },
    workspaceId: { type: String, required: true, immutable: true },
    occurredAt: { type: Date, required: true },
    actor: { type: { type: String }, id: String },
    actorId: { type: String, required: true },
    targetType: { type: String, required: true },
    targetId: { type: String, required: true },
    action: { type: String, required: true },
    changesJson: { type: String, required: true },
    tags: { type: [String], default: [] },
    requestId: { type: String, default: null },
    recordedAt: { type: Date, required: true },
  },
  { collection: 'audit_entries', versionKey: false },
);
AuditEntrySchema.plugin(tenantGuard);
// Newest first, whole workspace or narrowed by the filters people use most.
AuditEntrySchema.index({ workspaceId: 1, occurredAt: -1, _id: -1 });
AuditEntrySchema.index({ workspaceId: 1, targetId: 1, occurredAt: -1, _id: -1 });
AuditEntrySchema.index({ workspaceId: 1, actorId: 1, occurredAt: -1, _id: -1 });
AuditEntrySchema.index({ workspaceId: 1, tags: 1, occurredAt: -1, _id: -1 });

export const auditEntryModel = (connection: Connection): Model<AuditEntryDoc> =>
  connection.model<AuditEntryDoc>('AuditEntry', AuditEntrySchema);
