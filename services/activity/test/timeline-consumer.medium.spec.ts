import { connect, headers as natsHeaders, JSONCodec, type NatsConnection } from 'nats';
import mongoose from 'mongoose';
import { RPC, type EventEnvelope, type RequestContext } from '@switchboard/contracts';
import {
  buildEvent,
  DLQ_HEADERS,
  newId,
  RpcClient,
  SubjectNamespace,
} from '@switchboard/messaging';
import {
  NatsTap,
  startInProcess,
  testNamespace,
  waitFor,
  waitUntilIdle,
} from '@switchboard/testing';
import type { RunningService } from '@switchboard/runtime';
import { activityService } from '../src/app.module';
import { ActivityConfig } from '../src/config';
import { TimelineConsumer } from '../src/timeline/timeline.consumer';

const ns = testNamespace();
const subjects = new SubjectNamespace(ns.natsPrefix);
const codec = JSONCodec();
let service: RunningService;
let nc: NatsConnection;
let db: mongoose.Connection;
let rpc: RpcClient;

const ctx = (workspaceId: string): RequestContext => ({
  workspaceId,
  actor: { type: 'user', id: 'u1' },
  role: 'owner',
  capabilities: ['activity.read'],
  scope: 'all',
  requestId: newId(),
});

const contactCreated = (workspaceId: string, contactId: string, name: string): EventEnvelope =>
  buildEvent('contact.created', {
    workspaceId,
    actor: { type: 'user', id: 'u1' },
    aggregateId: contactId,
    aggregateVersion: 1,
    data: {
      contact: {
        id: contactId,
        workspaceId,
        displayName: name,
        channels: [],
        companyLinks: [],
        ownerId: null,
        tags: [],
        customFields: {},
        metadata: {},
        status: 'active',
        version: 1,
        createdAt: new Date().toISOString(),
        updatedAt: new Date().toISOString(),
      },
    },
  });

/** Publishes to JetStream without a Nats-Msg-Id, so the stream keeps duplicates (as after a dedup window). */
const publishRaw = async (subject: string, data: Uint8Array) => {
  await nc.jetstream().publish(subject, data, { headers: natsHeaders() });
};

const entriesOf = (contactId: string) =>
  db.collection('timeline_entries').countDocuments({ contactId });

beforeAll(async () => {
  service = await startInProcess(ns, 'activity', ActivityConfig, activityService);
  nc = await connect({ servers: ns.natsUrl });
  db = await mongoose.createConnection(ns.mongoUrl, { dbName: ns.db('activity') }).asPromise();
  rpc = new RpcClient({ servers: ns.natsUrl, ns: subjects });
  await rpc.connect();
});

afterAll(async () => {
  await rpc.close();
  await nc.close();
  await db.close();
  await service.stop();
});

const idle = async () =>
  waitUntilIdle({
    jsm: await nc.jetstreamManager(),
    consumers: [[subjects.stream('events').name, TimelineConsumer.durable]],
  });

