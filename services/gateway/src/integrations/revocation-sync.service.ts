import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AppError } from '@switchboard/errors';
import { CONFIG, Lifecycle } from '@switchboard/runtime';
import type { GatewayConfig } from '../config';
import { IntegrationsRepository } from './integrations.repository';
import { NatsAccountsRepository, type RevocationList } from './nats-accounts.repository';

/**
 * Keeps the revocation list NATS enforces a superset of the revocations in the database: on
 * start, after each revocation, and every INTEGRATIONS_SYNC_MS when the server lacks one (a lost
 * push, a replica that pushed an older list, a restarted server). What the server holds already
 * is kept (revocations are never undone), so replicas racing can only add, never drop.
 */
@Injectable()
export class RevocationSync implements OnApplicationBootstrap {
  private readonly logger = new Logger('integration-revocations');
  private timer: NodeJS.Timeout | null = null;
  /** One sync at a time; a request during one runs once more after it. */
  private running: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly integrations: IntegrationsRepository,
    private readonly accounts: NatsAccountsRepository,
    @Inject(CONFIG) private readonly config: GatewayConfig,
    lifecycle: Lifecycle,
  ) {
    lifecycle.onStop(1, 'integration-revocations', async () => {
      if (this.timer) clearInterval(this.timer);
      this.timer = null;
      await this.running?.catch(() => undefined);
    });
  }

  onApplicationBootstrap(): void {
    if (!this.accounts.configured) return;
    const tick = () => void this.run(false).catch((err: unknown) => this.failed(err));
    tick();
    this.timer = setInterval(tick, this.config.INTEGRATIONS_SYNC_MS);
    this.timer.unref();
  }

  /** After a revocation: pushes even when the server seems to hold it already. */
  async pushNow(): Promise<void> {
    try {
      await this.run(true);
    } catch (err) {
      this.failed(err);
      throw new AppError(
        'unavailable',
        'the revocation is recorded; NATS could not be told yet and will be within ' +
          `${Math.ceil(this.config.INTEGRATIONS_SYNC_MS / 1000)} s (retrying is safe)`,
      );
    }
  }

  private run(force: boolean): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      try {
        let push = force;
        do {
          this.again = false;
          await this.once(push);
          push = true;
        } while (this.again);
      } finally {
        this.running = null;
      }
    })();
    return this.running;
  }

  private async once(force: boolean): Promise<void> {
    const wanted = await this.integrations.revokedUsers();
    const held = await this.accounts.serverRevocations();
    const missing = [...wanted.keys()].filter((key) => !(key in held));
    if (!force && missing.length === 0) return;
    const list: RevocationList = { ...held };
    for (const [key, at] of wanted) list[key] = Math.max(list[key] ?? 0, unixSeconds(at));
    await this.accounts.push(list);
    if (missing.length) this.logger.log({ pushed: missing.length }, 'revocations pushed to NATS');
  }

  private failed(err: unknown): void {
    this.logger.warn({ err }, 'could not push the revocation list to NATS; will retry');
  }
}

const unixSeconds = (at: Date): number => Math.ceil(at.getTime() / 1000);
