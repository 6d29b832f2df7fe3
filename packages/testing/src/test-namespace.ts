import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type ConnectionOptions, type NatsConnection } from 'nats';
import {
  credsConnectionOptions,
  serviceUserCredsSync,
  type NatsAuthOptions,
  type ServiceUser,
} from '@switchboard/nats-auth';
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
  /**
   * Environment for a service process or in-process config in this namespace, with NATS_CREDS
   * pointing at that service's own creds (its NATS user for this prefix).
   */
  env(service: string, extra?: Record<string, string>): Record<string, string>;
  /** Creds text of a NATS user of this namespace (default admin: everything within the prefix). */
  natsCreds(user?: ServiceUser): string;
  /** `{ servers, authenticator, inboxPrefix? }` of a user (default admin), for connect() or RpcClient. */
  natsOptions(user?: ServiceUser): { servers: string } & NatsAuthOptions;
  /** A NATS connection as a user of this namespace (default admin). */
  natsConnect(opts?: Partial<ConnectionOptions> & { user?: ServiceUser }): Promise<NatsConnection>;
}

const credsDirs: string[] = [];
process.once('exit', () => {
  for (const dir of credsDirs) rmSync(dir, { recursive: true, force: true });
});

export function testNamespace(): TestNamespace {
  const id = `t${randomBytes(4).toString('hex')}`;
  const infra = testInfra();
  const prefix = `${id}.`;
  const db = (service: string) => `${id}_${service.replace(/-/g, '_')}`;
  const creds = new Map<string, string>();
  const natsCreds = (user: ServiceUser = 'admin') => {
    let text = creds.get(user);
    if (!text) {
      text = serviceUserCredsSync(infra.natsAuth, user, prefix);
      creds.set(user, text);
    }
    return text;
  };
  let credsDir: string | undefined;
  const credsFile = (user: ServiceUser) => {
    if (!credsDir) {
      credsDir = join(tmpdir(), `switchboard-creds-${id}`);
      mkdirSync(credsDir, { recursive: true, mode: 0o700 });
      credsDirs.push(credsDir);
    }
    const file = join(credsDir, `${user}.creds`);
    writeFileSync(file, natsCreds(user), { mode: 0o600 });
    return file;
  };
  const natsOptions = (user: ServiceUser = 'admin') => ({
    servers: infra.natsUrl,
    ...credsConnectionOptions(natsCreds(user)),
  });
  return {
    ...infra,
    id,
    natsPrefix: prefix,
    queuePrefix: id,
    db,
    natsCreds,
    natsOptions,
    natsConnect: ({ user, ...opts } = {}) => connect({ ...natsOptions(user), ...opts }),
    env: (service, extra = {}) => ({
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.SB_TEST_LOG_LEVEL ?? 'warn',
      MONGO_URL: infra.mongoUrl,
      MONGO_DB: db(service === 'segment-worker' ? 'segments' : service),
      NATS_URL: infra.natsUrl,
      NATS_PREFIX: prefix,
      NATS_CREDS: credsFile(service as ServiceUser),
      REDIS_URL: infra.redisUrl,
      QUEUE_PREFIX: id,
      HTTP_PORT: '0',
      OUTBOX_SWEEP_MS: '200',
      OUTBOX_IDLE_SWEEP_MS: '200',
      SHUTDOWN_GRACE_MS: '500',
      ...extra,
    }),
  };
}
