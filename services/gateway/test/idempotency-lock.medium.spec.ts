import { loadConfig } from '@switchboard/runtime';
import { sleep, TEST_JWT_SECRET, testNamespace } from '@switchboard/testing';
import { GatewayConfig } from '../src/config';
import { IdempotencyStore } from '../src/http/idempotency.store';
import { GatewayRedis } from '../src/redis/gateway-redis';

const ns = testNamespace();
const redis = new GatewayRedis(ns.redisUrl, ns.queuePrefix);
const LOCK_MS = 1000;
const store = new IdempotencyStore(
  redis,
  loadConfig(
    GatewayConfig,
    ns.env('gateway', {
      JWT_SECRET: TEST_JWT_SECRET,
      IDEMPOTENCY_LOCK_MS: String(LOCK_MS),
      RPC_TIMEOUT_MS: '100',
    }),
  ),
);

afterAll(() => redis.close());

describe('the idempotency lock', () => {
  it('outlives its TTL while the first request still runs: a retry waits and replays it', async () => {
    const first = await store.begin('scope-long', 'fp-1');
    expect(first.kind).toBe('proceed');
    // A bulk request runs for minutes, past any fixed lock (and past RPC_TIMEOUT_MS + 5 s).
    await sleep(6000);
    const retry = store.begin('scope-long', 'fp-1');
    if (first.kind === 'proceed') await first.complete(201, { id: 'done-once' });
    await expect(retry).resolves.toEqual({
      kind: 'replay',
      status: 201,
      body: { id: 'done-once' },
    });
  });

  it('is released by a crash: the lock of a holder that stopped refreshing expires', async () => {
    await redis.client.set(redis.key('idem', 'lock', 'scope-crashed'), 'fp-2', 'PX', LOCK_MS);
    const next = await store.begin('scope-crashed', 'fp-2');
    expect(next.kind).toBe('proceed');
    if (next.kind === 'proceed') await next.abandon();
  });
});
