import { Inject, Injectable } from '@nestjs/common';
import { AppError } from '@switchboard/errors';
import { CONFIG } from '@switchboard/runtime';
import type { GatewayConfig } from '../config';
import { GatewayRedis } from '../redis/gateway-redis';

export type Begin =
  | { kind: 'replay'; status: number; body: unknown }
  | {
      kind: 'proceed';
      complete(status: number, body: unknown): Promise<void>;
      abandon(): Promise<void>;
    };

const POLL_MS = 50;
/** A holder that never finishes (a bug, a hung upstream) stops refreshing its lock after this. */
const MAX_HOLD_MS = 10 * 60 * 1000;
/** Extends the lock only while it is still ours (KEYS[1]: lock; ARGV: value, ttl ms). */
const REFRESH = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 0
`;
const mismatch = () =>
  new AppError(
    'idempotency_mismatch',
    'this Idempotency-Key was used with a different request; use a new key',
  );

/**
 * Idempotency records in Redis: `rec` holds the first success (fingerprint, status, body) for
 * the TTL; `lock` (SET NX, short TTL) makes concurrent twins wait for the first one instead of
 * running again. The holder refreshes its lock while the request runs, so a bulk or a merge
 * (minutes, longer than the lock's TTL) is never run twice; a crashed holder's lock expires
 * within the TTL and the next twin runs the request.
 */
@Injectable()
export class IdempotencyStore {
  constructor(
    private readonly redis: GatewayRedis,
    @Inject(CONFIG) private readonly config: GatewayConfig,
  ) {}

  async begin(scope: string, fingerprint: string): Promise<Begin> {
    const client = this.redis.client;
    const recKey = this.redis.key('idem', 'rec', scope);
    const lockKey = this.redis.key('idem', 'lock', scope);
    const lockMs = this.config.IDEMPOTENCY_LOCK_MS;
    const deadline = Date.now() + lockMs + 1_000;
    for (;;) {
      const stored = await client.get(recKey);
      if (stored) {
        const rec = JSON.parse(stored) as { fp: string; status: number; body: unknown };
        if (rec.fp !== fingerprint) throw mismatch();
        return { kind: 'replay', status: rec.status, body: rec.body };
      }
      if ((await client.set(lockKey, fingerprint, 'PX', lockMs, 'NX')) === 'OK') {
        const started = Date.now();
        const heartbeat = setInterval(() => {
          if (Date.now() - started > MAX_HOLD_MS) return clearInterval(heartbeat);
          client.eval(REFRESH, 1, lockKey, fingerprint, String(lockMs)).catch(() => undefined); // the next beat tries again; the TTL covers two misses
        }, lockMs / 3);
        heartbeat.unref();
        return {
          kind: 'proceed',
          complete: async (status, body) => {
            clearInterval(heartbeat);
            const rec = JSON.stringify({ fp: fingerprint, status, body: body ?? null });
            await client.set(recKey, rec, 'EX', this.config.IDEMPOTENCY_TTL_S);
            await client.del(lockKey);
          },
          abandon: async () => {
            clearInterval(heartbeat);
            await client.del(lockKey);
          },
        };
      }
      const holder = await client.get(lockKey);
      if (holder && holder !== fingerprint) throw mismatch();
      if (Date.now() > deadline)
        throw new AppError('conflict', 'a request with this Idempotency-Key is still in progress');
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }
}
