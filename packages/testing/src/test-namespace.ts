import { randomBytes } from 'node:crypto';
import { formatTrustedSigners, generateRpcKeyPair, RpcSigner } from '@switchboard/messaging';
import { SERVICES } from './service-process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type ConnectionOptions, type NatsConnection } from 'nats';
import {
  credsConnectionOptions,
  SERVICE_GRANTS,
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
  /**
   * Signs RPC contexts as `name` (default `test`: the test file as a caller), with the key the
   * namespace's services trust (decision 0070).
   */
  rpcSigner(name?: string): RpcSigner;
}

/**
 * One RPC signing key pair per service (and one for the test itself) per namespace; every
 * service trusts them all, so in-process and child-process services call each other.
 */
function rpcKeys() {
  const pairs = new Map([...SERVICES, 'test'].map((name) => [name, generateRpcKeyPair()] as const));
  const pair = (name: string) => {
    const p = pairs.get(name);
    if (!p) throw new Error(`no RPC key for ${name} in the test namespace`);
    return p;
  };
  const trusted = formatTrustedSigners(
    Object.fromEntries([...pairs].map(([name, p]) => [name, p.publicKey])),
  );
  return {
    env: (service: string) => ({
      RPC_SIGNING_SEED: pairs.get(service)?.seed ?? '',
      RPC_TRUSTED_SIGNERS: trusted,
    }),
    signer: (name: string) => new RpcSigner(name, pair(name).seed),
  };
}

const credsDirs: string[] = [];
process.once('exit', () => {
  for (const dir of credsDirs) rmSync(dir, { recursive: true, force: true });
});

/** `infra`: the run's shared servers, or a file's own (privateTestInfra). */
export function testNamespace(infra: TestInfra = testInfra()): TestNamespace {
  const id = `t${randomBytes(4).toString('hex')}`;
  const prefix = `${id}.`;
  const db = (service: string) => `${id}_${service.replace(/-/g, '_')}`;
  const rpc = rpcKeys();
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
      // A service of the platform connects as its own user; a test's own service as admin.
      NATS_CREDS: credsFile(service in SERVICE_GRANTS ? (service as ServiceUser) : 'admin'),
      REDIS_URL: infra.redisUrl,
      QUEUE_PREFIX: id,
      HTTP_PORT: '0',
      OUTBOX_SWEEP_MS: '200',
      OUTBOX_IDLE_SWEEP_MS: '200',
      SHUTDOWN_GRACE_MS: '500',
      ...rpc.env(service),
      // Stream byte limits are reserved on the one NATS server every test file shares.
      STREAM_EVENTS_MAX_BYTES: String(128 * 1024 * 1024),
      STREAM_MESSAGING_MAX_BYTES: String(64 * 1024 * 1024),
      STREAM_DLQ_MAX_BYTES: String(16 * 1024 * 1024),
      ...extra,
    }),
    rpcSigner: (name = 'test') => rpc.signer(name),
  };
}
