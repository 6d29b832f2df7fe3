import { Schema, type Connection, type Model } from 'mongoose';
import { idField, outboxPlugin, tenantGuard, type OutboxFields } from '@switchboard/storage';
import type { Actor, ExportStatus } from '@switchboard/contracts';

/**
 * One CSV export of contacts: who took which contacts (filter, sort) and how many. Inserted
 * once, at the end of the export, with its `export.completed` event in its outbox.
 */
export interface ContactExportDoc extends OutboxFields {
  _id: string;
  workspaceId: string;
  actor: Actor;
  /** The export's query (filters and sort) as JSON text: `custom.<slug>` keys are not storable. */
  query: string;
  status: ExportStatus;
  count: number;
  createdAt: Date;
}

const ContactExportSchema = new Schema<ContactExportDoc>(
  {
    ...idField,
    workspaceId: { type: String, required: true, immutable: true },
    actor: { type: { type: String }, id: String },
    query: { type: String, required: true },
    status: { type: String, required: true },
    count: { type: Number, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'contact_exports', versionKey: false },
);
ContactExportSchema.plugin(tenantGuard);
ContactExportSchema.plugin(outboxPlugin);
ContactExportSchema.index({ workspaceId: 1, createdAt: -1 });

export const contactExportModel = (connection: Connection): Model<ContactExportDoc> =>
  connection.model<ContactExportDoc>('ContactExport', ContactExportSchema);
