import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DelayedError, Worker } from 'bullmq';
import { QUEUES } from '@switchboard/contracts';
import { Lifecycle } from '@switchboard/runtime';
import { ImportQueue, type ImportJob } from './import-queue.repository';
import { ImportRunner } from './import-runner.service';
import { ImportsRepository } from './imports.repository';

/**
 * The edge of the import queue: a BullMQ worker in the contacts process. A crashed worker's
 * job is re-delivered when its lock lapses (IMPORT_LOCK_MS) and resumes from its checkpoint; a
 * worker that shuts down stops at the next batch boundary and hands the job back (delayed, not
 * failed). At boot, imports left queued or running are re-queued (idempotent by job id), so an
 * import whose job never reached Redis still runs.
 */
@Injectable()
export class ImportWorker implements OnModuleInit {
  private readonly logger = new Logger('imports');
  private stopping = false;

  constructor(
    private readonly queue: ImportQueue,
    private readonly imports: ImportsRepository,
    private readonly runner: ImportRunner,
    private readonly lifecycle: Lifecycle,
  ) {}

  async onModuleInit(): Promise<void> {
    const { config } = this.queue;
    const connection = this.queue.connection.duplicate();
    const worker = new Worker<ImportJob>(
      QUEUES.contactImports,
      async (job, token) => {
        const { workspaceId, importId } = job.data;
        const outcome = await this.runner.run(workspaceId, importId, () => this.stopping);
        if (outcome === 'stopped') {
          await job.moveToDelayed(Date.now() + 1000, token);
          throw new DelayedError();
        }
      },
      {
        connection,
        prefix: config.QUEUE_PREFIX,
        concurrency: config.IMPORT_CONCURRENCY,
        lockDuration: config.IMPORT_LOCK_MS,
        stalledInterval: config.IMPORT_LOCK_MS,
        // Each crash re-delivers the job once more; it resumes, so crashes need not end it.
        maxStalledCount: 20,
      },
    );
    worker.on('failed', (job, err) => {
      if (!job) return;
      this.logger.warn(
        { importId: job.data.importId, attempt: job.attemptsMade, err },
        'import job failed',
      );
      if (job.attemptsMade < (job.opts.attempts ?? 1)) return;
      this.runner
        .fail(
          job.data.workspaceId,
          job.data.importId,
          `stopped after ${job.attemptsMade} attempts: ${err.message}`,
        )
        .catch((e: unknown) => this.logger.error({ err: e }, 'could not mark the import failed'));
    });
    this.lifecycle.onStop(1, 'import-worker', async () => {
      this.stopping = true;
      await worker.close();
      await connection.quit();
    });
    for (const open of await this.imports.unfinished()) {
      await this.queue.add({ workspaceId: open.workspaceId, importId: open._id });
    }
  }
}
