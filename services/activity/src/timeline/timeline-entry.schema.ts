import { Schema, type Connection, type Model } from 'mongoose';
import { tenantGuard } from '@switchboard/storage';
import type { Actor } from '@switchboard/contracts';

/**
 * One entry on a contact's timeline. `_id` is derived from the event that caused it
 * (`<eventId>:contact:<contactId>`), so recording the same event twice is a duplicate-key no-op.
 */
export interface TimelineEntryDoc {
  _id: string;
  workspaceId: string;
  contactId: string;
  type: string;
  occurredAt: Date;
  actor: Actor;
  summary: string;
  detail: Record<string, unknown>;
  sourceEventId: string;
  recordedAt: Date;
}

const TimelineEntrySchema = new Schema<TimelineEntryDoc>(
  {
    _id: { type: String, required: true },
    workspaceId: { type: String, required: true, immutable: true },
    contactId: { type: String, required: true },
    type: { type: String, required: true },
    occurredAt: { type: Date, required: true },
    actor: { type: { type: String }, id: String },
    summary: { type: String, required: true },
    detail: { type: Schema.Types.Mixed, default: {} },
    sourceEventId: { type: String, required: true },
    recordedAt: { type: Date, required: true },
  },
  { collection: 'timeline_entries', versionKey: false, minimize: false },
);
TimelineEntrySchema.plugin(tenantGuard);
// The read path: one contact's entries, newest first.
TimelineEntrySchema.index({ workspaceId: 1, contactId: 1, occurredAt: -1, _id: -1 });

export const timelineEntryModel = (connection: Connection): Model<TimelineEntryDoc> =>
  connection.model<TimelineEntryDoc>('TimelineEntry', TimelineEntrySchema);
