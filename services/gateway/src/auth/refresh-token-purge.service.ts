import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { CONFIG, Lifecycle } from '@switchboard/runtime';
import type { GatewayConfig } from '../config';
import { RefreshTokensRepository } from '../identity/refresh-tokens.repository';

/** Revoked tokens are kept this long (who ended which session, for a support question). */
const KEEP_REVOKED_MS = 24 * 60 * 60 * 1000;

/**
 * Refresh tokens are never read once expired or revoked, yet each login and refresh adds one: a
 * sweep every REFRESH_TOKEN_PURGE_INTERVAL_S deletes them. A periodic job rather than a TTL
 * index: it behaves the same on MongoDB and FerretDB. Every replica sweeps; deletes are
 * idempotent, so they never disagree.
 */
@Injectable()
export class RefreshTokenPurge implements OnApplicationBootstrap {
  private readonly logger = new Logger('refresh-token-purge');
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly tokens: RefreshTokensRepository,
    private readonly lifecycle: Lifecycle,
    @Inject(CONFIG) private readonly config: GatewayConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.running ??= this.sweep().finally(() => (this.running = undefined));
    }, this.config.REFRESH_TOKEN_PURGE_INTERVAL_S * 1000);
    this.timer.unref();
    this.lifecycle.onStop(1, 'refresh-token-purge', async () => {
      clearInterval(this.timer);
      await this.running;
    });
  }

  async sweep(now = new Date()): Promise<void> {
    try {
      const gone = await this.tokens.purge(now, new Date(now.getTime() - KEEP_REVOKED_MS));
      if (gone) this.logger.log({ gone }, 'purged expired and revoked refresh tokens');
    } catch (err) {
      this.logger.warn({ err }, 'refresh token purge failed; the next sweep retries');
    }
  }
}
