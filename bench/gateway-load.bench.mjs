// The gateway's cost under load (gateway issue): authenticated create and get of contacts
// through the gateway, next to the same calls made directly over NATS RPC to the same contacts
// service, in the same run.
//   1. a concurrency sweep (closed loop: N requests in flight) for get and create;
//   2. a fixed rate of TARGET_RPS requests per second (open loop) for get and create, where the
//      gateway issue's target applies: p99 under 25 ms at 500 requests/s, overhead at most 2×.
// On FerretDB, reads filter `{workspaceId, _id}` as a sequential scan (see the storage plan in
// gateway-contacts), so get latency grows with the collection, and the creates of the sweep make
// it grow: the fixed-rate phases come last and show the platform under that load.
// Ratios are gateway ÷ RPC: the gateway's overhead (auth, membership and rate-limit checks in
// Redis, validation, HTTP) on top of the same service call.
import { measure, measureRate, summarize } from './lib/load.mjs';
import { GATEWAY_BENCH_ENV, startStack } from './lib/stack.mjs';

export const name = 'gateway-load';

const LEVELS = [1, 16, 64];
const SWEEP_REQUESTS = 1500;
const SWEEP_MAX_MS = 4000;
const TARGET_RPS = Number(process.env.BENCH_TARGET_RPS ?? 500);
/** Fixed rates: a sustainable one first, then the target. */
const RATES = [200, TARGET_RPS];
const RATE_MS = 4000;
const SEED = 500;
const SERVICES = ['gateway', 'contacts', 'activity', 'segments'];

export async function run(ctx) {
  const { require, signal } = ctx;
  const { RPC } = require('@switchboard/contracts');
  ctx.params({
    levels: LEVELS,
    sweepRequests: SWEEP_REQUESTS,
    sweepMaxMs: SWEEP_MAX_MS,
    targetRps: TARGET_RPS,
    rates: RATES,
    rateMs: RATE_MS,
    services: SERVICES,
    mongo: `${ctx.infra.kinds.mongo}${ctx.infra.ferretDbBackend ? `/${ctx.infra.ferretDbBackend}` : ''}`,
    gatewayEnv: GATEWAY_BENCH_ENV,
  });
  const stack = await startStack(ctx, { services: SERVICES, maxSockets: 512 });
  const { http, rpc, rpcCtx, token, runId } = stack;

  let n = 0;
  const input = (tag) => ({
    firstName: 'Load',
    lastName: `${tag} ${n}`,
    channels: [{ type: 'email', value: `load-${runId}-${tag}-${n++}@example.com` }],
  });
  const ids = [];
  for (let i = 0; i < SEED && !signal.aborted; i++) {
    ids.push((await rpc.call(RPC.contacts.create, rpcCtx(`seed-${i}`), input('seed'))).id);
  }
  const pick = (i) => ids[i % ids.length];
  const layers = {
    get: {
      gateway: async (i) => {
        const res = await http.request('GET', `/v1/contacts/${pick(i)}`, { token });
        if (res.json?.id === undefined) throw new Error('answer without a contact');
      },
      rpc: (i) => rpc.call(RPC.contacts.get, rpcCtx(`get-${i}`), { id: pick(i) }),
    },
    create: {
      gateway: () => http.request('POST', '/v1/contacts', { token, body: input('gw') }),
      rpc: (i) => rpc.call(RPC.contacts.create, rpcCtx(`create-${i}`), input('rpc')),
    },
  };

  const report = (figure, baseline) => {
    ctx.log(`${figure.name}: ${figure.rps} req/s, p50 ${figure.p50Ms} ms, p99 ${figure.p99Ms} ms`);
    ctx.figure({ ...figure, ...(baseline ? { baseline } : {}) });
  };

  // 1. concurrency sweep; RPC first at each level, so the gateway figure names its baseline.
  for (const op of ['get', 'create']) {
    for (const level of LEVELS) {
      const results = {};
      for (const layer of ['rpc', 'gateway']) {
        await measure({
          concurrency: level,
          count: 50,
          maxMs: 1000,
          signal,
          op: layers[op][layer],
        });
        const sample = await measure({
          concurrency: level,
          count: SWEEP_REQUESTS,
          maxMs: SWEEP_MAX_MS,
          signal,
          op: layers[op][layer],
        });
        results[layer] = {
          name: `${op} via ${layer === 'rpc' ? 'NATS RPC' : 'gateway'} @${level}`,
          ...summarize([sample]),
        };
      }
      report(results.rpc);
      report(results.gateway, results.rpc.name);
    }
  }

  // 2. fixed rates, open loop: a sustainable one, then the target.
  for (const rate of RATES) {
    for (const op of ['get', 'create']) {
      const results = {};
      for (const layer of ['rpc', 'gateway']) {
        const sample = await measureRate({
          rate,
          durationMs: RATE_MS,
          signal,
          op: layers[op][layer],
        });
        results[layer] = {
          name: `${op} via ${layer === 'rpc' ? 'NATS RPC' : 'gateway'} at ${rate}/s`,
          targetRps: rate,
          ...summarize([sample]),
        };
      }
      report(results.rpc);
      report(results.gateway, results.rpc.name);
      if (rate !== TARGET_RPS) continue;
      const p99 = results.gateway.p99Ms;
      const overhead = p99 / results.rpc.p99Ms;
      ctx.note(
        `${op} at ${rate}/s through the gateway: p99 ${p99} ms (target < 25 ms: ${p99 < 25 ? 'met' : 'NOT met'}), ` +
          `p99 gateway ÷ RPC ${overhead.toFixed(2)}× (target ≤ 2×: ${overhead <= 2 ? 'met' : 'NOT met'}), ` +
          `${results.gateway.errors} errors`,
      );
    }
  }
  ctx.note('one machine: the load generator, gateway, contacts, FerretDB and NATS share its cores');
  stack.finish();
}
