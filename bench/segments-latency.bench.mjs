// P1 (issue 5): latency from a contact update over HTTP to the `segment.member.joined` event
// seen by an outside NATS subscriber, with many dynamic segments in the workspace, at a steady
// rate of updates (open loop: the clock of each update starts when it was planned, so a slow
// pipeline builds a queue instead of slowing the load down).
//
//   joined    PATCH /v1/contacts/:id through the gateway → contacts service (versioned write,
//             outbox, contact.updated on JetStream) → segments projection (profile CAS, job) →
//             BullMQ → segment worker (every dynamic segment of the workspace against the
//             profile, edge writes, event) → `crm.<ws>.segment.member.joined` on a core NATS
//             subscription of this process. Targets: p50 < 50 ms, p99 < 250 ms.
//   updated   the same PATCH → `contact.updated` seen on the same subscription: the part of
//             the path before the segments pipeline (the baseline the joined figure is put
//             next to).
//   patch     the HTTP answer alone.
// Each update moves a contact from one tag to the next (`p<k>` → `p<k+contacts>`), so it joins
// exactly one segment (and leaves one): contact c's updates alternate between the tags
// p<(c + j·contacts) mod segments>. Segments are created first (their full evaluations then
// have nothing to scan), contacts next, then a warm-up, then the measured window. An update
// whose joined event does not arrive within BENCH_SEGMENTS_EVENT_TIMEOUT_MS is an error:
// `superseded` when the contact's next update went out before it (the worker may have taken
// both in one coalesced evaluation: expected once latency exceeds a contact's update period,
// contacts / rate), `no event` otherwise (lost). The load average is noted: the figures mean
// little on a machine busy with other work.
//
// Environment: BENCH_SEGMENTS_COUNT (1000), BENCH_SEGMENTS_RATE (updates/s, 200),
// BENCH_SEGMENTS_SECONDS (measured window, 20), BENCH_SEGMENTS_CONTACTS (500),
// BENCH_SEGMENTS_WARMUP_SECONDS (3), BENCH_SEGMENTS_EVENT_TIMEOUT_MS (10000),
// BENCH_SEGMENTS_WORKER_ENV (JSON settings for the worker, e.g. {"WORKER_CONCURRENCY":"8"}).
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { measure, measureRate, round, sleep, summarize } from './lib/load.mjs';
import { startStack } from './lib/stack.mjs';

export const name = 'segments-latency';
export const timeoutMs = 900_000;

