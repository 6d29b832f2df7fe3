// `pnpm start`: the whole platform on this machine without Docker. Local infrastructure
// (FerretDB or mongod, nats-server, redis-server; data kept under .data/) plus every service,
// each as its own process. A service that crashes is started again with backoff (decision
// 0072). Ctrl-C stops everything gracefully.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(join(root, 'package.json'));
const { startInfrastructure, RestartPolicy } = require('@switchboard/local-infra');
const { rpcKeys, RPC_SIGNERS } = await import('../../scripts/rpc-keys.mjs');
const { serviceUserCreds } = require('@switchboard/nats-auth');

/** Service → HTTP port (the gateway's is the public API; the others serve /health only). */
const portBase = Number(process.env.SERVICE_PORT_BASE ?? 3001);
const SERVICES = {
  contacts: portBase,
  segments: portBase + 1,
  'segment-worker': portBase + 2,
  deals: portBase + 3,
  tasks: portBase + 4,
  activity: portBase + 5,
  webhooks: portBase + 7,
  gateway: Number(process.env.GATEWAY_PORT ?? 3000),
};

// SWITCHBOARD_DATA_DIR and the *_PORT settings let a second platform (the launcher's own
// end-to-end test) run beside the usual one.
const dataDir = process.env.SWITCHBOARD_DATA_DIR
  ? resolve(process.env.SWITCHBOARD_DATA_DIR)
  : join(root, '.data');
mkdirSync(dataDir, { recursive: true });

