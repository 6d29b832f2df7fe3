import { Inject, Injectable } from '@nestjs/common';
import {
  REPLY_PAGE_BUDGET_BYTES,
  type FailedRowsChunk,
  type ImportAccepted,
  type ImportReport,
  type ImportReportQuery,
  type RequestContext,
  type StartImportInput,
} from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { newId } from '@switchboard/messaging';
import { rowBytes } from '@switchboard/storage';
import { CONFIG } from '@switchboard/runtime';
import type { ContactsConfig } from '../config';
import { neutraliseFormula } from '../contacts/contact-export';
import { csvLine } from './import-csv';
import { ImportQueue } from './import-queue.repository';
import { toImportReport } from './import-report.mapper';
import type { ImportDoc, ImportRowDoc } from './import.schema';
import { ImportUploads } from './import-uploads.repository';
import { ImportsRepository } from './imports.repository';

/** Batch reports read for one page at most (a page with a status filter may come back short). */
const MAX_BATCHES_PER_PAGE = 20;
/** Size of one piece of the failed-rows file: well below the NATS message limit. */
const FAILED_CSV_CHUNK_BYTES = 256 * 1024;

/** Starting imports and reading their reports (the job itself is ImportRunner's). */
@Injectable()
export class ImportsService {
  constructor(
    private readonly imports: ImportsRepository,
    private readonly uploads: ImportUploads,
    private readonly queue: ImportQueue,
    @Inject(CONFIG) private readonly config: ContactsConfig,
  ) {}

  async start(ctx: RequestContext, input: StartImportInput): Promise<ImportAccepted> {
    // Upload names start with the workspace that uploaded them.
    const object = input.objectName.startsWith(`${ctx.workspaceId}/`)
      ? await this.uploads.info(input.objectName)
      : null;
    if (!object)
      throw AppError.validation('no such upload', [{ path: 'objectName', message: 'not found' }]);
    const now = new Date();
    const doc: ImportDoc = {
      _id: newId(),
      workspaceId: ctx.workspaceId,
      status: 'queued',
      onDuplicate: input.onDuplicate,
      onMissingCompany: input.onMissingCompany,
      mapping: Object.entries(input.mapping ?? {}).map(([header, target]) => ({ header, target })),
      delimiter: input.delimiter,
      objectName: input.objectName,
      bytes: object.size,
      bytesRead: 0,
      batchSize: this.config.IMPORT_BATCH_SIZE,
      columns: [],
      total: null,
      checkpoint: 0,
      batches: 0,
      processed: 0,
      succeeded: 0,
      failed: 0,
      created: 0,
      updated: 0,
      unchanged: 0,
      skipped: 0,
      caller: {
        actor: ctx.actor,
        role: ctx.role,
        capabilities: ctx.capabilities,
        scope: ctx.scope,
        requestId: ctx.requestId,
      },
      error: null,
      createdAt: now,
      startedAt: null,
      finishedAt: null,
      updatedAt: now,
    };
    await this.imports.insert(doc);
    try {
      await this.queue.add({ workspaceId: ctx.workspaceId, importId: doc._id });
    } catch (err) {
      await this.imports.remove(ctx.workspaceId, doc._id);
      throw new AppError(
        'unavailable',
        'the import queue is unavailable; retry',
        undefined,
        undefined,
        {
          cause: err,
        },
      );
    }
    return { id: doc._id, status: 'queued' };
  }

