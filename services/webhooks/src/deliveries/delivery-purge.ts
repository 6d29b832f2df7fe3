import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { CONFIG, Lifecycle } from '@switchboard/runtime';
import type { WebhooksConfig } from '../config';
import { DeliveriesRepository } from './deliveries.repository';

/**
 * Delivery records are kept for WEBHOOK_DELIVERY_RETENTION_MS after their last change, then
 * deleted (finished ones only; decision 0146). Every replica purges on its own timer: a delete
 * by age is the same whoever runs it.
 */
@Injectable()
export class DeliveryPurge implements OnModuleInit {
  private readonly logger = new Logger('webhook-delivery-purge');
  private timer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly deliveries: DeliveriesRepository,
    private readonly lifecycle: Lifecycle,
    @Inject(CONFIG) private readonly config: WebhooksConfig,
  ) {}

  onModuleInit(): void {
    this.lifecycle.onStop(1, 'delivery-purge', () => {
      this.stopped = true;
      if (this.timer) clearTimeout(this.timer);
      return Promise.resolve();
    });
    this.schedule(0);
  }

  /** Deletes the finished deliveries older than the retention period; returns how many. */
  async purge(now = new Date()): Promise<number> {
    const before = new Date(now.getTime() - this.config.WEBHOOK_DELIVERY_RETENTION_MS);
    const deleted = await this.deliveries.purgeFinished(before);
    if (deleted > 0) this.logger.log({ deleted, before }, 'old deliveries purged');
    return deleted;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.purge()
        .catch((err: unknown) => this.logger.warn({ err }, 'delivery purge failed'))
        .finally(() => this.schedule(this.config.WEBHOOK_PURGE_INTERVAL_MS));
    }, delayMs);
    this.timer.unref();
  }
}