/** A signing secret made once per checkout, so sessions survive restarts. */
function jwtSecret() {
  if (process.env.JWT_SECRET) return process.env.JWT_SECRET;
  const file = join(dataDir, 'jwt-secret');
  if (!existsSync(file))
    writeFileSync(file, randomBytes(48).toString('base64url'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

/** The key sealing webhook secrets at rest (decision 0145), made once per checkout. */
function webhookSecretKeys() {
  if (process.env.WEBHOOK_SECRET_KEYS) return process.env.WEBHOOK_SECRET_KEYS;
  const file = join(dataDir, 'webhook-secret-keys');
  if (!existsSync(file))
    writeFileSync(file, `local1:${randomBytes(32).toString('base64')}`, { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

/** RPC context signing keys (decision 0070), one per service, made once per checkout. */
function rpcSigning() {
  const file = join(dataDir, 'rpc-keys.json');
  const stored = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
  // Made again when a service was added since (it would have no key of its own).
  if (stored && RPC_SIGNERS.every((name) => stored.seeds[name])) return stored;
  const keys = rpcKeys();
  writeFileSync(file, JSON.stringify(keys), { mode: 0o600 });
  return keys;
}
const rpc = rpcSigning();

const log = (line) => process.stdout.write(`[switchboard] ${line}\n`);

const infra = await startInfrastructure({
  dataDir: join(dataDir, 'infra'),
  persistent: true,
  ports: {
    mongo: Number(process.env.LOCAL_MONGO_PORT ?? 27117),
    nats: Number(process.env.LOCAL_NATS_PORT ?? 4322),
    redis: Number(process.env.LOCAL_REDIS_PORT ?? 6479),
  },
  log,
});
log(
  `infrastructure: mongo=${infra.kinds.mongo} ${infra.mongoUrl}, nats ${infra.natsUrl}, redis ${infra.redisUrl}`,
);

// NATS users (decision 0067): the auth root is made once (.data/infra/nats-auth-root.json, or
// NATS_AUTH_ROOT for an existing server); each service gets its own creds file, minted per start.
const natsAuthRoot = process.env.NATS_AUTH_ROOT ?? join(infra.dataDir, 'nats-auth-root.json');
const credsDir = join(dataDir, 'nats-creds');
mkdirSync(credsDir, { recursive: true, mode: 0o700 });
const natsPrefix = process.env.NATS_PREFIX ?? '';
const credsFiles = {};
if (infra.natsAuth) {
  for (const name of Object.keys(SERVICES)) {
    credsFiles[name] = join(credsDir, `${name}.creds`);
    writeFileSync(credsFiles[name], await serviceUserCreds(infra.natsAuth, name, natsPrefix), {
      mode: 0o600,
    });
  }
  const adminCreds = join(credsDir, 'admin.creds');
  writeFileSync(adminCreds, await serviceUserCreds(infra.natsAuth, 'admin', natsPrefix), {
    mode: 0o600,
  });
  log(`NATS credentials in ${credsDir} (admin.creds: for the nats CLI and tools)`);
} else {
  log('NATS_URL is set without NATS_AUTH_ROOT: services connect without credentials');
}

const children = new Map();
const env = (name) => ({
  ...process.env,
  NODE_ENV: process.env.NODE_ENV ?? 'development',
  MONGO_URL: infra.mongoUrl,
  NATS_URL: infra.natsUrl,
  ...(credsFiles[name] ? { NATS_CREDS: credsFiles[name] } : {}),
  // The gateway issues and revokes integration credentials (POST /v1/integrations): it needs
  // the auth root, and the NATS address outside systems should use.
  ...(name === 'gateway' && infra.natsAuth
    ? {
        NATS_AUTH_ROOT: natsAuthRoot,
        INTEGRATIONS_NATS_URL: process.env.INTEGRATIONS_NATS_URL ?? infra.natsUrl,
      }
    : {}),
  // A development setup: webhooks may go to receivers on this machine, over plain http.
  ...(name === 'webhooks'
    ? {
        WEBHOOK_ALLOWED_ADDRESSES: process.env.WEBHOOK_ALLOWED_ADDRESSES ?? 'loopback',
        WEBHOOK_ALLOW_HTTP: process.env.WEBHOOK_ALLOW_HTTP ?? 'true',
        WEBHOOK_SECRET_KEYS: webhookSecretKeys(),
      }
    : {}),
  REDIS_URL: infra.redisUrl,
  HTTP_PORT: String(SERVICES[name]),
  JWT_SECRET: jwtSecret(),
  RPC_SIGNING_SEED: rpc.seeds[name],
  RPC_TRUSTED_SIGNERS: rpc.trusted,
});

function startService(name) {
  const child = spawn(process.execPath, [join(root, 'services', name, 'dist', 'main.js')], {
    env: env(name),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const prefix = (chunk) =>
    chunk
      .toString()
      .split('\n')
      .filter(Boolean)
      .forEach((l) => process.stdout.write(`${name.padEnd(14)} ${l}\n`));
  child.stdout.on('data', prefix);
  child.stderr.on('data', prefix);
  child.on('exit', (code, signal) => {
    children.delete(name);
    if (!stopping) restartLater(name, signal ?? code);
  });
  children.set(name, child);
  restartPolicy(name).started();
}

/**
 * Crash-only services: one that exits while the platform runs is started again, after 0.5 s
 * doubling up to 30 s for repeated crashes (back to 0.5 s after a minute up), instead of taking
 * the platform down. What it had acknowledged is in its database and outbox, or unacked on
 * JetStream, so the new process carries on from there.
 */
const restartPolicies = new Map();
const restartTimers = new Set();
function restartPolicy(name) {
  if (!restartPolicies.has(name)) restartPolicies.set(name, new RestartPolicy());
  return restartPolicies.get(name);
}
function restartLater(name, how) {
  const delay = restartPolicy(name).exited();
  const crashes = restartPolicy(name).consecutiveCrashes;
  log(`${name} exited (${how}); restarting in ${delay} ms (crash ${crashes} in a row)`);
  const timer = setTimeout(() => {
    restartTimers.delete(timer);
    if (!stopping) startService(name);
  }, delay);
  restartTimers.add(timer);
}

async function waitReady(name, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const res = await fetch(`http://127.0.0.1:${SERVICES[name]}/health/ready`).catch(
      () => undefined,
    );
    if (res?.status === 200) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${name} did not become ready within ${timeoutMs / 1000} s`);
}

let stopping = false;
async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  for (const timer of restartTimers) clearTimeout(timer);
  log('stopping services…');
  await Promise.all(
    [...children.values()].map(
      (child) => new Promise((res) => (child.once('exit', res), child.kill('SIGTERM'))),
    ),
  );
  await infra.stop();
  log('stopped');
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  for (const name of Object.keys(SERVICES)) startService(name);
  await Promise.all(Object.keys(SERVICES).map((name) => waitReady(name)));
  log(`Switchboard is up. Gateway: http://127.0.0.1:${SERVICES.gateway}  (Ctrl-C to stop)`);
} catch (err) {
  log(String(err));
  await stop(1);
}
