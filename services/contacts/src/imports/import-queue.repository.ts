import { Inject, Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { QUEUES } from '@switchboard/contracts';
import { CONFIG, HealthChecks, Lifecycle, Metrics } from '@switchboard/runtime';
import type { ContactsConfig } from '../config';

/** What an import job carries: the import record says everything else. */
export interface ImportJob {
  workspaceId: string;
  importId: string;
}

/**
 * The BullMQ queue of imports: one job per import, its id the import's, so adding it twice (the
 * boot sweep) is harmless. The job is only the trigger; progress lives in the import record.
 */
@Injectable()
export class ImportQueue {
  readonly connection: IORedis;
  readonly queue: Queue<ImportJob>;

  constructor(
    @Inject(CONFIG) readonly config: ContactsConfig,
    lifecycle: Lifecycle,
    health: HealthChecks,
    metrics: Metrics,
  ) {
    // BullMQ needs blocking commands to wait forever: maxRetriesPerRequest must be null.
    this.connection = new IORedis(config.REDIS_URL, { maxRetriesPerRequest: null });
    this.queue = new Queue<ImportJob>(QUEUES.contactImports, {
      connection: this.connection,
      prefix: config.QUEUE_PREFIX,
      defaultJobOptions: {
        removeOnComplete: true,
        removeOnFail: 1000,
        attempts: 10,
        backoff: { type: 'exponential', delay: 1000 },
      },
    });
    health.register('redis', () => this.connection.status === 'ready');
    metrics.watchQueue(this.queue);
    lifecycle.onStop(2, 'import-queue', async () => {
      await this.queue.close();
      await this.connection.quit();
    });
  }

  async add(job: ImportJob): Promise<void> {
    await this.queue.add('import', job, { jobId: job.importId });
  }
}
