import { Schema, type Connection, type Model } from 'mongoose';
import { idField, outboxPlugin, tenantGuard, type OutboxFields } from '@switchboard/storage';
import type { Actor, ExportRecordStatus, ExportStatus } from '@switchboard/contracts';

/**
 * One CSV export of contacts: who took which contacts (filter, sort) and how many. Inserted
 * before the first byte is sent (`started`, with its `export.started` event in its outbox). Its
 * end is a document of its own (below), never an update of this one: the relay may be clearing
 * this one's outbox at that very moment. (Exports recorded whole by an older gateway: one
 * document, `completed` or `aborted`.)
 */
export interface ContactExportDoc extends OutboxFields {
  _id: string;
  workspaceId: string;
  actor: Actor;
  /** The export's query (filters and sort) as JSON text: `custom.<slug>` keys are not storable. */
  query: string;
  status: ExportRecordStatus;
  count: number;
  createdAt: Date;
}

/** The end of a started export (same `_id`), with its `export.completed` event. */
export interface ContactExportEndDoc extends OutboxFields {
  _id: string;
  workspaceId: string;
  status: ExportStatus;
  count: number;
  finishedAt: Date;
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

const ContactExportEndSchema = new Schema<ContactExportEndDoc>(
  {
    ...idField,
    workspaceId: { type: String, required: true, immutable: true },
    status: { type: String, required: true },
    count: { type: Number, required: true },
    finishedAt: { type: Date, required: true },
  },
  { collection: 'contact_export_ends', versionKey: false },
);
ContactExportEndSchema.plugin(tenantGuard);
ContactExportEndSchema.plugin(outboxPlugin);

export const contactExportEndModel = (connection: Connection): Model<ContactExportEndDoc> =>
  connection.model<ContactExportEndDoc>('ContactExportEnd', ContactExportEndSchema);
