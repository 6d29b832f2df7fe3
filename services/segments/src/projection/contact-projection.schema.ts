import { Schema, type Connection, type Model } from 'mongoose';
import { tenantGuard } from '@switchboard/storage';

/**
 * The segments service's own copy of each contact: just the attributes filters need, built from
 * contact events. `_id` is the contact id; `version` is the contact's aggregate version, so an
 * older or repeated event can never overwrite a newer state.
 */
export interface ContactProjectionDoc {
  _id: string;
  workspaceId: string;
  version: number;
  status: string;
  displayName: string;
  email: string | null;
  phone: string | null;
  stage: string | null;
  ownerId: string | null;
  tags: string[];
  updatedAt: Date;
}

const ContactProjectionSchema = new Schema<ContactProjectionDoc>(
  {
    _id: { type: String, required: true },
    workspaceId: { type: String, required: true, immutable: true },
    version: { type: Number, required: true },
    status: { type: String, required: true },
    displayName: { type: String, default: '' },
    email: { type: String, default: null },
    phone: { type: String, default: null },
    stage: { type: String, default: null },
    ownerId: { type: String, default: null },
    tags: { type: [String], default: [] },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'contact_projections', versionKey: false },
);
ContactProjectionSchema.plugin(tenantGuard);
// Full evaluation streams a workspace's projection in id order.
ContactProjectionSchema.index({ workspaceId: 1, _id: 1 });

export const contactProjectionModel = (connection: Connection): Model<ContactProjectionDoc> =>
  connection.model<ContactProjectionDoc>('ContactProjection', ContactProjectionSchema);
