// A filtered, sorted page of contacts over BENCH_LIST_CONTACTS (100 k) contacts of one
// workspace, at three depths of the stack, in alternating rounds:
//   gateway    GET /v1/contacts?ownerId=me&stage=customer&tags=vip&sort=-createdAt&limit=50
//              → gateway → NATS RPC → contacts (ContactListService)
//   NATS RPC   rpc.contacts.list with the same query, as the gateway calls it
//   raw        the same filter (the service's own buildContactFilter), sort and projection,
//              with the native driver on the contacts collection: the storage floor
// The contacts are written straight into the service's collection (built by its own
// buildContactDoc, so search and sort keys are the service's), as if their events were relayed.
// FerretDB 1.24 pushes down equality filters but not sorts: every page reads all contacts that
// match the equality part (here owner, stage, status) and sorts them in FerretDB, so a page
// costs seconds at this size where MongoDB walks the compound index. Hence few requests.
import { measure, round, summarize } from './lib/load.mjs';
import { startStack } from './lib/stack.mjs';

export const name = 'contacts-list';
/** Seeding 100 k contacts takes most of the default budget by itself. */
export const timeoutMs = 540_000;

const intEnv = (key, fallback, max) => {
  const value = Number(process.env[key] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${key} must be a positive integer`);
  return Math.min(value, max);
};

const CONTACTS = intEnv('BENCH_LIST_CONTACTS', 100_000, 1_000_000);
const CONCURRENCY = intEnv('BENCH_LIST_CONCURRENCY', 2, 64);
/** Measured requests per figure, split into rounds where the layers alternate. */
const REQUESTS = intEnv('BENCH_LIST_REQUESTS', 24, 5000);
const ROUNDS = 4;
const SEED_BATCH = 1000;
const FIRST = ['Ada', 'Grace', 'Alan', 'Mary', 'Charles', 'Edsger', 'Barbara', 'Donald'];
const STAGES = ['lead', 'prospect', 'customer'];

/** What each list sort orders by (services/contacts contact-list.repository.ts). */
const SORT_KEYS = {
  '-createdAt': { createdAt: -1, _id: -1 },
  displayName: { nameSortKey: 1, _id: 1 },
};
const SHAPES = [
  {
    label: 'my customers tagged vip, newest first',
    query: {
      ownerId: 'me',
      stage: 'customer',
      tags: 'vip',
      sort: '-createdAt',
      limit: 50,
    },
  },
];
const OWNERS = 10;

function contactInput(i, me) {
  return {
    ownerId: i % OWNERS === 0 ? me : `owner-${i % OWNERS}`,
    firstName: FIRST[i % FIRST.length],
    lastName: `List ${i}`,
    channels: [{ type: 'email', value: `list-${i}@example.com` }],
    tags: i % 4 === 0 ? ['vip', 'newsletter'] : ['newsletter'],
    stage: STAGES[i % 3],
    source: 'import',
  };
}

export async function run(ctx) {
  const { require, signal } = ctx;
  const mongoose = require('mongoose');
  const { newId } = require('@switchboard/messaging');
  const { RPC, ListContactsQuery } = require('@switchboard/contracts');
  const { buildContactDoc } = require('./services/contacts/dist/contacts/contact-builder.js');
  const { buildContactFilter } = require('./services/contacts/dist/contacts/contact-filter.js');

  ctx.params({
    contacts: CONTACTS,
    concurrency: CONCURRENCY,
    requests: REQUESTS,
    rounds: ROUNDS,
    shapes: SHAPES.map((s) => s.query),
    mongo: ctx.infra.kinds.mongo,
  });
  const stack = await startStack(ctx, {
    services: ['gateway', 'contacts'],
    maxSockets: CONCURRENCY,
    callTimeoutMs: 120_000,
    // A page may take longer than the gateway's default 5 s RPC timeout on FerretDB.
    // (The outbox relays sweep as in production: RELAY_BENCH_ENV in lib/stack.mjs.)
    env: { gateway: { RPC_TIMEOUT_MS: '120000' } },
  });
  const { ns, http, rpc, rpcCtx, token, workspaceId, actor } = stack;
  const me = { workspaceId, actor };
  const conn = mongoose.createConnection(ns.mongoUrl, {
    dbName: ns.db('contacts'),
    appName: 'bench-raw',
    maxPoolSize: 20,
  });
  ctx.onCleanup(() => conn.close());
  await conn.asPromise();
  const contacts = conn.db.collection('contacts');

  // -- seed ---------------------------------------------------------------------------------
  const started = Date.now();
  // Creation times a second apart, so that `newest first` is a real order over the set.
  const epoch = Date.now() - CONTACTS * 1000;
  for (let from = 0; from < CONTACTS; from += SEED_BATCH) {
    if (signal.aborted) throw signal.reason ?? new Error('aborted');
    const docs = [];
    for (let i = from; i < Math.min(from + SEED_BATCH, CONTACTS); i++) {
      const doc = buildContactDoc(contactInput(i, actor.id), {
        id: newId(),
        workspaceId,
        actor,
        now: new Date(epoch + i * 1000),
        dedupRule: 'email',
      });
      docs.push({ ...doc, outbox: [], outboxPending: false });
    }
    await contacts.insertMany(docs, { ordered: false, ignoreUndefined: true });
  }
  ctx.log(`seeded ${CONTACTS} contacts in ${Date.now() - started} ms`);
  ctx.note(
    `seeding ${CONTACTS} contacts (insertMany of ${SEED_BATCH}): ${round((Date.now() - started) / 1000, 1)} s`,
  );

  // -- measure ------------------------------------------------------------------------------
  for (const shape of SHAPES) {
    const parsed = ListContactsQuery.parse(shape.query);
    const filter = buildContactFilter(me, parsed);
    const path = `/v1/contacts?${new URLSearchParams(
      Object.entries(shape.query).map(([k, v]) => [k, String(v)]),
    )}`;
    const expectPage = (items) => {
      if (!Array.isArray(items) || items.length === 0)
        throw Object.assign(new Error('empty page'), { kind: 'empty page' });
    };
    const layers = [
      {
        figure: `list via gateway: ${shape.label}`,
        baseline: `list via NATS RPC: ${shape.label}`,
        op: async () => expectPage((await http.request('GET', path, { token })).json?.items),
      },
      {
        figure: `list via NATS RPC: ${shape.label}`,
        baseline: `raw find: ${shape.label}`,
        op: async (i) =>
          expectPage((await rpc.call(RPC.contacts.list, rpcCtx(`bench-list-${i}`), parsed)).items),
      },
      {
        figure: `raw find: ${shape.label}`,
        op: async () =>
          expectPage(
            await contacts
              .find(filter, { projection: { outbox: 0, outboxPending: 0, searchKeys: 0 } })
              .sort(SORT_KEYS[shape.query.sort])
              .limit(shape.query.limit + 1)
              .toArray(),
          ),
      },
    ];
    // One call warms the path (connections, the service's first query).
    const warm = await measure({ concurrency: 1, count: 1, maxMs: 1, signal, op: layers[0].op });
    if (warm.errors > 0) ctx.note(`warm-up: ${warm.errorSamples[0]}`);
    // Rounds share what is left of this shape's budget; a page can take seconds on FerretDB,
    // so the rounds stop early (figures from what was measured) rather than overrun.
    const shapeEnd =
      Date.now() + (ctx.deadline - Date.now() - 30_000) / (SHAPES.length - SHAPES.indexOf(shape));
    const samples = layers.map(() => []);
    const perRound = Math.ceil(REQUESTS / ROUNDS);
    for (let r = 0; r < ROUNDS && !signal.aborted && Date.now() < shapeEnd; r++) {
      const roundMs = (shapeEnd - Date.now()) / (ROUNDS - r);
      for (let k = 0; k < layers.length; k++) {
        const at = (r + k) % layers.length;
        samples[at].push(
          await measure({
            concurrency: CONCURRENCY,
            count: perRound,
            maxMs: roundMs / layers.length,
            signal,
            op: layers[at].op,
          }),
        );
      }
    }
    for (const [k, layer] of layers.entries()) {
      const figure = {
        name: layer.figure,
        ...(layer.baseline ? { baseline: layer.baseline } : {}),
        ...summarize(samples[k]),
      };
      ctx.log(
        `${figure.name}: p50 ${figure.p50Ms} ms, p99 ${figure.p99Ms} ms, ${figure.rps} req/s`,
      );
      ctx.figure(figure);
    }
    const plan = await conn.db
      .command({
        explain: {
          find: 'contacts',
          filter,
          sort: SORT_KEYS[shape.query.sort],
          limit: shape.query.limit + 1,
        },
      })
      .catch((err) => ({ error: err.message }));
    const matching = await contacts.countDocuments(filter);
    // FerretDB says what it pushed down to its storage; MongoDB shows its winning plan.
    const pushdown = ['filterPushdown', 'sortPushdown', 'limitPushdown']
      .filter((k) => k in plan)
      .map((k) => `${k} ${plan[k]}`)
      .join(', ');
    ctx.note(
      `${shape.label}: ${matching} of ${CONTACTS} contacts match; storage: ` +
        (pushdown ||
          JSON.stringify(plan.queryPlanner?.winningPlan ?? plan.error ?? plan).slice(0, 160)),
    );
  }
  ctx.note(
    `concurrency ${CONCURRENCY}; one machine: load generator, gateway, contacts and the database share its cores`,
  );
  stack.finish();
}
