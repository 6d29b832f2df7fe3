import { randomBytes } from 'node:crypto';
import { testInfra, type TestInfra } from './test-infra';

/**
 * Isolation for one test file on the shared infrastructure: its own databases, NATS subject and
 * stream prefix, and BullMQ key prefix. Files run in parallel without seeing each other.
 */
export interface TestNamespace extends TestInfra {
  id: string;
  natsPrefix: string;
  queuePrefix: string;
  db(service: string): string;
  /** Environment for a service process or in-process config in this namespace. */
  env(service: string, extra?: Record<string, string>): Record<string, string>;
}

export function testNamespace(): TestNamespace {
  const id = `t${randomBytes(4).toString('hex')}`;
  const infra = testInfra();
  const db = (service: string) => `${id}_${service.replace(/-/g, '_')}`;
  return {
    ...infra,
    id,
    natsPrefix: `${id}.`,
    queuePrefix: id,
    db,
    env: (service, extra = {}) => ({
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.SB_TEST_LOG_LEVEL ?? 'warn',
      MONGO_URL: infra.mongoUrl,
      MONGO_DB: db(service === 'segment-worker' ? 'segments' : service),
      NATS_URL: infra.natsUrl,
      NATS_PREFIX: `${id}.`,
      REDIS_URL: infra.redisUrl,
      QUEUE_PREFIX: id,
      HTTP_PORT: '0',
      OUTBOX_SWEEP_MS: '200',
      OUTBOX_IDLE_SWEEP_MS: '200',
      SHUTDOWN_GRACE_MS: '500',
      // Stream byte limits are reserved on the one NATS server every test file shares.
      STREAM_EVENTS_MAX_BYTES: String(128 * 1024 * 1024),
      STREAM_MESSAGING_MAX_BYTES: String(64 * 1024 * 1024),
      STREAM_DLQ_MAX_BYTES: String(16 * 1024 * 1024),
      ...extra,
    }),
  };
}
