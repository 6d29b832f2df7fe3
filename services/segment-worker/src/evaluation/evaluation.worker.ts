import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import IORedis from 'ioredis';
import { QUEUES } from '@switchboard/contracts';
import { CONFIG, HealthChecks, Lifecycle } from '@switchboard/runtime';
import type { SegmentWorkerConfig } from '../config';

/**
 * The BullMQ worker of `segment-evaluation`. Replicas share the queue; BullMQ hands each job to
 * one of them. Job kinds arrive with the dynamic-segments work; until then an unknown kind fails
 * without retries (UnrecoverableError) so it is visible instead of looping.
 */
@Injectable()
export class EvaluationWorker implements OnModuleInit {
  private readonly logger = new Logger('evaluation-worker');

  constructor(
    @Inject(CONFIG) private readonly config: SegmentWorkerConfig,
    private readonly lifecycle: Lifecycle,
    private readonly health: HealthChecks,
  ) {}

  onModuleInit(): void {
    // BullMQ needs blocking commands to wait forever: maxRetriesPerRequest must be null.
    const connection = new IORedis(this.config.REDIS_URL, { maxRetriesPerRequest: null });
    const worker = new Worker(QUEUES.segmentEvaluation, (job) => this.process(job), {
      connection,
      prefix: this.config.QUEUE_PREFIX,
      concurrency: this.config.WORKER_CONCURRENCY,
    });
    worker.on('failed', (job, err) =>
      this.logger.warn({ jobId: job?.id, name: job?.name, err }, 'job failed'),
    );
    this.health.register('redis', () => connection.status === 'ready');
    this.lifecycle.onStop(1, 'evaluation-worker', () => worker.close());
    this.lifecycle.onStop(2, 'redis', async () => {
      await connection.quit();
    });
  }

  private async process(job: Job): Promise<void> {
    throw new UnrecoverableError(`unknown segment-evaluation job "${job.name}"`);
  }
}
