import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DelayedError, Worker } from 'bullmq';
import { QUEUES } from '@switchboard/contracts';
import { CONFIG, Lifecycle } from '@switchboard/runtime';
import type { WebhooksConfig } from '../config';
import { retryDelay } from './backoff';
import { DeliveriesRepository } from './deliveries.repository';
import { DeliveriesService } from './deliveries.service';
import {
  DeliveryQueueRepository,
  WEBHOOK_BACKOFF,
  type DeliveryJob,
} from './delivery-queue.repository';
import { WebhookSender } from './webhook-sender';

/** Thrown for a failed attempt: BullMQ retries the job after the backoff. */
class AttemptFailed extends Error {
  override readonly name = 'AttemptFailed';
}

/**
 * The edge of the delivery queue: a BullMQ worker that makes one attempt per job run (failures
 * are retried by BullMQ with the webhook backoff), and a sweep that queues again pending
 * deliveries whose job went missing. Replicas share the queue.
 */
@Injectable()
export class DeliveryWorker implements OnModuleInit {
  private readonly logger = new Logger('webhook-deliveries');
  private timer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly queue: DeliveryQueueRepository,
    private readonly deliveries: DeliveriesRepository,
    private readonly service: DeliveriesService,
    private readonly sender: WebhookSender,
    private readonly lifecycle: Lifecycle,
    @Inject(CONFIG) private readonly config: WebhooksConfig,
  ) {}

  onModuleInit(): void {
    const { config } = this;
    const connection = this.queue.connection.duplicate();
    const worker = new Worker<DeliveryJob>(
      QUEUES.webhookDeliveries,
      async (job, token) => {
        const last = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        const outcome = await this.service.attempt(job.data, last);
        if (outcome.kind === 'retry') throw new AttemptFailed(outcome.error);
        if (outcome.kind === 'wait') {
          // An older delivery of the same contact goes first: look again later, no attempt spent.
          await job.moveToDelayed(outcome.untilMs, token);
          throw new DelayedError();
        }
      },
      {
        connection,
        prefix: config.QUEUE_PREFIX,
        concurrency: config.WEBHOOK_CONCURRENCY,
        settings: {
          backoffStrategy: (attemptsMade: number, type?: string) =>
            type === WEBHOOK_BACKOFF
              ? retryDelay(attemptsMade, config.WEBHOOK_RETRY_BASE_MS, config.WEBHOOK_RETRY_MAX_MS)
              : 1000,
        },
      },
    );
    worker.on('failed', (job, err) => {
      if (!(err instanceof AttemptFailed))
        this.logger.warn({ jobId: job?.id, err }, 'delivery job failed');
    });
    this.lifecycle.onStop(1, 'delivery-worker', async () => {
      this.stopped = true;
      if (this.timer) clearTimeout(this.timer);
      await worker.close();
      await connection.quit();
      this.sender.close();
    });
    this.schedule();
  }

  /** Queues again pending deliveries well past their next attempt (a job lost with Redis). */
  async sweep(): Promise<void> {
    const grace = this.config.WEBHOOK_TIMEOUT_MS * 3 + this.config.WEBHOOK_SWEEP_MS;
    for await (const d of this.deliveries.overdue(new Date(Date.now() - grace))) {
      if (this.stopped) return;
      const job = { workspaceId: d.workspaceId, deliveryId: d._id };
      if (d.retries > 0) await this.queue.addRetry(job, d.retries);
      else await this.queue.add([job]);
    }
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.sweep()
        .catch((err: unknown) => this.logger.warn({ err }, 'delivery sweep failed'))
        .finally(() => this.schedule());
    }, this.config.WEBHOOK_SWEEP_MS);
    this.timer.unref();
  }
}
