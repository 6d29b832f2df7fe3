import { z } from 'zod';
import { Id, Timestamp } from '../common/primitives';
import { ExportContactsQuery } from './contact-query';

/**
 * CSV exports of contacts (`GET /v1/contacts/export`). The gateway streams the file: it asks
 * the contacts service for pages of ready-made rows and writes each page to the response as it
 * comes. The export is recorded before the first byte (`export.started`, tagged for the audit
 * log, so even an export cut short by a crash leaves its trace) and again at its end
 * (`export.completed` with the count).
 */

/** The audit tag of every bulk movement of personal data (exports and imports). */
export const PII_MOVEMENT_AUDIT_TAG = 'contacts.pii_movement';

export const EXPORT_PAGE_MAX = 500;

/** `rpc.contacts.export.page`: the first call leaves `columns` out; later ones send them back. */
export const ExportPageInput = z
  .object({
    query: ExportContactsQuery,
    cursor: z.string().min(1).max(512).optional(),
    limit: z.number().int().min(1).max(EXPORT_PAGE_MAX).default(250),
    /** The header of the file, as the first page answered: every page's rows follow it. */
    columns: z.array(z.string().max(100)).min(1).max(600).optional(),
  })
  .strict();
export type ExportPageInput = z.infer<typeof ExportPageInput>;

/** Rows as CSV cells (strings; multiple values joined by `;`), in `columns` order. */
export const ExportPage = z.object({
  columns: z.array(z.string()),
  rows: z.array(z.array(z.string())),
  nextCursor: z.string().nullable(),
});
export type ExportPage = z.infer<typeof ExportPage>;

/** `completed`: every matching contact was sent; `aborted`: the client went away (or it failed). */
export const ExportStatus = z.enum(['completed', 'aborted']);
export type ExportStatus = z.infer<typeof ExportStatus>;

/** `rpc.contacts.export.start`: before the first byte is sent; idempotent by `exportId`. */
export const StartExportInput = z.object({ exportId: Id, query: ExportContactsQuery }).strict();
export type StartExportInput = z.infer<typeof StartExportInput>;

/** `rpc.contacts.export.record`: the end of an export; idempotent by `exportId`. */
export const RecordExportInput = z
  .object({
    exportId: Id,
    query: ExportContactsQuery,
    status: ExportStatus,
    /** Contacts written to the response. */
    count: z.number().int().min(0),
  })
  .strict();
export type RecordExportInput = z.infer<typeof RecordExportInput>;

/** A stored export: `started` until its end is recorded. */
export const ExportRecordStatus = z.enum(['started', 'completed', 'aborted']);
export type ExportRecordStatus = z.infer<typeof ExportRecordStatus>;

export const ExportRecord = z.object({
  id: Id,
  status: ExportRecordStatus,
  count: z.number().int(),
  createdAt: Timestamp,
});
export type ExportRecord = z.infer<typeof ExportRecord>;

/** `rpc.contacts.export.*`: spread into CONTACTS_RPC. */
export const CONTACT_EXPORT_RPC = {
  exportPage: { subject: 'rpc.contacts.export.page', input: ExportPageInput, output: ExportPage },
  exportStart: {
    subject: 'rpc.contacts.export.start',
    input: StartExportInput,
    output: ExportRecord,
  },
  exportRecord: {
    subject: 'rpc.contacts.export.record',
    input: RecordExportInput,
    output: ExportRecord,
  },
} as const;

/**
 * `crm.<ws>.export.started` v1: an export began, before its first byte left (the envelope's
 * actor is taking the contacts). Tagged for the audit log.
 */
export const ExportStartedV1 = z.object({
  exportId: Id,
  format: z.literal('csv'),
  query: ExportContactsQuery,
  auditTags: z.array(z.string()),
});
export type ExportStartedV1 = z.infer<typeof ExportStartedV1>;

/**
 * `crm.<ws>.export.completed` v1: contacts left the system as a file (the envelope's actor took
 * them). Tagged for the audit log like `import.completed`: bulk movement of personal data.
 */
export const ExportCompletedV1 = z.object({
  exportId: Id,
  status: ExportStatus,
  format: z.literal('csv'),
  /** The filter and sort of the export, as the client gave them. */
  query: ExportContactsQuery,
  count: z.number().int(),
  auditTags: z.array(z.string()),
});
export type ExportCompletedV1 = z.infer<typeof ExportCompletedV1>;

/** Export events of the catalogue (see events/event-catalog.ts). */
export const EXPORT_EVENTS = {
  'export.started': { aggregate: 'export', version: 1, data: ExportStartedV1 },
  'export.completed': { aggregate: 'export', version: 1, data: ExportCompletedV1 },
} as const;
