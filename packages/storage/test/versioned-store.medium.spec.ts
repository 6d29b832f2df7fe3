import pino from 'pino';
import mongoose, { Schema } from 'mongoose';
import { type NatsConnection } from 'nats';
import { EventEnvelope } from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import {
  ensureStreams,
  EventPublisher,
  newId,
  OutboxRelay,
  SubjectNamespace,
} from '@switchboard/messaging';
import {
  connectMongo,
  idField,
  MongoOutboxSource,
  outboxPlugin,
  tenantGuard,
  VersionedStore,
  VersionedWriter,
  writeStrategyOf,
  type StoredVersionedDoc,
  type WriteStrategy,
} from '@switchboard/storage';
import { storedMessages, testNamespace } from '@switchboard/testing';

/**
 * The write kernel against real storage and JetStream, under each write strategy. Both run on
 * whatever the test infrastructure gives (FerretDB unless MONGO_URL): the `mongodb` strategy's
 * tests here are the ones FerretDB's read-then-write updates allow (no two writers of one
 * document at once); concurrent writers run under the detected strategy, which is `mongodb`
 * only on a real MongoDB (docs/ferretdb.md, "What only MongoDB proves").
 */
const ns = testNamespace();
const subjects = new SubjectNamespace(ns.natsPrefix);
const logger = pino({ level: 'silent' });
let nc: NatsConnection;
const conns: mongoose.Connection[] = [];

interface CounterDoc extends StoredVersionedDoc {
  n: number;
  label?: string;
  seen?: string[];
}
const CounterSchema = new Schema<CounterDoc>(
  { ...idField, workspaceId: String, n: Number, label: String, seen: [String], version: Number },
  { collection: 'counters' },
);
CounterSchema.plugin(tenantGuard);
CounterSchema.plugin(outboxPlugin);

const changed = (ws: string, id: string, version: number): EventEnvelope => ({
  id: newId(),
  type: 'counter.changed',
  version: 1,
  workspaceId: ws,
  occurredAt: new Date().toISOString(),
  actor: { type: 'service', id: 'test' },
  aggregate: { type: 'counter', id, version },
  data: { version },
});

/** A store over its own connection with the strategy forced (or detected), and its relay. */
async function setup(strategy: WriteStrategy | 'detected') {
  const conn = await connectMongo({
    url: ns.mongoUrl,
    dbName: ns.db(`kernel-${strategy}`),
    ...(strategy === 'detected' ? {} : { writeStrategy: strategy }),
  });
  conns.push(conn);
  const model = conn.model<CounterDoc>('Counter', CounterSchema);
  await model.init();
  const store = new VersionedStore(model, conn, { entity: 'counter', cacheFields: ['seen'] });
  let down = false;
  const publisher = new EventPublisher(nc.jetstream(), subjects);
  const sink = {
    publish: async (e: EventEnvelope) => {
      if (down) throw new Error('JetStream unavailable (test)');
      return publisher.publish(e);
    },
  };
  const relay = new OutboxRelay([new MongoOutboxSource(model)], sink, logger, {
    intervalMs: 50,
    maxBackoffMs: 200,
  });
  store.relayWith(relay);
  return {
    model,
    store,
    relay,
    outage: (on: boolean) => {
      down = on;
    },
    create: async (ws: string) => {
      const id = newId();
      await store.create({ _id: id, workspaceId: ws, n: 0, version: 1 }, [changed(ws, id, 1)]);
      return id;
    },
    bump: (ws: string, id: string, expectedVersion?: number) =>
      store.mutate(
        ws,
        id,
        (c) => ({
          next: { ...c, n: c.n + 1, version: c.version + 1 },
          events: (next) => [changed(ws, id, next.version)],
        }),
        { expectedVersion },
      ),
  };
}

