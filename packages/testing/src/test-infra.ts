import { parseAuthRoot, serializeAuthRoot, type NatsAuthRoot } from '@switchboard/nats-auth';
import { startInfrastructure, type RunningInfra } from '@switchboard/local-infra';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Environment variables through which the run-wide infrastructure reaches every test file. */
export const TEST_ENV = {
  mongo: 'SB_TEST_MONGO_URL',
  nats: 'SB_TEST_NATS_URL',
  /** The serialized NATS auth root (test files mint each process's creds from it). */
  natsAuth: 'SB_TEST_NATS_AUTH_ROOT',
  redis: 'SB_TEST_REDIS_URL',
} as const;

export interface TestInfra {
  mongoUrl: string;
  natsUrl: string;
  /** The keys the run's nats-server trusts. */
  natsAuth: NatsAuthRoot;
  redisUrl: string;
}

let running: RunningInfra | undefined;

/** Sets the SB_TEST_* variables of a running infrastructure (jest globalSetup, benchmarks). */
export function exportTestInfra(infra: RunningInfra): void {
  if (!infra.natsAuth) {
    throw new Error(
      'NATS_URL is set but NATS_AUTH_ROOT is not: tests mint NATS credentials, so they need the ' +
        'auth root that server trusts (see README, "An existing NATS server")',
    );
  }
  process.env[TEST_ENV.mongo] = infra.mongoUrl;
  process.env[TEST_ENV.nats] = infra.natsUrl;
  process.env[TEST_ENV.natsAuth] = serializeAuthRoot(infra.natsAuth);
  process.env[TEST_ENV.redis] = infra.redisUrl;
}

/**
 * Jest globalSetup: one FerretDB (or MONGO_URL), one nats-server, one redis-server per run.
 * SB_TEST_INFRA_DIR keeps their data and logs there (e.g. to read nats.log for permission
 * violations) instead of a temporary directory.
 */
export async function globalSetup(): Promise<void> {
  running = await startInfrastructure({ dataDir: process.env.SB_TEST_INFRA_DIR || undefined });
  try {
    exportTestInfra(running);
  } catch (err) {
    await running.stop();
    throw err;
  }
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
  const natsAuth = process.env[TEST_ENV.natsAuth];
  const redisUrl = process.env[TEST_ENV.redis];
  if (!mongoUrl || !natsUrl || !natsAuth || !redisUrl) {
    throw new Error('test infrastructure not started: run the tests through jest (globalSetup)');
  }
  return { mongoUrl, natsUrl, natsAuth: parseAuthRoot(natsAuth), redisUrl };
}

/** A NATS and Redis of one test file's own, beside the run's MongoDB (see privateTestInfra). */
export interface PrivateTestInfra extends TestInfra {
  /** Stops nats-server or redis-server (SIGTERM, or SIGKILL) and starts it on the same port and data. */
  restart: RunningInfra['restart'];
  stop(): Promise<void>;
}

/**
 * Fault tests that restart NATS or Redis start their own servers, so the files running beside
 * them on the shared ones are not disturbed. Redis keeps an append-only file (as deployed), so
 * a restart keeps its queues; JetStream keeps its file store. Pass the result to testNamespace.
 */
export async function privateTestInfra(): Promise<PrivateTestInfra> {
  const dataDir = await mkdtemp(join(tmpdir(), 'switchboard-private-infra-'));
  const infra = await startInfrastructure({
    dataDir,
    // persistent: Redis writes its append-only file; the directory is still ours to remove.
    persistent: true,
    mongoUrl: testInfra().mongoUrl,
  });
  return {
    mongoUrl: infra.mongoUrl,
    natsUrl: infra.natsUrl,
    natsAuth: infra.natsAuth!,
    redisUrl: infra.redisUrl,
    restart: (server, signal) => infra.restart(server, signal),
    stop: async () => {
      await infra.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
