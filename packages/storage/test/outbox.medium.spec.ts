import pino from 'pino';
import mongoose, { Schema } from 'mongoose';
import { type NatsConnection } from 'nats';
import { EventEnvelope } from '@switchboard/contracts';
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
  stage,
  stageUpdate,
  tenantGuard,
  type OutboxFields,
} from '@switchboard/storage';
import { storedMessages, testNamespace, waitFor } from '@switchboard/testing';

const ns = testNamespace();
const subjects = new SubjectNamespace(ns.natsPrefix);
const logger = pino({ level: 'silent' });
let nc: NatsConnection;
let conn: mongoose.Connection;

interface ThingDoc extends OutboxFields {
  _id: string;
  workspaceId: string;
  name: string;
}
const ThingSchema = new Schema<ThingDoc>(
  { ...idField, workspaceId: String, name: String },
  { collection: 'things' },
);
ThingSchema.plugin(tenantGuard);
ThingSchema.plugin(outboxPlugin);

const event = (workspaceId: string, aggregateId: string, version: number): EventEnvelope => ({
  id: newId(),
  type: 'thing.changed',
  version: 1,
  workspaceId,
  occurredAt: new Date().toISOString(),
  actor: { type: 'service', id: 'test' },
  aggregate: { type: 'thing', id: aggregateId, version },
  data: { version },
});

beforeAll(async () => {
  nc = await ns.natsConnect();
  await ensureStreams(await nc.jetstreamManager(), subjects);
  conn = await connectMongo({ url: ns.mongoUrl, dbName: ns.db('outbox') });
});

afterAll(async () => {
  await conn.close();
  await nc.close();
});

describe('outbox relay on MongoDB-wire storage and JetStream', () => {
  it('publishes staged events in write order, once, and empties the outbox', async () => {
    const Thing = conn.model<ThingDoc>('Thing', ThingSchema);
    await Thing.init();
    const id = newId();
    const e1 = event('ws-o', id, 1);
    const e2 = event('ws-o', id, 2);
    await Thing.create([
      { _id: id, workspaceId: 'ws-o', name: 'a', outbox: [stage(e1)], outboxPending: true },
    ]);
    const { push, set } = stageUpdate([e2]);
    await Thing.updateOne(
      { workspaceId: 'ws-o', _id: id },
      { $set: { name: 'b', ...set }, $push: push },
    );

    const relay = new OutboxRelay(
      [new MongoOutboxSource(Thing)],
      new EventPublisher(nc.jetstream(), subjects),
      logger,
    );
    expect(await relay.flush()).toBe(2);
    const got = await storedMessages<EventEnvelope>(
      nc,
      subjects.stream('events').name,
      subjects.event('ws-o', 'thing.changed'),
    );
    expect(got.map((e) => e.id)).toEqual([e1.id, e2.id]);
    const doc = await Thing.findOne({ workspaceId: 'ws-o', _id: id }).lean();
    expect(doc).toMatchObject({ name: 'b', outbox: [], outboxPending: false });
    expect(await relay.flush()).toBe(0);
  });

  it('republishing after a crash between publish and mark is deduplicated by Nats-Msg-Id', async () => {
    const Thing = conn.model<ThingDoc>('Thing', ThingSchema);
    const id = newId();
    const e = event('ws-crash', id, 1);
    await Thing.create([
      { _id: id, workspaceId: 'ws-crash', name: 'x', outbox: [stage(e)], outboxPending: true },
    ]);
    const publisher = new EventPublisher(nc.jetstream(), subjects);
    const crashing = new OutboxRelay([new MongoOutboxSource(Thing)], publisher, logger, {
      faults: {
        afterPublish: () => {
          throw new Error('simulated crash before mark');
        },
      },
    });
    await expect(crashing.flush()).rejects.toThrow('simulated crash');
    expect(await Thing.findOne({ workspaceId: 'ws-crash', _id: id }).lean()).toMatchObject({
      outboxPending: true,
    });

    const restarted = new OutboxRelay([new MongoOutboxSource(Thing)], publisher, logger);
    expect(await restarted.flush()).toBe(1);
    const got = await storedMessages<EventEnvelope>(
      nc,
      subjects.stream('events').name,
      subjects.event('ws-crash', 'thing.changed'),
    );
    expect(got.map((x) => x.id)).toEqual([e.id]);
  });

  it('keeps events until JetStream accepts them, retrying in the background', async () => {
    const Thing = conn.model<ThingDoc>('Thing', ThingSchema);
    const id = newId();
    const e = event('ws-retry', id, 1);
    await Thing.create([
      { _id: id, workspaceId: 'ws-retry', name: 'x', outbox: [stage(e)], outboxPending: true },
    ]);
    let failures = 2;
    const flaky = {
      publish: async (x: EventEnvelope) => {
        if (failures-- > 0) throw new Error('no responders');
        return new EventPublisher(nc.jetstream(), subjects).publish(x);
      },
    };
    const relay = new OutboxRelay([new MongoOutboxSource(Thing)], flaky, logger, {
      intervalMs: 50,
    });
    relay.start();
    await waitFor(
      async () =>
        (await Thing.findOne({ workspaceId: 'ws-retry', _id: id }).lean())?.outboxPending === false,
    );
    await relay.stop();
    expect(
      (
        await storedMessages<EventEnvelope>(
          nc,
          subjects.stream('events').name,
          subjects.event('ws-retry', 'thing.changed'),
        )
      ).map((x) => x.id),
    ).toEqual([e.id]);
  });
});
