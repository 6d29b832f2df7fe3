import { Readable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import { stringify } from 'csv-stringify';
import {
  RPC,
  type ExportContactsQuery,
  type ExportPage,
  type ExportStatus,
  type RequestContext,
} from '@switchboard/contracts';
import { isTransientFailure, newId, RpcClient } from '@switchboard/messaging';

/** Rows per page asked of the contacts service (bounded by what one NATS reply may carry). */
const PAGE_ROWS = 250;
/** Attempts per later page: a long export outlives a contacts restart or a slow moment. */
const PAGE_ATTEMPTS = 4;
const PAGE_RETRY_MS = [500, 2000, 5000];

/**
 * Streams a CSV export: pages of ready-made rows from `rpc.contacts.export.page`, each asked
 * for only when the response has taken the previous one (backpressure: a slow client slows the
 * reads, memory stays one page). The export is recorded with its audit event before the first
 * byte, and its end (count, completed or aborted) after the last.
 */
@Injectable()
export class ContactsExportService {
  private readonly logger = new Logger('contacts-export');

  constructor(private readonly rpc: RpcClient) {}

  /**
   * The CSV stream. The first page is read before anything is sent, so a bad query or an
   * unavailable service still answers with a problem instead of a truncated 200.
   */
  async open(ctx: RequestContext, query: ExportContactsQuery): Promise<Readable> {
    const exportId = newId();
    const first = await this.page(ctx, query);
    // On record before the first byte (export.started): a crash mid-export still leaves it.
    await this.rpc.call(RPC.contacts.exportStart, ctx, { exportId, query });
    const rows = this.rows(ctx, query, first);
    const csv = stringify({ header: false, record_delimiter: 'unix' });
    let count = 0;
    let done = false;
    const source = Readable.from(
      (async function* () {
        yield first.columns;
        for await (const row of rows) {
          count++;
          yield row;
        }
        done = true;
      })(),
      { objectMode: true, highWaterMark: 1 },
    );
    // Recorded once, however the stream ends: drained, failed, or the client went away.
    let recorded = false;
    const record = (status: ExportStatus) => {
      if (recorded) return;
      recorded = true;
      void this.record(ctx, exportId, query, status, count);
    };
    source.on('end', () => record(done ? 'completed' : 'aborted'));
    source.on('error', (err) => {
      this.logger.error({ err, exportId }, 'export stream failed');
      record('aborted');
      csv.destroy(err);
    });
    source.on('close', () => record(done ? 'completed' : 'aborted'));
    csv.on('close', () => source.destroy());
    return source.pipe(csv);
  }

  private async *rows(
    ctx: RequestContext,
    query: ExportContactsQuery,
    first: ExportPage,
  ): AsyncGenerator<string[]> {
    let page = first;
    for (;;) {
      yield* page.rows;
      if (!page.nextCursor) return;
      page = await this.nextPage(ctx, query, page.nextCursor, first.columns);
    }
  }

  /**
   * A later page, retried on a dependency's failure: the 200 is already sent, so giving up
   * truncates the file. Pages are keyset reads, safe to repeat.
   */
  private async nextPage(
    ctx: RequestContext,
    query: ExportContactsQuery,
    cursor: string,
    columns: string[],
  ): Promise<ExportPage> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.page(ctx, query, cursor, columns);
      } catch (err) {
        if (attempt >= PAGE_ATTEMPTS || !isTransientFailure(err)) throw err;
        this.logger.warn({ err, attempt }, 'export page failed; retrying');
        await new Promise((r) => setTimeout(r, PAGE_RETRY_MS[attempt - 1]));
      }
    }
  }

  private page(
    ctx: RequestContext,
    query: ExportContactsQuery,
    cursor?: string,
    columns?: string[],
  ): Promise<ExportPage> {
    return this.rpc.call(RPC.contacts.exportPage, ctx, {
      query,
      limit: PAGE_ROWS,
      ...(cursor ? { cursor } : {}),
      ...(columns ? { columns } : {}),
    });
  }

  private async record(
    ctx: RequestContext,
    exportId: string,
    query: ExportContactsQuery,
    status: ExportStatus,
    count: number,
  ): Promise<void> {
    try {
      await this.rpc.call(RPC.contacts.exportRecord, ctx, { exportId, query, status, count });
    } catch (err) {
      this.logger.error({ err, exportId, status, count }, 'export could not be recorded');
    }
  }
}
