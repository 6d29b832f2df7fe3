import IORedis, { type Redis } from 'ioredis';

/**
 * The gateway's Redis: rate-limit windows, idempotency records, revocation markers. Every key
 * goes through `key()`, so environments (and parallel test files) sharing one Redis never meet.
 */
export class GatewayRedis {
  readonly client: Redis;
  private readonly prefix: string;

  constructor(url: string, queuePrefix: string) {
    this.client = new IORedis(url, {
      maxRetriesPerRequest: 2,
      enableOfflineQueue: true,
      connectionName: 'gateway',
    });
    // Errors surface on each command; the 'error' event only needs a listener to avoid crashes.
    this.client.on('error', () => undefined);
    this.prefix = `${queuePrefix}:gw:`;
  }

  key(...parts: string[]): string {
    return this.prefix + parts.join(':');
  }

  get ready(): boolean {
    return this.client.status === 'ready';
  }

  async close(): Promise<void> {
    if (this.client.status !== 'end') await this.client.quit().catch(() => undefined);
  }
}