const published = async (ws: string) =>
  (
    await storedMessages<EventEnvelope>(
      nc,
      subjects.stream('events').name,
      subjects.event(ws, 'counter.changed'),
    )
  ).map((e) => ({ id: e.id, aggregate: e.aggregate.id, version: e.aggregate.version }));

/** Every event of each aggregate published once, versions 1..n in order. */
function expectOncePerVersionInOrder(events: Awaited<ReturnType<typeof published>>, n: number) {
  expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  const byAggregate = new Map<string, number[]>();
  for (const e of events)
    byAggregate.set(e.aggregate, [...(byAggregate.get(e.aggregate) ?? []), e.version]);
  for (const versions of byAggregate.values()) {
    expect(versions).toEqual(Array.from({ length: n }, (_, i) => i + 1));
  }
  return byAggregate;
}

beforeAll(async () => {
  nc = await ns.natsConnect();
  await ensureStreams(await nc.jetstreamManager(), subjects);
});

afterAll(async () => {
  await Promise.all(conns.map((c) => c.close()));
  await nc.close();
});

describe.each(['ferretdb', 'mongodb'] as const)('the write kernel, %s strategy', (strategy) => {
  let k: Awaited<ReturnType<typeof setup>>;
  beforeAll(async () => {
    k = await setup(strategy);
    expect(writeStrategyOf(k.model.db)).toBe(strategy);
  });
  afterAll(() => k.relay.stop());

  it('writes while JetStream refuses every event, then publishes each once in version order', async () => {
    const ws = `ws-outage-${strategy}`;
    k.outage(true);
    k.relay.start();
    const ids = await Promise.all(Array.from({ length: 10 }, () => k.create(ws)));
    // 100 writes: each contact ten times in a row, every other write with If-Match.
    await Promise.all(
      ids.map(async (id) => {
        for (let i = 0; i < 10; i++) {
          const { doc } = await k.bump(ws, id, i % 2 === 0 ? 1 + i : undefined);
          expect(doc.version).toBe(2 + i);
        }
      }),
    );
    expect(await published(ws)).toEqual([]);
    k.outage(false);
    // Stopped before flushing: the next tests write with no relay racing them (the `mongodb`
    // strategy on FerretDB allows one writer of a document at a time).
    await k.relay.stop();
    await k.relay.flush();
    const byAggregate = expectOncePerVersionInOrder(await published(ws), 11);
    expect([...byAggregate.keys()].sort()).toEqual([...ids].sort());
    const stored = await k.model.find({ workspaceId: ws }).lean();
    expect(stored.map((d) => [d.n, d.outbox, d.outboxPending])).toEqual(
      ids.map(() => [10, [], false]),
    );
  });

  it('writes through VersionedWriter (a service keeping its own loop) while JetStream refuses too', async () => {
    const ws = `ws-writer-outage-${strategy}`;
    const writer = new VersionedWriter(k.model, k.model.db, 'counter');
    k.outage(true);
    k.relay.start();
    const ids = await Promise.all(Array.from({ length: 3 }, () => k.create(ws)));
    await Promise.all(
      ids.map(async (id) => {
        for (let i = 0; i < 5; i++) {
          const cur = await k.model.findOne({ workspaceId: ws, _id: id }, { outbox: 0 }).lean();
          const version = cur!.version + 1;
          const next = { ...cur!, n: cur!.n + 1, version };
          // Nobody else writes: the first attempt wins, staged events or not.
          expect(await writer.replace(next, cur!.version, [changed(ws, id, version)])).toBe(true);
        }
      }),
    );
    expect(await published(ws)).toEqual([]);
    k.outage(false);
    await k.relay.stop();
    await k.relay.flush();
    expectOncePerVersionInOrder(await published(ws), 6);
    const stored = await k.model.find({ workspaceId: ws }).lean();
    expect(stored.map((d) => [d.n, d.version, d.outbox, d.outboxPending])).toEqual(
      ids.map(() => [5, 6, [], false]),
    );
  });

  it('refuses a stale If-Match with the current version', async () => {
    const ws = `ws-ifmatch-${strategy}`;
    const id = await k.create(ws);
    await k.bump(ws, id);
    const err = await k.bump(ws, id, 1).catch((e: unknown) => e);
    expect(err instanceof AppError ? err : String(err)).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'version_conflict', details: { currentVersion: 2 } });
  });

  it('writes cache fields without moving the version', async () => {
    const ws = `ws-cache-${strategy}`;
    const id = await k.create(ws);
    expect(await k.store.mutateCache(ws, id, (c) => ({ seen: [...(c.seen ?? []), 's1'] }))).toBe(
      true,
    );
    const doc = await k.store.load(ws, id);
    expect(doc).toMatchObject({ version: 1, seen: ['s1'] });
    // The If-Match a client read before the cache write still holds.
    expect((await k.bump(ws, id, 1)).doc).toMatchObject({ version: 2, seen: ['s1'] });
    await expect(k.store.mutateCache(ws, id, () => ({ n: 5 }))).rejects.toThrow(/not cache fields/);
  });

  it('the relay removes exactly what it published, whatever was staged meanwhile', async () => {
    const ws = `ws-exact-${strategy}`;
    const id = await k.create(ws);
    await k.relay.stop();
    // Two relays (replicas) read the same staged event; one removes it, a writer stages another.
    const a = new MongoOutboxSource(k.model);
    const b = new MongoOutboxSource(k.model);
    const [batchA] = (await a.pending(100)).filter((x) => (x.ref as { _id: string })._id === id);
    const [batchB] = (await b.pending(100)).filter((x) => (x.ref as { _id: string })._id === id);
    const first = batchA.events.map((e) => e.id);
    await b.markPublished([{ batch: batchB, eventIds: first }]);
    await k.bump(ws, id);
    await a.markPublished([{ batch: batchA, eventIds: first }]);
    const doc = await k.model.findOne({ workspaceId: ws, _id: id }).lean();
    expect(
      doc?.outbox?.map((s) => (JSON.parse(s.json) as EventEnvelope).aggregate.version),
    ).toEqual([2]);
    expect(doc?.outboxPending).toBe(true);
  });
});