  async report(ctx: RequestContext, id: string, query: ImportReportQuery): Promise<ImportReport> {
    const doc = await this.load(ctx, id);
    const after = query.cursor ? Number(query.cursor) : 0;
    const size = doc.batchSize;
    const first = Math.floor(after / size);
    const candidates =
      query.status === 'failed'
        ? (await this.imports.batchesWithFailures(ctx.workspaceId, id)).filter((b) => b >= first)
        : Array.from({ length: Math.max(0, doc.batches - first) }, (_, i) => first + i);
    const rows: ImportRowDoc[] = [];
    let scanned = after; // the last row looked at
    let full = false;
    let bytes = 0;
    const page = candidates.slice(0, MAX_BATCHES_PER_PAGE);
    for await (const report of this.imports.reports(ctx.workspaceId, id, page)) {
      for (const r of report.rows) {
        if (r.row <= after) continue;
        if (rows.length === query.limit) {
          full = true;
          break;
        }
        const take = !query.status || r.status === query.status;
        // A page also stops at the reply budget (rows carry their original cells).
        if (take && rows.length > 0 && bytes + rowBytes(r) > REPLY_PAGE_BUDGET_BYTES) {
          full = true;
          break;
        }
        scanned = r.row;
        if (take) {
          rows.push(r);
          bytes += rowBytes(r);
        }
      }
      if (full) break;
      scanned = Math.max(scanned, Math.min((report.batch + 1) * size, doc.checkpoint));
    }
    // Rows reported later (a running import) are read by asking again from the last cursor.
    const more = full || (page.length < candidates.length && scanned < doc.checkpoint);
    return toImportReport(doc, rows, more ? String(scanned) : null);
  }

  /**
   * A piece of the failed-rows file: the original columns plus `row` and `error`. The cursor is
   * `<batch>` (the next batch to read) or `<batch>.<row>` (that batch, after that row: a piece
   * stops mid-batch at FAILED_CSV_CHUNK_BYTES); the first piece starts with the header line.
   */
  async failedRows(ctx: RequestContext, id: string, cursor?: string): Promise<FailedRowsChunk> {
    const doc = await this.load(ctx, id);
    const headers = doc.columns.map((c) => c.header);
    const { batch: from, afterRow } = failedRowsCursor(cursor);
    // Cells echo the uploaded file: a spreadsheet must not run them as formulas (CSV injection).
    const toLine = (cells: string[]) => csvLine(cells.map(neutraliseFormula), doc.delimiter);
    let csv = cursor ? '' : toLine([...headers, 'row', 'error']);
    let bytes = Buffer.byteLength(csv, 'utf8');
    let lines = 0;
    const batches = (await this.imports.batchesWithFailures(ctx.workspaceId, id)).filter(
      (b) => b >= from,
    );
    for await (const report of this.imports.reports(ctx.workspaceId, id, batches)) {
      for (const r of report.rows) {
        if (r.status !== 'failed' || r.row <= afterRow) continue;
        const cells = headers.map((_, j) => r.values?.[j] ?? '');
        const line = toLine([...cells, String(r.row), r.error ?? '']);
        const size = Buffer.byteLength(line, 'utf8');
        // A piece never outgrows the reply limit: the rest of this batch comes with the next one.
        if (lines > 0 && bytes + size > FAILED_CSV_CHUNK_BYTES) {
          return { csv, nextCursor: `${report.batch}.${r.row - 1}` };
        }
        csv += line;
        bytes += size;
        lines += 1;
      }
      const next = batches.find((b) => b > report.batch);
      if (bytes >= FAILED_CSV_CHUNK_BYTES && next !== undefined) {
        return { csv, nextCursor: String(next) };
      }
    }
    return { csv, nextCursor: null };
  }

  private async load(ctx: RequestContext, id: string): Promise<ImportDoc> {
    const doc = await this.imports.find(ctx.workspaceId, id);
    if (!doc) throw AppError.notFound('import', id);
    return doc;
  }
}

/** `<batch>` or `<batch>.<row>`; anything else is not a cursor this API issued. */
function failedRowsCursor(cursor?: string): { batch: number; afterRow: number } {
  if (cursor === undefined) return { batch: 0, afterRow: 0 };
  const m = /^(\d{1,9})(?:\.(\d{1,12}))?$/.exec(cursor);
  if (!m) {
    throw AppError.validation('invalid cursor', [
      { path: 'cursor', message: 'not a cursor this API issued' },
    ]);
  }
  return { batch: Number(m[1]), afterRow: m[2] ? Number(m[2]) : 0 };
}
