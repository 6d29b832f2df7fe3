import { Schema, type Connection, type Model } from 'mongoose';
import type {
  Actor,
  ImportColumn,
  ImportOnDuplicate,
  ImportOnMissingCompany,
  ImportRowStatus,
  ImportStatus,
  OwnershipScope,
} from '@switchboard/contracts';
import { idField, outboxPlugin, tenantGuard, type OutboxFields } from '@switchboard/storage';

/** Counts of an import at its checkpoint. */
export interface ImportCounts {
  processed: number;
  succeeded: number;
  failed: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
}

/** The caller's rights, kept so that the job later writes with exactly them. */
export interface ImportCaller {
  actor: Actor;
  role: string;
  capabilities: string[];
  scope: OwnershipScope;
  requestId: string;
}

/**
 * One import (`imports`). Progress moves in whole batches: `checkpoint` is the last row whose
 * batch is fully applied and reported, and the counts are those at the checkpoint, so a job
 * resumed after a crash goes on from there. `import.completed` is staged in its outbox.
 */
export interface ImportDoc extends ImportCounts, OutboxFields {
  _id: string;
  workspaceId: string;
  status: ImportStatus;
  onDuplicate: ImportOnDuplicate;
  /** Absent on imports started before it existed: `create`. */
  onMissingCompany?: ImportOnMissingCompany;
  /** The explicit mapping as pairs: CSV headers are not storable as keys (dots, `$`). */
  mapping: { header: string; target: string }[];
  delimiter: string;
  /** The uploaded file in the import bucket, removed once the import is over. */
  objectName: string;
  bytes: number;
  bytesRead: number;
  /** Rows per batch, fixed for the import: batch k holds rows k·batchSize+1 … (k+1)·batchSize. */
  batchSize: number;
  columns: ImportColumn[];
  total: number | null;
  checkpoint: number;
  batches: number;
  caller: ImportCaller;
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  updatedAt: Date;
}

/** One row of the report; a failed row keeps its cells for the failed-rows file. */
export interface ImportRowDoc {
  row: number;
  status: ImportRowStatus;
  error?: string;
  contactId?: string;
  values?: string[];
}

/**
 * The report of one batch (`import_rows`, `_id` = `<importId>:<batch>`): the rows' outcomes.
 * Written once, after the batch's contacts and their events: a stored report means the batch
 * is done.
 */
export interface ImportBatchDoc extends ImportCounts {
  _id: string;
  workspaceId: string;
  importId: string;
  batch: number;
  rows: ImportRowDoc[];
  hasFailures: boolean;
  createdAt: Date;
}

/**
 * The `contact.created` events of one batch, waiting for the relay (`import_events`, `_id` as
 * the report's): one JSON text, cheap to store, read and delete as a whole, where 500 staged
 * elements in an outbox array cost FerretDB per element. The relay deletes the document once
 * its events are out, so every document here is pending and the relay's read is an unfiltered,
 * limited find, the one FerretDB 1.24 limits in the database.
 */
export interface ImportEventsDoc {
  _id: string;
  workspaceId: string;
  /** JSON array of event envelopes, in row order. */
  events: string;
  createdAt: Date;
}

export const batchId = (importId: string, batch: number) => `${importId}:${batch}`;

const counts = {
  processed: { type: Number, default: 0 },
  succeeded: { type: Number, default: 0 },
  failed: { type: Number, default: 0 },
  created: { type: Number, default: 0 },
  updated: { type: Number, default: 0 },
  unchanged: { type: Number, default: 0 },
  skipped: { type: Number, default: 0 },
};
const actor = { type: { type: String }, id: String };

const ImportSchema = new Schema<ImportDoc>(
  {
    ...idField,
    workspaceId: { type: String, required: true, immutable: true },
    status: { type: String, required: true },
    onDuplicate: { type: String, required: true },
    onMissingCompany: { type: String, default: 'create' },
    mapping: {
      type: [new Schema({ header: String, target: String }, { _id: false })],
      default: [],
    },
    delimiter: { type: String, required: true },
    objectName: { type: String, required: true },
    bytes: { type: Number, required: true },
    bytesRead: { type: Number, default: 0 },
    batchSize: { type: Number, required: true },
    columns: {
      type: [new Schema({ header: String, field: String }, { _id: false })],
      default: [],
    },
    total: { type: Number, default: null },
    checkpoint: { type: Number, default: 0 },
    batches: { type: Number, default: 0 },
    ...counts,
    caller: {
      actor,
      role: String,
      capabilities: [String],
      scope: String,
      requestId: String,
    },
    error: { type: String, default: null },
    createdAt: { type: Date, required: true },
    startedAt: { type: Date, default: null },
    finishedAt: { type: Date, default: null },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'imports', versionKey: false, minimize: false },
);
ImportSchema.plugin(tenantGuard);
ImportSchema.plugin(outboxPlugin);
// The boot sweep's query (imports left queued or running): an equality filter.
ImportSchema.index({ status: 1 });

const ImportBatchSchema = new Schema<ImportBatchDoc>(
  {
    _id: { type: String, required: true },
    workspaceId: { type: String, required: true, immutable: true },
    importId: { type: String, required: true },
    batch: { type: Number, required: true },
    rows: {
      type: [
        new Schema(
          {
            row: Number,
            status: String,
            error: String,
            contactId: String,
            values: { type: [String], default: undefined },
          },
          { _id: false },
        ),
      ],
      default: [],
    },
    hasFailures: { type: Boolean, required: true },
    ...counts,
    createdAt: { type: Date, required: true },
  },
  { collection: 'import_rows', versionKey: false, minimize: false },
);
ImportBatchSchema.plugin(tenantGuard);
// Batches with failed rows, for the failed-rows file: equality filters only.
ImportBatchSchema.index({ workspaceId: 1, importId: 1, hasFailures: 1 });

const ImportEventsSchema = new Schema<ImportEventsDoc>(
  {
    _id: { type: String, required: true },
    workspaceId: { type: String, required: true, immutable: true },
    events: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { collection: 'import_events', versionKey: false },
);
ImportEventsSchema.plugin(tenantGuard);

export const importEventsModel = (connection: Connection): Model<ImportEventsDoc> =>
  connection.model<ImportEventsDoc>('ImportEvents', ImportEventsSchema);
export const importModel = (connection: Connection): Model<ImportDoc> =>
  connection.model<ImportDoc>('Import', ImportSchema);
export const importBatchModel = (connection: Connection): Model<ImportBatchDoc> =>
  connection.model<ImportBatchDoc>('ImportBatch', ImportBatchSchema);
