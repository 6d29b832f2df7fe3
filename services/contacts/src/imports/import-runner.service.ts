import { Injectable, Logger } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { PII_MOVEMENT_AUDIT_TAG, type ImportColumn } from '@switchboard/contracts';
import { buildEvent, runWithCorrelation } from '@switchboard/messaging';
import { callerContext, ImportBatchService } from './import-batch.service';
import { countRows, csvRecords, type CsvRecord } from './import-csv';
import { resolveColumns } from './import-mapping';
import type { ImportCounts, ImportDoc } from './import.schema';
import { ImportUploads } from './import-uploads.repository';
import { ImportsRepository } from './imports.repository';

/** Why a run ended: done (completed or failed for good), or stopped at a batch boundary. */
export type RunOutcome = 'done' | 'stopped';

/** A failure of the import as a whole (its file), as opposed to a failure of one row. */
class ImportFailure extends Error {}

const COUNT_KEYS = [
  'processed',
  'succeeded',
  'failed',
  'created',
  'updated',
  'unchanged',
  'skipped',
] as const;

const add = (a: ImportCounts, b: ImportCounts): ImportCounts =>
  Object.fromEntries(COUNT_KEYS.map((k) => [k, a[k] + b[k]])) as unknown as ImportCounts;

/**
 * Runs one import: counts the file's rows, then streams it through the CSV parser (the file is
 * read only as fast as batches are applied, so memory stays flat whatever its size) and applies
 * it batch by batch, moving the checkpoint after each. A run that starts on an import with a
 * checkpoint (a crash, a shutdown) skips the rows up to it.
 */
@Injectable()
export class ImportRunner {
  private readonly logger = new Logger('imports');

  constructor(
    private readonly imports: ImportsRepository,
    private readonly uploads: ImportUploads,
    private readonly batches: ImportBatchService,
  ) {}

  async run(workspaceId: string, importId: string, stop: () => boolean): Promise<RunOutcome> {
    const imp = await this.imports.find(workspaceId, importId);
    if (!imp || imp.status === 'completed' || imp.status === 'failed') return 'done';
    // Logs and events of the job carry the request id of the upload that started it.
    return runWithCorrelation({ requestId: imp.caller.requestId, workspaceId }, () =>
      this.runLoaded(imp, stop),
    );
  }

  private async runLoaded(loaded: ImportDoc, stop: () => boolean): Promise<RunOutcome> {
    const { workspaceId, _id: importId } = loaded;
    let imp = loaded;
    try {
      const object = await this.uploads.info(imp.objectName);
      if (!object) throw new ImportFailure('the uploaded file is no longer available');
      if (imp.status === 'queued') {
        await this.imports.update(workspaceId, importId, {
          status: 'running',
          startedAt: new Date(),
        });
      }
      if (imp.total === null) {
        const total = await countRows(await this.uploads.read(object), imp.delimiter);
        await this.imports.update(workspaceId, importId, { total });
      }
      imp = (await this.imports.find(workspaceId, importId))!;
      const outcome = await this.stream(imp, await this.uploads.read(object), stop);
      if (outcome === 'stopped') return 'stopped';
    } catch (err) {
      if (!(err instanceof ImportFailure)) throw err;
      await this.fail(workspaceId, importId, err.message);
      return 'done';
    }
    await this.complete(workspaceId, importId);
    return 'done';
  }

  /** Ends the import as failed (its file could not be read through), with its event. */
  async fail(workspaceId: string, importId: string, error: string): Promise<void> {
    const imp = await this.imports.find(workspaceId, importId);
    if (!imp) return;
    await this.finish(imp, 'failed', error);
  }

