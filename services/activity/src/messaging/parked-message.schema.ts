import { Schema, type Connection, type Model } from 'mongoose';
import { tenantGuard } from '@switchboard/storage';

/**
 * An inbound event for somebody the contacts service does not know (yet): kept until a contact
 * with that id or address appears (`contact.created` / `contact.updated`), then recorded.
 * `_id` is the timeline entry id it will get, so a parked duplicate is stored once.
 */
export interface ParkedMessageDoc {
  _id: string;
  workspaceId: string;
  lookupKey: string;
  /** `messaging.<ws>.<channel>.<event>` without prefix, and the payload as received. */
  subject: string;
  payloadJson: string;
  parkedAt: Date;
}

const ParkedMessageSchema = new Schema<ParkedMessageDoc>(
  {
    _id: { type: String, required: true },
    workspaceId: { type: String, required: true, immutable: true },
    lookupKey: { type: String, required: true },
    subject: { type: String, required: true },
    payloadJson: { type: String, required: true },
    parkedAt: { type: Date, required: true },
  },
  { collection: 'parked_messages', versionKey: false },
);
ParkedMessageSchema.plugin(tenantGuard);
ParkedMessageSchema.index({ workspaceId: 1, lookupKey: 1 });
ParkedMessageSchema.index({ parkedAt: 1 });

export const parkedMessageModel = (connection: Connection): Model<ParkedMessageDoc> =>
  connection.model<ParkedMessageDoc>('ParkedMessage', ParkedMessageSchema);
