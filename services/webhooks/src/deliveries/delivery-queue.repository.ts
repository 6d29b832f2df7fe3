import { Inject, Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { QUEUES } from '@switchboard/contracts';
import { CONFIG, HealthChecks, Lifecycle } from '@switchboard/runtime';
import type { WebhooksConfig } from '../config';
import { attemptsWithin } from './backoff';

/** What a delivery job carries: enough to find the delivery. */
export interface DeliveryJob {
  workspaceId: string;
  deliveryId: string;
  /** Lets the worker read the endpoint beside the delivery instead of after it. */
  webhookId?: string;
}

/** The custom backoff strategy's name (see DeliveryWorker). */
export const WEBHOOK_BACKOFF = 'webhook';

/**
 * The BullMQ queue of deliveries: one job per delivery (id = delivery id, so queuing twice is a
 * no-op), retried by BullMQ with exponential backoff for the retry window; a manual retry gets a
 * job of its own (`<id>-r<n>`). The delivery document, not the job, says whether it still stands.
 */
@Injectable()
export class DeliveryQueueRepository {
  readonly connection: IORedis;
  readonly queue: Queue<DeliveryJob>;
  readonly attempts: number;

  constructor(
    @Inject(CONFIG) readonly config: WebhooksConfig,
    lifecycle: Lifecycle,
    health: HealthChecks,
  ) {
    // BullMQ needs blocking commands to wait forever: maxRetriesPerRequest must be null.
    this.connection = new IORedis(config.REDIS_URL, { maxRetriesPerRequest: null });
    this.attempts = attemptsWithin(
      config.WEBHOOK_RETRY_WINDOW_MS,
      config.WEBHOOK_RETRY_BASE_MS,
      config.WEBHOOK_RETRY_MAX_MS,
    );
    this.queue = new Queue<DeliveryJob>(QUEUES.webhookDeliveries, {
      connection: this.connection,
      prefix: config.QUEUE_PREFIX,
      defaultJobOptions: {
        removeOnComplete: true,
        removeOnFail: 1000,
        attempts: this.attempts,
        backoff: { type: WEBHOOK_BACKOFF },
      },
    });
    health.register('redis', () => this.connection.status === 'ready');
    lifecycle.onStop(2, 'delivery-queue', async () => {
      await this.queue.close();
      await this.connection.quit();
    });
  }

  async add(jobs: DeliveryJob[]): Promise<void> {
    if (jobs.length === 0) return;
    await this.queue.addBulk(
      jobs.map((data) => ({ name: 'deliver', data, opts: { jobId: data.deliveryId } })),
    );
  }

  /** A manual retry: a fresh job with the full series of attempts. */
  async addRetry(job: DeliveryJob, n: number): Promise<void> {
    await this.queue.add('deliver', job, { jobId: `${job.deliveryId}-r${n}` });
  }
}
