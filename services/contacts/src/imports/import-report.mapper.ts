import type { ImportReport, ImportRow } from '@switchboard/contracts';
import type { ImportDoc, ImportRowDoc } from './import.schema';

const iso = (d: Date | string | null): string | null => (d ? new Date(d).toISOString() : null);

export const toImportRow = (r: ImportRowDoc): ImportRow => ({
  row: r.row,
  status: r.status,
  ...(r.error ? { error: r.error } : {}),
  ...(r.contactId ? { contactId: r.contactId } : {}),
});

/** Stored import and a page of its rows → the contract's report. */
export function toImportReport(
  doc: ImportDoc,
  rows: ImportRowDoc[],
  nextCursor: string | null,
): ImportReport {
  return {
    id: doc._id,
    status: doc.status,
    onDuplicate: doc.onDuplicate,
    onMissingCompany: doc.onMissingCompany ?? 'create',
    total: doc.total ?? null,
    processed: doc.processed,
    succeeded: doc.succeeded,
    failed: doc.failed,
    created: doc.created,
    updated: doc.updated,
    unchanged: doc.unchanged,
    skipped: doc.skipped,
    bytesRead: doc.bytesRead,
    bytes: doc.bytes,
    columns: doc.columns.map((c) => ({ header: c.header, field: c.field ?? null })),
    error: doc.error ?? null,
    createdBy: doc.caller.actor,
    createdAt: iso(doc.createdAt)!,
    startedAt: iso(doc.startedAt),
    finishedAt: iso(doc.finishedAt),
    rows: rows.map(toImportRow),
    nextCursor,
  };
}
