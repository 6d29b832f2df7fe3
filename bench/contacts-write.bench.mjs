// The contact write paths against the storage floor, with database round trips per write:
//   raw insertOne          insertOne of a contact document as ContactsService.create stores it
//                          (staged event included) into a collection of the contacts database
//                          with the contacts collection's indexes
//   create via NATS RPC    rpc.contacts.create, called as the gateway calls it
//   raw updateOne          the conditional update a versioned write ends with: filter
//                          {workspaceId, _id, version}, $set of the change and the next version,
//                          the event staged with $push
//   update via NATS RPC    rpc.contacts.update (a lastName change)
// Each path runs closed-loop at BENCH_WRITE_CONCURRENCY for BENCH_WRITE_SECONDS (sustained: the
// outbox relay's work for earlier writes runs underneath, as in a deployment). Target: each
// service path ≥ 30 % of its raw rate, i.e. about three database operations per write. The
// round trips are counted in the contacts process (driver command monitoring, see
// lib/db-commands.mjs) over the measured phase, relay included, and divided by the writes.
import { dbCommands, describeRoundTrips, perOperation } from './lib/db-commands.mjs';
import { measure, round, summarize } from './lib/load.mjs';
import { startStack } from './lib/stack.mjs';

export const name = 'contacts-write';
export const timeoutMs = 300_000;

const intEnv = (key, fallback, max) => {
  const value = Number(process.env[key] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${key} must be a positive integer`);
  return Math.min(value, max);
};

const CONCURRENCY = intEnv('BENCH_WRITE_CONCURRENCY', 16, 256);
const SECONDS = intEnv('BENCH_WRITE_SECONDS', 20, 600);
const WARMUP = intEnv('BENCH_WRITE_WARMUP', 100, 5000);
const SERVICES = ['gateway', 'contacts'];
/** Writes per phase at most (each phase is bounded by time first). */
const MAX_WRITES = 200_000;

export async function run(ctx) {
  const { require, signal } = ctx;
  const { buildEvent, newId } = require('@switchboard/messaging');
  const { RPC } = require('@switchboard/contracts');
  const { stage } = require('@switchboard/storage');
  const mongoose = require('mongoose');

  ctx.params({
    concurrency: CONCURRENCY,
    seconds: SECONDS,
    warmup: WARMUP,
    services: SERVICES,
    mongo: ctx.infra.kinds.mongo,
  });
  const stack = await startStack(ctx, { services: SERVICES, maxSockets: CONCURRENCY });
  const { ns, runId, rpc, rpcCtx, workspaceId, actor, platform } = stack;
  const conn = mongoose.createConnection(ns.mongoUrl, {
    dbName: ns.db('contacts'),
    appName: 'bench-raw',
    maxPoolSize: 20, // as the services' connections (packages/storage connectMongo)
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

  const contactInput = (tag, i) => ({
    firstName: 'Ada',
    lastName: `Bench ${i}`,
    channels: [{ type: 'email', value: `write-${runId}-${tag}-${i}@example.com` }],
    tags: ['bench'],
  });
  /** The staged event of a write, as the versioned writer stages it. */
  const staged = (type, id, version, data) =>
    stage(
      buildEvent(type, {
        workspaceId,
        actor,
        aggregateId: id,
        aggregateVersion: version,
        data,
      }),
    );
  /** The document ContactsService.create stores for contactInput(tag, i). */
  const contactDoc = (tag, i) => {
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
    const contact = { id, ...fields, createdAt: now.toISOString(), updatedAt: now.toISOString() };
    return {
      _id: id,
      ...fields,
      dedupKey: `email:${email}`,
      createdAt: now,
      updatedAt: now,
      outbox: [staged('contact.created', id, 1, { contact })],
      outboxPending: true,
    };
  };

  const rawDocs = []; // { id, version } of raw documents, for the raw updates
  const created = []; // contact ids created through RPC, for the RPC updates
  const ops = {
    rawInsert: (tag) => async (i) => {
      const doc = contactDoc(tag, i);
      await raw.insertOne(doc);
      if (tag === 'raw') rawDocs.push({ id: doc._id, version: 1 });
    },
    rpcCreate: (tag) => async (i) => {
      const c = await rpc.call(RPC.contacts.create, rpcCtx(`w-${tag}-${i}`), contactInput(tag, i));
      if (tag === 'rpc') created.push(c.id);
    },
    // Document i % n: with n far above the concurrency no two updates of one document overlap.
    rawUpdate: async (i) => {
      const d = rawDocs[i % rawDocs.length];
      const at = new Date();
      const res = await raw.updateOne(
        { workspaceId, _id: d.id, version: d.version },
        {
          $set: {
            lastName: `Updated ${i}`,
            updatedAt: at,
            version: d.version + 1,
            outboxPending: true,
          },
          $push: {
            outbox: staged('contact.updated', d.id, d.version + 1, {
              changes: { lastName: { from: null, to: `Updated ${i}` } },
            }),
          },
        },
      );
      if (res.matchedCount !== 1) throw Object.assign(new Error('version moved'), { kind: 'cas' });
      d.version += 1;
    },
    rpcUpdate: async (i) => {
      await rpc.call(RPC.contacts.update, rpcCtx(`w-upd-${i}`), {
        id: created[i % created.length],
        patch: { lastName: `Updated ${i}` },
      });
    },
  };

  /** One sustained phase: warm-up, then SECONDS closed-loop; the figure and its round trips. */
  const phase = async (figure, baseline, op, warm) => {
    if (warm)
      await measure({ concurrency: CONCURRENCY, count: WARMUP, maxMs: 10_000, signal, op: warm });
    const before = await dbCommands(platform, ['contacts']);
    const sample = await measure({
      concurrency: CONCURRENCY,
      count: MAX_WRITES,
      maxMs: SECONDS * 1000,
      signal,
      op,
    });
    const result = { name: figure, ...(baseline ? { baseline } : {}), ...summarize([sample]) };
    ctx.figure(result);
    if (!baseline) return result;
    const perOp = perOperation(before, await dbCommands(platform, ['contacts']), result.ok || 1);
    ctx.note(describeRoundTrips(figure, perOp));
    return result;
  };

  const rawInsert = await phase('raw insertOne', null, ops.rawInsert('raw'), ops.rawInsert('warm'));
  const create = await phase(
    'create via NATS RPC',
    'raw insertOne',
    ops.rpcCreate('rpc'),
    ops.rpcCreate('warm'),
  );
  const rawUpdate = await phase('raw conditional updateOne', null, ops.rawUpdate);
  const update = await phase('update via NATS RPC', 'raw conditional updateOne', ops.rpcUpdate);
  const pct = (a, b) => (a?.rps && b?.rps ? `${round((a.rps / b.rps) * 100, 0)} %` : '—');
  ctx.note(
    `create at ${pct(create, rawInsert)} of raw insertOne, update at ${pct(update, rawUpdate)} ` +
      `of raw conditional updateOne (target ≥ 30 %); ${CONCURRENCY} in flight, ${SECONDS} s each`,
  );
  stack.finish();
}