  private async stream(
    start: ImportDoc,
    source: Readable,
    stop: () => boolean,
  ): Promise<RunOutcome> {
    let imp = start;
    const size = imp.batchSize;
    let columns: ImportColumn[] | undefined;
    let pending: CsvRecord[] = [];
    let bytes = imp.bytesRead;
    // Three batches in flight, each stage in batch order: batch k+2 is prepared (checks and
    // documents: CPU) while k+1 is committed (its inserts) and k is reported; the checkpoint
    // moves once a batch is committed and reported, strictly in order.
    let committing: Promise<void> = Promise.resolve();
    let reporting: Promise<void> = Promise.resolve();
    const settle = async () => {
      await committing;
      await reporting;
    };
    const flush = async (): Promise<void> => {
      if (pending.length === 0) return;
      const records = pending;
      pending = [];
      const batch = Math.floor((records[0].row - 1) / size);
      const last = records[records.length - 1].row;
      const read = bytes;
      const prepared = this.batches.prepare(imp, columns!, batch, records);
      prepared.catch(() => undefined); // surfaced below
      await committing;
      const ready = await prepared;
      committing = (async () => {
        const written = await this.batches.commit(ready);
        const previous = reporting;
        reporting = (async () => {
          await previous;
          const counts = await this.batches.report(written);
          const next = {
            ...add(imp, counts),
            checkpoint: last,
            batches: batch + 1,
            bytesRead: read,
          };
          if (!(await this.imports.advance(imp.workspaceId, imp._id, imp.checkpoint, next))) {
            throw new Error(`import ${imp._id} moved on elsewhere (another worker has it)`);
          }
          imp = { ...imp, ...next };
        })();
        // Surfaced by the next `await reporting`; never an unhandled rejection meanwhile.
        reporting.catch(() => undefined);
      })();
      committing.catch(() => undefined);
    };

    try {
      for await (const record of csvRecords(source, imp.delimiter)) {
        if (record.row === 0) {
          if ('error' in record) throw new ImportFailure(`the header row: ${record.error}`);
          columns = this.columnsOf(imp, record.values);
          if (imp.columns.length === 0) {
            await this.imports.update(imp.workspaceId, imp._id, { columns });
          }
          continue;
        }
        if (record.row <= imp.checkpoint) continue;
        pending.push(record);
        bytes = Math.max(bytes, record.bytes);
        if (record.row % size === 0) {
          await flush();
          if (stop()) {
            await settle();
            return 'stopped';
          }
        }
      }
      if (!columns) throw new ImportFailure('the file is empty: no header row');
      await flush();
      await settle();
    } catch (err) {
      // Nothing of this run may still be writing when the job is retried.
      await Promise.allSettled([committing, reporting]);
      await Promise.allSettled([reporting]);
      throw err;
    }
    return 'done';
  }

  private columnsOf(imp: ImportDoc, header: string[]): ImportColumn[] {
    try {
      const mapping = Object.fromEntries(imp.mapping.map((m) => [m.header, m.target]));
      return resolveColumns(header, mapping);
    } catch (err) {
      throw new ImportFailure((err as Error).message);
    }
  }

  private async complete(workspaceId: string, importId: string): Promise<void> {
    const imp = await this.imports.find(workspaceId, importId);
    if (!imp || imp.status !== 'running') return;
    await this.finish(imp, 'completed', null);
  }

  private async finish(
    imp: ImportDoc,
    status: 'completed' | 'failed',
    error: string | null,
  ): Promise<void> {
    const counts = Object.fromEntries(
      COUNT_KEYS.map((k) => [k, imp[k]]),
    ) as unknown as ImportCounts;
    const total = status === 'completed' ? imp.processed : (imp.total ?? imp.processed);
    const event = buildEvent('import.completed', {
      workspaceId: imp.workspaceId,
      actor: callerContext(imp).actor,
      aggregateId: imp._id,
      aggregateVersion: 1,
      data: {
        importId: imp._id,
        status,
        onDuplicate: imp.onDuplicate,
        ...counts,
        total,
        error,
        auditTags: [PII_MOVEMENT_AUDIT_TAG],
      },
    });
    const finished = await this.imports.finish(
      imp.workspaceId,
      imp._id,
      {
        status,
        error,
        total,
        finishedAt: new Date(),
        ...(status === 'completed' ? { bytesRead: imp.bytes } : {}),
      },
      event,
    );
    if (!finished) return;
    this.logger.log({ importId: imp._id, status, ...counts, error }, 'import finished');
    await this.uploads.delete(imp.objectName).catch((err: unknown) => {
      this.logger.warn({ err, importId: imp._id }, 'could not remove the uploaded file');
    });
  }
}
