import { Schema, type Connection, type Model } from 'mongoose';
import { tenantGuard } from '@switchboard/storage';
import type { Actor, TimelineAnchorType } from '@switchboard/contracts';

/**
 * One entry on one timeline (a contact's, a deal's or a company's). `_id` is derived from what
 * caused it — `<eventId>:<anchorType>` for a domain event, `msg:<workspaceId>:<inbound id>` for
 * an inbound messaging event — so recording the same thing twice is a duplicate-key no-op, also
 * after a merge moved the entry to another contact.
 */
export interface TimelineEntryDoc {
  _id: string;
  workspaceId: string;
  anchorType: TimelineAnchorType;
  anchorId: string;
  contactId: string | null;
  type: string;
  occurredAt: Date;
  actor: Actor;
  summary: string;
  /** The typed detail as JSON text: any payload is storable on MongoDB and FerretDB alike. */
  detailJson: string;
  sourceEventId: string;
  /** The note or communication the entry shows, so an edit or delete can take it off. */
  refId: string | null;
  /** Taken off the timeline (a deleted note, a superseded or deleted communication). */
  hidden: boolean;
  recordedAt: Date;
}

const TimelineEntrySchema = new Schema<TimelineEntryDoc>(
  {
    _id: { type: String, required: true },
    workspaceId: { type: String, required: true, immutable: true },
    anchorType: { type: String, required: true },
    anchorId: { type: String, required: true },
    contactId: { type: String, default: null },
    type: { type: String, required: true },
    occurredAt: { type: Date, required: true },
    actor: { type: { type: String }, id: String },
    summary: { type: String, required: true },
    detailJson: { type: String, required: true },
    sourceEventId: { type: String, required: true },
    refId: { type: String, default: null },
    hidden: { type: Boolean, default: false },
    recordedAt: { type: Date, required: true },
  },
  { collection: 'timeline_entries', versionKey: false },
);
TimelineEntrySchema.plugin(tenantGuard);
// The read path: one record's visible entries, newest first (equalities first, then the sort).
TimelineEntrySchema.index({
  workspaceId: 1,
  anchorType: 1,
  anchorId: 1,
  hidden: 1,
  occurredAt: -1,
  _id: -1,
});

export const timelineEntryModel = (connection: Connection): Model<TimelineEntryDoc> =>
  connection.model<TimelineEntryDoc>('TimelineEntry', TimelineEntrySchema);