describe('the write strategy', () => {
  it('is detected from the server: FerretDB names itself in buildInfo', async () => {
    const k = await setup('detected');
    const info = await k.model.db.db!.admin().command({ buildInfo: 1 });
    expect(writeStrategyOf(k.model.db)).toBe('ferretdbVersion' in info ? 'ferretdb' : 'mongodb');
    // The test infrastructure runs FerretDB unless MONGO_URL points at a MongoDB.
    if (!process.env.MONGO_URL) expect(writeStrategyOf(k.model.db)).toBe('ferretdb');
  });
});

describe('concurrent writers on one aggregate', () => {
  it.each(['ferretdb', 'detected'] as const)(
    'lose no update under the %s strategy, with the relay publishing meanwhile',
    async (strategy) => {
      const k = await setup(strategy);
      const ws = `ws-race-${strategy}`;
      k.relay.start();
      try {
        const id = await k.create(ws);
        // Eight domain writes and four cache writes at once, while the relay takes events off.
        await Promise.all([
          ...Array.from({ length: 8 }, () => k.bump(ws, id)),
          ...Array.from({ length: 4 }, (_, i) =>
            k.store.mutateCache(ws, id, (c) => ({ seen: [...(c.seen ?? []), `s${i}`] })),
          ),
        ]);
        const doc = await k.store.load(ws, id);
        expect(doc).toMatchObject({ n: 8, version: 9 });
        expect([...(doc?.seen ?? [])].sort()).toEqual(['s0', 's1', 's2', 's3']);
        await k.relay.flush();
        expectOncePerVersionInOrder(await published(ws), 9);
      } finally {
        await k.relay.stop();
      }
    },
  );
});
