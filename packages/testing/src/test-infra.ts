import { startInfrastructure, type RunningInfra } from '@switchboard/local-infra';

/** Environment variables through which the run-wide infrastructure reaches every test file. */
export const TEST_ENV = {
  mongo: 'SB_TEST_MONGO_URL',
  nats: 'SB_TEST_NATS_URL',
  redis: 'SB_TEST_REDIS_URL',
} as const;

export interface TestInfra {
  mongoUrl: string;
  natsUrl: string;
  redisUrl: string;
}

let running: RunningInfra | undefined;

/** Jest globalSetup: one FerretDB (or MONGO_URL), one nats-server, one redis-server per run. */
export async function globalSetup(): Promise<void> {
  running = await startInfrastructure();
  process.env[TEST_ENV.mongo] = running.mongoUrl;
  process.env[TEST_ENV.nats] = running.natsUrl;
  process.env[TEST_ENV.redis] = running.redisUrl;
  // eslint-disable-next-line no-console -- one line so a CI log says what the tests ran against
  console.log(
    `\ntest infrastructure: mongo=${running.kinds.mongo}${running.ferretDbBackend ? `/${running.ferretDbBackend}` : ''} nats=${running.kinds.nats} redis=${running.kinds.redis}`,
  );
}

export async function globalTeardown(): Promise<void> {
  await running?.stop();
}

/** The run's infrastructure, inside a test file. */
export function testInfra(): TestInfra {
  const mongoUrl = process.env[TEST_ENV.mongo];
  const natsUrl = process.env[TEST_ENV.nats];
  const redisUrl = process.env[TEST_ENV.redis];
  if (!mongoUrl || !natsUrl || !redisUrl) {
    throw new Error('test infrastructure not started: run the tests through jest (globalSetup)');
  }
  return { mongoUrl, natsUrl, redisUrl };
}