const intEnv = (key, fallback, max) => {
  const value = Number(process.env[key] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${key} must be a positive integer`);
  return Math.min(value, max);
};

const SEGMENTS = intEnv('BENCH_SEGMENTS_COUNT', 1000, 20_000);
const RATE = intEnv('BENCH_SEGMENTS_RATE', 200, 5000);
const SECONDS = intEnv('BENCH_SEGMENTS_SECONDS', 20, 600);
const CONTACTS = intEnv('BENCH_SEGMENTS_CONTACTS', 500, 20_000);
const WARMUP_SECONDS = intEnv('BENCH_SEGMENTS_WARMUP_SECONDS', 3, 120);
const EVENT_TIMEOUT_MS = intEnv('BENCH_SEGMENTS_EVENT_TIMEOUT_MS', 10_000, 120_000);
const WORKER_ENV = JSON.parse(process.env.BENCH_SEGMENTS_WORKER_ENV ?? '{}');
const SERVICES = ['gateway', 'contacts', 'segments', 'segment-worker'];
const SETUP_CONCURRENCY = 4;
const IDLE_MAX_MS = 300_000;

/**
 * Segment k holds contacts tagged `p<k>`, with a second condition of one of four kinds so the
 * worker evaluates a realistic mix (equality, relative date, behavioural window).
 */
function filterOf(k) {
  const tag = { field: 'tags', op: 'has_any', value: [`p${k}`] };
  switch (k % 4) {
    case 0:
      return tag;
    case 1:
      return { and: [tag, { field: 'stage', op: 'eq', value: 'customer' }] };
    case 2:
      return { and: [tag, { field: 'createdAt', op: 'within_last', value: { days: 30 } }] };
    default:
      return {
        and: [tag, { activity: 'email.opened', count: { lte: 1000 }, within: { days: 30 } }],
      };
  }
}

export async function run(ctx) {
  const { require, signal } = ctx;
  const { JSONCodec } = require('nats');
  const IORedis = require('ioredis');
  const { EVALUATION_JOBS, EvaluationQueue } = require('@switchboard/segment-store');
  const codec = JSONCodec();
  const cores = os.availableParallelism?.() ?? os.cpus().length;
  if (CONTACTS % SEGMENTS === 0)
    throw new Error('BENCH_SEGMENTS_CONTACTS must not be a multiple of BENCH_SEGMENTS_COUNT');

  ctx.params({
    cores,
    segments: SEGMENTS,
    rate: RATE,
    seconds: SECONDS,
    contacts: CONTACTS,
    warmupSeconds: WARMUP_SECONDS,
    eventTimeoutMs: EVENT_TIMEOUT_MS,
    workerEnv: WORKER_ENV,
    services: SERVICES,
    mongo: ctx.infra.kinds.mongo,
  });
  ctx.note(`${cores} cores, shared by the client, the services and the infrastructure`);
  const stack = await startStack(ctx, {
    services: SERVICES,
    maxSockets: 256,
    // Creating a thousand segments slows down as the collection grows (every filter a scan on
    // FerretDB 1.24, decision 48): the setup waits rather than failing on the 5 s default.
    env: { gateway: { RPC_TIMEOUT_MS: '60000' }, 'segment-worker': WORKER_ENV },
    callTimeoutMs: 65_000,
  });
  const { ns, http, token, workspaceId, runId } = stack;
  const redis = new IORedis(ns.redisUrl, { maxRetriesPerRequest: null });
  ctx.onCleanup(() => redis.disconnect());
  const queue = new EvaluationQueue(redis, ns.queuePrefix);
  ctx.onCleanup(() => queue.close());

  /**
   * Until the evaluation queue has nothing waiting, running or delayed (a retry), the next run
   * of the worker's scheduled sweep (always delayed) aside.
   */
  const idle = async (what) => {
    const t0 = performance.now();
    let counts = {};
    while (!signal.aborted && performance.now() - t0 < IDLE_MAX_MS) {
      counts = await queue.queue.getJobCounts('waiting', 'active', 'prioritized');
      const delayed = await queue.queue.getJobs(['delayed'], 0, 100);
      counts.delayed = delayed.filter((j) => j.name !== EVALUATION_JOBS.sweep).length;
      if (Object.values(counts).every((n) => n === 0)) return;
      await sleep(250);
    }
    throw new Error(`${what}: the evaluation queue is not idle: ${JSON.stringify(counts)}`);
  };

  // -- what the campaign system listens to ------------------------------------------------
  const nc = await ns.natsConnect({ name: 'bench-segments-latency' });
  ctx.onCleanup(() => nc.close());
  /** `segmentId:contactId` → resolvers of updates waiting for that join. */
  const joinWaiters = new Map();
  /** `contactId:version` → time contact.updated was seen (or its waiter). */
  const updated = new Map();
  const subJoined = nc.subscribe(`${ns.natsPrefix}crm.${workspaceId}.segment.member.joined`);
  const subUpdated = nc.subscribe(`${ns.natsPrefix}crm.${workspaceId}.contact.updated`);
  let joinedSeen = 0;
  void (async () => {
    for await (const m of subJoined) {
      const at = performance.now();
      joinedSeen++;
      const { data } = codec.decode(m.data);
      const key = `${data.segmentId}:${data.contactId}`;
      const waiting = joinWaiters.get(key);
      if (waiting?.length) waiting.shift()(at);
    }
  })();
  void (async () => {
    for await (const m of subUpdated) {
      const at = performance.now();
      const event = codec.decode(m.data);
      const key = `${event.aggregate.id}:${event.aggregate.version}`;
      const waiter = updated.get(key);
      if (typeof waiter === 'function') waiter(at);
      else updated.set(key, at);
    }
  })();
  await nc.flush();
  ctx.onCleanup(() => {
    subJoined.unsubscribe();
    subUpdated.unsubscribe();
  });

  const within = (promise, what) => {
    let timer;
    return Promise.race([
      promise,
      new Promise((_, reject) => {
        timer = setTimeout(() => {
          const err = new Error(`${what} not seen within ${EVENT_TIMEOUT_MS} ms`);
          err.kind = 'no event';
          reject(err);
        }, EVENT_TIMEOUT_MS);
      }),
    ]).finally(() => clearTimeout(timer));
  };
  const waitJoin = (key) => {
    let resolve;
    const promise = new Promise((r) => (resolve = r));
    const list = joinWaiters.get(key) ?? [];
    list.push(resolve);
    joinWaiters.set(key, list);
    return {
      promise,
      cancel: () => {
        const l = joinWaiters.get(key);
        const i = l?.indexOf(resolve) ?? -1;
        if (i >= 0) l.splice(i, 1);
      },
    };
  };
  const waitUpdated = (key) => {
    const at = updated.get(key);
    if (typeof at === 'number') {
      updated.delete(key);
      return Promise.resolve(at);
    }
    return new Promise((resolve) =>
      updated.set(key, (t) => {
        updated.delete(key);
        resolve(t);
      }),
    );
  };

  // -- the workspace: segments first, then contacts ---------------------------------------
  const segmentIds = new Array(SEGMENTS);
  const t0 = performance.now();
  const created = await measure({
    concurrency: SETUP_CONCURRENCY,
    count: SEGMENTS,
    maxMs: IDLE_MAX_MS,
    signal,
    op: async (k) => {
      const res = await http.request('POST', '/v1/segments', {
        token,
        body: { name: `Bench ${k}`, type: 'dynamic', filter: filterOf(k) },
      });
      segmentIds[k] = res.json.id;
      if ((k + 1) % 100 === 0)
        ctx.log(`segment ${k + 1}: ${round((performance.now() - t0) / 1000, 1)} s`);
    },
  });
  if (created.errors > 0 || created.requests < SEGMENTS)
    throw new Error(`creating segments: ${created.errors} errors: ${created.errorSamples[0]}`);
  ctx.log(`${SEGMENTS} segments in ${round(performance.now() - t0, 0)} ms`);
  await idle('after creating segments');

  const contacts = new Array(CONTACTS);
  const t1 = performance.now();
  const made = await measure({
    concurrency: SETUP_CONCURRENCY,
    count: CONTACTS,
    maxMs: IDLE_MAX_MS,
    signal,
    op: async (c) => {
      const res = await http.request('POST', '/v1/contacts', {
        token,
        body: {
          displayName: `Latency ${c}`,
          stage: 'customer',
          channels: [{ type: 'email', value: `latency-${runId}-${c}@example.com` }],
        },
      });
      contacts[c] = res.json.id;
    },
  });
  if (made.errors > 0 || made.requests < CONTACTS)
    throw new Error(`creating contacts: ${made.errors} errors: ${made.errorSamples[0]}`);
  ctx.log(`${CONTACTS} contacts in ${round(performance.now() - t1, 0)} ms`);
  await idle('after creating contacts');

  // -- the load -------------------------------------------------------------------------
  // Update n (over the whole run) tags contact n % CONTACTS with p<n % SEGMENTS>.
  let n = 0;
  const patchLatencies = [];
  const updatedLatencies = [];
  const errors = { patch: 0, updated: 0 };
  /** The last update sent per contact: a join that never came for an older one was superseded. */
  const latest = new Array(CONTACTS).fill(-1);
  const phase = async (seconds, measured) => {
    const base = n;
    n += RATE * seconds;
    return measureRate({
      rate: RATE,
      durationMs: seconds * 1000,
      signal,
      op: async (i) => {
        const started = performance.now();
        const u = base + i;
        const c = u % CONTACTS;
        const contactId = contacts[c];
        const k = u % SEGMENTS;
        latest[c] = u;
        const join = waitJoin(`${segmentIds[k]}:${contactId}`);
        let res;
        try {
          res = await http.request('PATCH', `/v1/contacts/${contactId}`, {
            token,
            body: { tags: [`p${k}`] },
          });
        } catch (err) {
          join.cancel();
          if (measured) errors.patch++;
          throw err;
        }
        if (measured) patchLatencies.push(performance.now() - started);
        const updatedSeen = within(
          waitUpdated(`${contactId}:${res.json.version}`),
          'contact.updated',
        ).then(
          (at) => void (measured && updatedLatencies.push(at - started)),
          () => void (measured && errors.updated++),
        );
        try {
          await within(join.promise, `joined of contact ${contactId} to segment ${k}`);
        } catch (err) {
          // A later update of the contact went out before this one's join came: the worker may
          // have taken both in one evaluation (coalesced), so this join never happens.
          if (latest[c] !== u) err.kind = 'superseded';
          throw err;
        } finally {
          join.cancel();
          await updatedSeen;
        }
      },
    });
  };

  ctx.log(`warm-up: ${WARMUP_SECONDS} s at ${RATE}/s`);
  await phase(WARMUP_SECONDS, false);
  await idle('after the warm-up');
  ctx.log(`measuring: ${SECONDS} s at ${RATE}/s`);
  const loadBefore = os.loadavg()[0];
  const sample = await phase(SECONDS, true);
  const joined = summarize([sample]);
  const figureOf = (name_, latencies, errs, kind) => {
    const s = summarize([
      {
        ...sample,
        latencies,
        errors: errs,
        errorKinds: errs ? { [kind]: errs } : {},
        errorSamples: [],
      },
    ]);
    return { name: name_, ...s };
  };
  ctx.figure(figureOf('PATCH answered (HTTP)', patchLatencies, errors.patch, 'HTTP error'));
  ctx.figure(
    figureOf('PATCH → contact.updated on NATS', updatedLatencies, errors.updated, 'no event'),
  );
  ctx.figure({
    name: 'PATCH → segment.member.joined on NATS',
    ...joined,
    baseline: 'PATCH → contact.updated on NATS',
  });
  const met = (x, target) => (x !== null && x < target ? 'met' : 'not met');
  ctx.note(
    `joined p50 ${joined.p50Ms} ms (target < 50: ${met(joined.p50Ms, 50)}), p99 ${joined.p99Ms} ms ` +
      `(target < 250: ${met(joined.p99Ms, 250)}), ${joined.errors} of ${joined.requests} updates ` +
      `without their joined event; ${SEGMENTS} dynamic segments, ${CONTACTS} contacts, ` +
      `${RATE} updates/s for ${SECONDS} s planned (${RATE * SECONDS} updates), ${joined.requests} sent; ` +
      `errors by kind ${JSON.stringify(joined.errorKinds)}`,
  );
  ctx.note(
    `load average (1 min) ${round(loadBefore, 1)} before the measured window, ` +
      `${round(os.loadavg()[0], 1)} after it, on ${cores} cores`,
  );
  ctx.note(`${joinedSeen} joined events seen in all (warm-up and setup included)`);
  stack.finish();
}