describe('activity timeline consumer', () => {
  it('records an event delivered twice as one timeline entry', async () => {
    const event = contactCreated('ws-1', newId(), 'Twice');
    const subject = subjects.event('ws-1', event.type);
    await publishRaw(subject, codec.encode(event));
    await publishRaw(subject, codec.encode(event));
    await idle();
    expect(await entriesOf(event.aggregate.id)).toBe(1);

    const page = await rpc.call(RPC.activity.timeline, ctx('ws-1'), {
      contactId: event.aggregate.id,
      limit: 10,
    });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      type: 'contact.created',
      summary: 'Contact created (Twice)',
      sourceEventId: event.id,
    });
  });

  it('dead-letters poison messages with the reason and keeps consuming', async () => {
    const dlq = await NatsTap.open(nc, `${ns.natsPrefix}dlq.${TimelineConsumer.durable}.>`);
    const subject = subjects.event('ws-2', 'contact.created');
    await publishRaw(subject, new TextEncoder().encode('{not json'));
    await publishRaw(subject, codec.encode({ id: 'x', type: 'contact.created' }));
    const good = contactCreated('ws-2', newId(), 'After poison');
    await publishRaw(subject, codec.encode(good));

    await waitFor(async () => (await entriesOf(good.aggregate.id)) === 1, {
      what: 'the good event to be recorded',
    });
    await dlq.waitFor(() => dlq.messages.length >= 2);
    expect(dlq.messages.map((m) => m.subject)).toEqual([
      `${ns.natsPrefix}dlq.${TimelineConsumer.durable}.crm.ws-2.contact.created`,
      `${ns.natsPrefix}dlq.${TimelineConsumer.durable}.crm.ws-2.contact.created`,
    ]);
    expect(dlq.messages.map((m) => m.headers?.get(DLQ_HEADERS.reason))).toEqual([
      'invalid',
      'invalid',
    ]);
    expect(dlq.messages[1].headers?.get(DLQ_HEADERS.error)).toMatch(/workspaceId: Required/);
    // Parked in the DEAD_LETTERS stream, so an operator can inspect and replay them.
    const jsm = await nc.jetstreamManager();
    const info = await jsm.streams.info(subjects.stream('deadLetters').name);
    expect(info.state.messages).toBeGreaterThanOrEqual(2);
    await dlq.close();
  });

  it('files deal and task events on the contact they name (data.contactId)', async () => {
    const contactId = newId();
    const deal = { id: newId(), title: 'Big one', contactId };
    const events = [
      { type: 'deal.created', aggregate: 'deal', id: deal.id, data: { contactId, deal } },
      {
        type: 'deal.stage.changed',
        aggregate: 'deal',
        id: deal.id,
        data: { contactId, deal, to: { stageId: 's2', name: 'Won', category: 'won' } },
      },
      {
        type: 'task.created',
        aggregate: 'task',
        id: newId(),
        data: { contactId, task: { title: 'Call back' } },
      },
      // A company-anchored task names no contact: it lands on no timeline.
      { type: 'task.created', aggregate: 'task', id: newId(), data: { contactId: null } },
    ];
    for (const e of events) {
      const envelope: EventEnvelope = {
        id: newId(),
        type: e.type,
        version: 1,
        workspaceId: 'ws-4',
        occurredAt: new Date().toISOString(),
        actor: { type: 'user', id: 'u1' },
        aggregate: { type: e.aggregate, id: e.id, version: 1 },
        data: e.data,
      };
      await publishRaw(subjects.event('ws-4', e.type), codec.encode(envelope));
    }
    await waitFor(async () => (await entriesOf(contactId)) === 3, { what: 'three entries' });
    const page = await rpc.call(RPC.activity.timeline, ctx('ws-4'), { contactId, limit: 10 });
    expect(page.items.map((i) => i.summary).sort()).toEqual([
      'Deal "Big one" created',
      'Deal "Big one" moved to Won',
      'Task "Call back" created',
    ]);
    expect(await db.collection('timeline_entries').countDocuments({ workspaceId: 'ws-4' })).toBe(3);
  });

  it('pages a timeline newest first with a cursor and keeps workspaces apart', async () => {
    const contactId = newId();
    for (let i = 0; i < 5; i++) {
      const e = contactCreated('ws-3', contactId, `v${i}`);
      e.occurredAt = new Date(Date.UTC(2026, 0, 1 + i)).toISOString();
      await publishRaw(subjects.event('ws-3', e.type), codec.encode(e));
    }
    await waitFor(async () => (await entriesOf(contactId)) === 5);
    const first = await rpc.call(RPC.activity.timeline, ctx('ws-3'), { contactId, limit: 3 });
    expect(first.items.map((i) => i.summary)).toEqual([
      'Contact created (v4)',
      'Contact created (v3)',
      'Contact created (v2)',
    ]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await rpc.call(RPC.activity.timeline, ctx('ws-3'), {
      contactId,
      limit: 3,
      cursor: first.nextCursor!,
    });
    expect(second.items.map((i) => i.summary)).toEqual([
      'Contact created (v1)',
      'Contact created (v0)',
    ]);
    expect(second.nextCursor).toBeNull();

    const other = await rpc.call(RPC.activity.timeline, ctx('ws-other'), { contactId, limit: 10 });
    expect(other.items).toEqual([]);
    await expect(
      rpc.call(RPC.activity.timeline, ctx('ws-3'), { contactId, limit: 3, cursor: 'garbage' }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
  });
});
