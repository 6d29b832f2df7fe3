import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { WebhooksService } from '../webhooks/webhooks.service';

/**
 * At boot, seals again under the first key of WEBHOOK_SECRET_KEYS every endpoint secret sealed
 * by another key (or stored in clear before sealing existed). In the background: the service
 * serves meanwhile, every key of the set still opens.
 */
@Injectable()
export class SecretResealer implements OnApplicationBootstrap {
  private readonly logger = new Logger('webhook-secrets');
  /** The boot run, for tests that wait for it. */
  done: Promise<number> = Promise.resolve(0);

  constructor(private readonly webhooks: WebhooksService) {}

  onApplicationBootstrap(): void {
    this.done = this.webhooks.reseal().then(
      (count) => {
        if (count > 0) this.logger.log({ count }, 'webhook secrets sealed under the current key');
        return count;
      },
      (err: unknown) => {
        this.logger.warn({ err }, 'resealing webhook secrets failed; the next boot tries again');
        return 0;
      },
    );
  }
}
