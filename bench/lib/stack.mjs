// The running platform a benchmark talks to, and its cleanup: services as child processes in
// a fresh namespace, a signed-up workspace, an HTTP client for the gateway and an RPC client for
// calling the services directly, as the gateway does.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { DB_COMMANDS_ENV } from './db-commands.mjs';
import { httpClient } from './http.mjs';

/**
 * The gateway's rate limits (per user 600/min by default) would answer most of the load 429.
 * They are raised, not switched off (0), so every request still pays for its limiter check.
 */
export const GATEWAY_BENCH_ENV = {
  RATE_LIMIT_PER_ACTOR: '1000000000',
  RATE_LIMIT_PER_WORKSPACE: '1000000000',
};

/**
 * The outbox relay as in production (runtime config defaults), not the tests' 200 ms sweeps: on
 * FerretDB every sweep scans its collection (docs/architecture.md, decision 48).
 */
export const RELAY_BENCH_ENV = { OUTBOX_SWEEP_MS: '1000', OUTBOX_IDLE_SWEEP_MS: '10000' };

/** `env`: extra environment per service (`{ gateway: { RPC_TIMEOUT_MS: '60000' } }`). */
export async function startStack(ctx, { services, maxSockets, callTimeoutMs = 10_000, env = {} }) {
  const { require } = ctx;
  const { Platform, testNamespace, signUp } = require('@switchboard/testing');
  const { RpcClient, SubjectNamespace } = require('@switchboard/messaging');
  const { CAPABILITIES } = require('@switchboard/contracts');

  const ns = testNamespace();
  const runId = randomBytes(3).toString('hex');
  // What Platform.start(ns, services) does, with the stop registered first: it then also covers
  // a service that fails to start while the others already run.
  const platform = new Platform(ns);
  const state = { finished: false };
  const killServices = () => {
    for (const p of platform.processes.values()) if (p.pid) tryKill(p.pid);
  };
  process.on('exit', killServices);
  ctx.onCleanup(async () => {
    await stopPlatform(platform);
    process.off('exit', killServices);
    // The services' logs (in the OS temp dir) are kept only when something went wrong.
    if (state.finished)
      for (const p of platform.processes.values()) rmSync(p.logFile, { force: true });
  });
  const t0 = Date.now();
  await Promise.all(
    services.map((s) =>
      platform.startOne(s, {
        ...RELAY_BENCH_ENV,
        ...DB_COMMANDS_ENV,
        ...(s === 'gateway' ? GATEWAY_BENCH_ENV : {}),
        ...env[s],
      }),
    ),
  );
  ctx.log(`platform up in ${Date.now() - t0} ms (${services.join(', ')})`);

  const session = await signUp(platform.gatewayUrl);
  const workspaceId = session.workspace.id;
  const actor = { type: 'user', id: session.user.id };

  const http = httpClient(platform.gatewayUrl, { maxSockets, timeoutMs: callTimeoutMs });
  ctx.onCleanup(() => http.close());
  const rpc = new RpcClient({
    ...ns.natsOptions(),
    ns: new SubjectNamespace(ns.natsPrefix),
    timeoutMs: callTimeoutMs,
    name: 'bench-rpc',
    signer: ns.rpcSigner(),
  });
  ctx.onCleanup(() => rpc.close());
  await rpc.connect();

  return {
    ns,
    runId,
    platform,
    session,
    token: session.accessToken,
    workspaceId,
    actor,
    http,
    rpc,
    /** What the gateway's access guard builds for an owner (services/gateway access/roles.ts). */
    rpcCtx: (requestId) => ({
      workspaceId,
      actor,
      role: 'owner',
      capabilities: [...CAPABILITIES],
      scope: 'all',
      requestId,
    }),
    /** Marks the run as finished (its service logs are then removed at cleanup). */
    finish: () => void (state.finished = true),
  };
}

function tryKill(pid) {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** SIGTERM every service, SIGKILL whatever is still there after 10 s. */
async function stopPlatform(platform) {
  let timer;
  const grace = new Promise((resolve) => (timer = setTimeout(resolve, 10_000)));
  await Promise.race([platform.stop(), grace]);
  clearTimeout(timer);
  await Promise.all([...platform.processes.values()].map((p) => p.kill('SIGKILL')));
}
