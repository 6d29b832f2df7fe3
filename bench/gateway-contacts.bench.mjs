// Creating and reading contacts at three depths of the stack, in one workspace, at a fixed
// number of requests in flight:
//   gateway     HTTP → gateway (auth, membership, validation) → NATS RPC → contacts → FerretDB
//   NATS RPC    the same contacts service, called directly as the gateway calls it
//   raw         the mongoose connection's native collection in the contacts database, with
//               equivalent documents and the same indexes: the storage floor
// Each figure is shown against the layer below it, so the ratios say what each layer costs.
//
// Order, and why:
//   1. reads, on a quiet platform. The contacts to read are written straight into the
//      collections (as the service stores them once their event is relayed), so no outbox
//      backlog runs underneath; gateway, RPC and raw reads alternate in rounds.
//   2. raw inserts, on a quiet platform: the floor.
//   3. creates via gateway and via RPC, alternating in rounds. Every create stages an event
//      that the contacts outbox relay publishes afterwards, far slower than creates arrive on
//      FerretDB, so a backlog builds up and is drained underneath both, alike.
import { measure, round, sleep, summarize } from './lib/load.mjs';
import { GATEWAY_BENCH_ENV, startStack } from './lib/stack.mjs';

export const name = 'gateway-contacts';

const intEnv = (key, fallback, max) => {
  const value = Number(process.env[key] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${key} must be a positive integer`);
  return Math.min(value, max);
};

const CONCURRENCY = intEnv('BENCH_CONCURRENCY', 16, 256);
/** Measured requests per figure, split into ROUNDS rounds where layers alternate. */
const REQUESTS = intEnv('BENCH_REQUESTS', 3000, 20_000);
const ROUNDS = intEnv('BENCH_ROUNDS', 6, 50);
const WARMUP = intEnv('BENCH_WARMUP', 200, 2000);
/** Contacts to read, written into each collection before the reads. */
const SEED = intEnv('BENCH_SEED', 1000, 20_000);
/** Longest wait for the platform to go quiet before a quiet phase. */
const QUIET_MAX_MS = 10_000;
const CALL_TIMEOUT_MS = 10_000;
const SERVICES = ['gateway', 'contacts', 'activity', 'segments'];
export async function run(ctx) {
  const { require, signal } = ctx;
  const { buildEvent, newId } = require('@switchboard/messaging');
  const { RPC } = require('@switchboard/contracts');
  const { stage } = require('@switchboard/storage');
  const mongoose = require('mongoose');

  ctx.params({
    concurrency: CONCURRENCY,
    requests: REQUESTS,
    rounds: ROUNDS,
    warmup: WARMUP,
    seed: SEED,
    services: SERVICES,
    mongo: ctx.infra.kinds.mongo,
    gatewayEnv: GATEWAY_BENCH_ENV,
  });
  const stack = await startStack(ctx, { services: SERVICES, maxSockets: CONCURRENCY });
  const { ns, runId, http, rpc, rpcCtx, token, workspaceId, actor } = stack;

  const conn = mongoose.createConnection(ns.mongoUrl, {
    dbName: ns.db('contacts'),
    appName: 'bench-raw',
    maxPoolSize: 20, // as the services' connections (packages/storage connectMongo)
    serverSelectionTimeoutMS: CALL_TIMEOUT_MS,
    socketTimeoutMS: CALL_TIMEOUT_MS,
  });
  ctx.onCleanup(() => conn.close());
  await conn.asPromise();
  const raw = conn.db.collection('bench_raw_contacts');
  // The contacts collection's indexes (services/contacts contact.schema.ts, outboxPlugin).
  await raw.createIndexes([
    { key: { workspaceId: 1, dedupKey: 1 }, name: 'workspaceId_1_dedupKey_1', unique: true },
    { key: { workspaceId: 1, createdAt: -1, _id: -1 }, name: 'workspaceId_1_createdAt_-1__id_-1' },
    { key: { outboxPending: 1 }, name: 'outboxPending_1' },
  ]);
  const serviceContacts = conn.db.collection('contacts');

  const nc = await ns.natsConnect({ name: 'bench-watch' });
  ctx.onCleanup(() => nc.close());
  const jsm = await nc.jetstreamManager();

  /** Events not yet relayed, and per JetStream consumer of this namespace those not yet done. */
  async function backlog() {
    const pending = { outbox: await serviceContacts.countDocuments({ outboxPending: true }) };
    for await (const stream of await jsm.streams.list()) {
      if (!stream.config.name.startsWith(`${ns.id}_`)) continue;
      for await (const c of await jsm.consumers.list(stream.config.name)) {
        pending[c.name] = c.num_pending + c.num_ack_pending;
      }
    }
    return pending;
  }

  /** Waits (bounded) until nothing is left to relay or consume, before a quiet phase. */
  async function quiet(phase) {
    const started = Date.now();
    let pending = {};
    while (!signal.aborted) {
      pending = await backlog();
      if (Object.values(pending).every((n) => n === 0)) return;
      if (Date.now() - started > QUIET_MAX_MS) break;
      await sleep(100);
    }
    ctx.note(`${phase}: platform not quiet after ${QUIET_MAX_MS} ms: ${JSON.stringify(pending)}`);
  }

  // -- documents and operations -------------------------------------------------------------
  const contactInput = (tag, i) => ({
    firstName: 'Ada',
    lastName: `Bench ${i}`,
    channels: [{ type: 'email', value: `bench-${runId}-${tag}-${i}@example.com` }],
    tags: ['bench'],
  });

  /**
   * The document ContactsService.create stores for contactInput(tag, i), with its staged
   * contact.created event; `relayed` gives the document as it is once the event went out.
   */
  function contactDoc(tag, i, { relayed = false } = {}) {
    const id = newId();
    const now = new Date();
    const input = contactInput(tag, i);
    const email = input.channels[0].value;
    const fields = {
      workspaceId,
      firstName: input.firstName,
      lastName: input.lastName,
      displayName: `${input.firstName} ${input.lastName}`,
      channels: [{ type: 'email', value: email, primary: true, subscribed: true }],
      companyLinks: [],
      source: 'manual',
      ownerId: null,
      tags: input.tags,
      customFields: {},
      metadata: {},
      status: 'active',
      version: 1,
    };
    let outbox = [];
    if (!relayed) {
      const contact = {
        id,
        ...fields,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      };
      const event = buildEvent('contact.created', {
        workspaceId,
        actor,
        aggregateId: id,
        aggregateVersion: 1,
        occurredAt: now,
        data: { contact },
      });
      outbox = [stage(event)];
    }
    return {
      _id: id,
      ...fields,
      dedupKey: `email:${email}`,
      createdAt: now,
      updatedAt: now,
      outbox,
      outboxPending: !relayed,
    };
  }

  const pick = (list, i) => {
    if (list.length === 0) throw Object.assign(new Error('no ids to read'), { kind: 'no ids' });
    return list[i % list.length];
  };
  let serviceCreates = 0;
  const ops = {
    gatewayCreate: (tag) => async (i) => {
      await http.request('POST', '/v1/contacts', { token, body: contactInput(tag, i) });
      serviceCreates++;
    },
    rpcCreate: (tag) => async (i) => {
      await rpc.call(RPC.contacts.create, rpcCtx(`bench-${tag}-${i}`), contactInput(tag, i));
      serviceCreates++;
    },
    rawInsert: (tag) => async (i) => {
      await raw.insertOne(contactDoc(tag, i));
    },
    gatewayGet: (ids) => async (i) => {
      const res = await http.request('GET', `/v1/contacts/${pick(ids, i)}`, { token });
      if (res.json?.id === undefined) throw new Error('answer without a contact');
    },
    rpcGet: (ids) => async (i) => {
      await rpc.call(RPC.contacts.get, rpcCtx(`bench-get-${i}`), { id: pick(ids, i) });
    },
    rawFindById: (ids) => async (i) => {
      const doc = await raw.findOne(
        { _id: pick(ids, i) },
        { projection: { outbox: 0, outboxPending: 0 } },
      );
      if (!doc) throw Object.assign(new Error('document not found'), { kind: 'not found' });
    },
    rawFind: (ids) => async (i) => {
      const doc = await raw.findOne(
        { workspaceId, _id: pick(ids, i) },
        { projection: { outbox: 0, outboxPending: 0 } }, // as ContactsRepository.findById
      );
      if (!doc) throw Object.assign(new Error('document not found'), { kind: 'not found' });
    },
  };

  // -- time -------------------------------------------------------------------------------
  // Each phase gets its weight's share of what is left (at most its cap), so time a phase does
  // not use goes to the ones after it. Every loop is bounded by count and by these times.
  const weights = { seed: 0.5, reads: 3, rawInserts: 1, creates: 4.5 };
  const capsMs = { seed: 10_000, reads: 30_000, rawInserts: 20_000, creates: 60_000 };
  const phaseBudget = (phase) => {
    const keys = Object.keys(weights);
    const later = keys.slice(keys.indexOf(phase)).reduce((sum, k) => sum + weights[k], 0);
    const left = ctx.deadline - Date.now() - 5000;
    return Math.max(2000, Math.min(capsMs[phase], Math.floor((left * weights[phase]) / later)));
  };

  /**
   * Measures layers in alternating rounds (rotating which goes first), so slow drifts of the
   * shared machine (a backlog draining, a growing collection) weigh on every layer alike.
   */
  async function alternate(layers, budgetMs) {
    const warmMs = Math.min(5000, budgetMs / 10 / layers.length);
    for (const layer of layers) {
      const warm = await measure({
        concurrency: CONCURRENCY,
        count: WARMUP,
        maxMs: warmMs,
        signal,
        op: layer.warm,
      });
      if (warm.errors > 0) ctx.note(`${layer.figure} warm-up: ${warm.errorSamples[0]}`);
    }
    const roundMs = (budgetMs * 0.9) / ROUNDS / layers.length;
    const perRound = Math.ceil(REQUESTS / ROUNDS);
    const samples = layers.map(() => []);
    const done = layers.map(() => 0);
    for (let r = 0; r < ROUNDS && !signal.aborted; r++) {
      for (let k = 0; k < layers.length; k++) {
        const at = (r + k) % layers.length;
        const offset = done[at];
        const sample = await measure({
          concurrency: CONCURRENCY,
          count: Math.min(perRound, REQUESTS - offset),
          maxMs: roundMs,
          signal,
          op: (i) => layers[at].op(offset + i),
        });
        samples[at].push(sample);
        done[at] += sample.requests;
      }
    }
    for (const [k, layer] of layers.entries()) {
      const figure = {
        name: layer.figure,
        ...(layer.baseline ? { baseline: layer.baseline } : {}),
        ...summarize(samples[k]),
      };
      ctx.log(
        `${figure.name}: ${figure.rps} req/s, p50 ${figure.p50Ms} ms, p99 ${figure.p99Ms} ms, ` +
          `${figure.errors} errors of ${figure.requests}`,
      );
      ctx.figure(figure);
    }
  }

  // -- 1. reads ---------------------------------------------------------------------------
  let budget = phaseBudget('seed');
  const seeded = { service: [], raw: [] };
  const seedStarted = Date.now();
  for (let i = 0; i < SEED && Date.now() - seedStarted < budget && !signal.aborted; i += 100) {
    const n = Math.min(100, SEED - i);
    const forService = Array.from({ length: n }, (_, j) =>
      contactDoc('seed', i + j, { relayed: true }),
    );
    const forRaw = Array.from({ length: n }, (_, j) =>
      contactDoc('seed', i + j, { relayed: true }),
    );
    await serviceContacts.insertMany(forService);
    await raw.insertMany(forRaw);
    seeded.service.push(...forService.map((d) => d._id));
    seeded.raw.push(...forRaw.map((d) => d._id));
  }
  ctx.log(
    `seeded ${seeded.service.length} contacts per collection in ${Date.now() - seedStarted} ms`,
  );

  const checkpoint = () => {
    if (signal.aborted) throw signal.reason ?? new Error('aborted');
  };
  checkpoint();
  await quiet('reads');
  budget = phaseBudget('reads');
  await alternate(
    [
      {
        figure: 'get via gateway',
        baseline: 'get via NATS RPC',
        warm: ops.gatewayGet(seeded.service),
        op: ops.gatewayGet(seeded.service),
      },
      {
        figure: 'get via NATS RPC',
        baseline: 'raw mongoose findOne',
        warm: ops.rpcGet(seeded.service),
        op: ops.rpcGet(seeded.service),
      },
      {
        figure: 'raw mongoose findOne',
        baseline: 'raw findOne by _id alone',
        warm: ops.rawFind(seeded.raw),
        op: ops.rawFind(seeded.raw),
      },
      {
        // Not what the service asks (its tenant guard adds workspaceId), but what the storage
        // can do for a single document: shows what the tenant filter costs the storage.
        figure: 'raw findOne by _id alone',
        warm: ops.rawFindById(seeded.raw),
        op: ops.rawFindById(seeded.raw),
      },
    ],
    budget,
  );
  const plan = await conn.db
    .command({
      explain: { find: 'bench_raw_contacts', filter: { workspaceId, _id: seeded.raw[0] ?? '' } },
    })
    .catch((err) => ({ error: err.message }));
  ctx.note(
    `storage plan for the service's read filter {workspaceId, _id}: ` +
      JSON.stringify(plan.queryPlanner?.winningPlan ?? plan.queryPlanner ?? plan).slice(0, 160),
  );

  // -- 2. the storage floor for writes ------------------------------------------------------
  checkpoint();
  await quiet('raw inserts');
  budget = phaseBudget('rawInserts');
  await alternate(
    [
      {
        figure: 'raw mongoose insertOne',
        warm: ops.rawInsert('raw-warm'),
        op: ops.rawInsert('raw'),
      },
    ],
    budget,
  );

  // -- 3. creates through the services ------------------------------------------------------
  checkpoint();
  budget = phaseBudget('creates');
  const createsStarted = Date.now();
  await alternate(
    [
      {
        figure: 'create via gateway',
        baseline: 'create via NATS RPC',
        warm: ops.gatewayCreate('gw-warm'),
        op: ops.gatewayCreate('gw'),
      },
      {
        figure: 'create via NATS RPC',
        baseline: 'raw mongoose insertOne',
        warm: ops.rpcCreate('rpc-warm'),
        op: ops.rpcCreate('rpc'),
      },
    ],
    budget,
  );

  // What the creates left behind: the outbox relay is the platform's slowest part here.
  const seconds = (Date.now() - createsStarted) / 1000;
  const created = serviceCreates;
  const left = await backlog();
  ctx.note(
    `after ${round(seconds, 1)} s of creates: ${created} contacts created through the services, ` +
      `${left.outbox} events still in the contacts outbox ` +
      `(relayed ${round((created - left.outbox) / seconds, 1)} events/s); consumers behind: ` +
      JSON.stringify(Object.fromEntries(Object.entries(left).filter(([k]) => k !== 'outbox'))),
  );
  ctx.note(
    'one machine: the load generator, gateway, contacts, activity, segments, FerretDB and NATS share its cores',
  );
  stack.finish();
}
