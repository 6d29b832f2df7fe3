import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { Queue, Worker } from 'bullmq';
import IORedis from 'ioredis';
import { QUEUES } from '@switchboard/contracts';
import { CONFIG, Lifecycle, Metrics } from '@switchboard/runtime';
import type { ContactsConfig } from '../config';
import { RetentionService } from './retention.service';

const SCHEDULER_ID = 'retention-sweep';

/**
 * The `contact-retention` queue: a job scheduler runs the purge every RETENTION_SWEEP_MS
 * (replicas share one schedule; 0 turns it off). The job is only a trigger: the purge reads what
 * is due each time, so a lost or repeated run costs nothing.
 */
@Injectable()
export class RetentionWorker implements OnModuleInit {
  private readonly logger = new Logger('retention');

  constructor(
    @Inject(CONFIG) private readonly config: ContactsConfig,
    private readonly retention: RetentionService,
    private readonly lifecycle: Lifecycle,
    private readonly metrics: Metrics,
  ) {}

  async onModuleInit(): Promise<void> {
    const connection = new IORedis(this.config.REDIS_URL, { maxRetriesPerRequest: null });
    const queue = new Queue(QUEUES.contactRetention, {
      connection,
      prefix: this.config.QUEUE_PREFIX,
      defaultJobOptions: { removeOnComplete: true, removeOnFail: 100 },
    });
    this.metrics.watchQueue(queue);
    const workerConnection = connection.duplicate();
    const worker = new Worker(QUEUES.contactRetention, () => this.retention.purge(), {
      connection: workerConnection,
      prefix: this.config.QUEUE_PREFIX,
    });
    worker.on('failed', (_job, err) => this.logger.warn({ err }, 'retention purge failed'));
    this.lifecycle.onStop(1, 'retention-worker', async () => {
      await worker.close();
      await queue.close();
      await workerConnection.quit();
      await connection.quit();
    });
    if (this.config.RETENTION_SWEEP_MS > 0) {
      await queue.upsertJobScheduler(
        SCHEDULER_ID,
        { every: this.config.RETENTION_SWEEP_MS },
        { name: 'purge', data: {} },
      );
    } else {
      await queue.removeJobScheduler(SCHEDULER_ID);
    }
  }
}
