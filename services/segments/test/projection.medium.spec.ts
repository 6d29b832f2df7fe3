import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import mongoose from 'mongoose';
import type { JetStreamClient, JetStreamManager, NatsConnection } from 'nats';
import {
  CAPABILITIES,
  QUEUES,
  RPC,
  type Contact,
  type ContactProjection,
  type RequestContext,
} from '@switchboard/contracts';
import { buildEvent, newId, RpcClient, SubjectNamespace } from '@switchboard/messaging';
import type { RunningService } from '@switchboard/runtime';
import type { ProfileDoc } from '@switchboard/segment-store';
import {
  NatsTap,
  startInProcess,
  testNamespace,
  waitFor,
  waitUntilIdle,
} from '@switchboard/testing';
import { contactsService } from '../../contacts/src/app.module';
import { ContactsConfig } from '../../contacts/src/config';
import { segmentsService } from '../src/app.module';
import { SegmentsConfig } from '../src/config';
import { ProjectionConsumer } from '../src/projection/projection.consumer';

/**
 * The projection against real FerretDB/MongoDB, NATS and Redis: events published on JetStream as
 * the contacts, activity and fit producers publish them, the stored profiles read back, and the
 * evaluation jobs read from the queue (no worker runs here). The contacts service runs for the
 * custom-field definitions.
 */
const ns = testNamespace();
const subjects = new SubjectNamespace(ns.natsPrefix);
const SERVICE = { type: 'service' as const, id: 'test' };
let contacts: RunningService;
let segments: RunningService;
let rpc: RpcClient;
let nc: NatsConnection;
let js: JetStreamClient;
let jsm: JetStreamManager;
let redis: IORedis;
let queue: Queue;
let db: mongoose.Connection;
let dlq: NatsTap<Record<string, unknown>>;

const ctx = (workspaceId: string): RequestContext => ({
  workspaceId,
  actor: { type: 'user', id: 'admin-1' },
  role: 'admin',
  capabilities: [...CAPABILITIES],
  scope: 'all',
  requestId: newId(),
});

const contact = (ws: string, over: Partial<Contact> = {}): Contact => ({
  id: newId(),
  workspaceId: ws,
  firstName: 'Ada',
  lastName: 'Lovelace',
  displayName: 'Ada Lovelace',
  channels: [{ type: 'email', value: 'ada@example.com', primary: true, subscribed: true }],
  companyLinks: [],
  stage: 'lead',
  stageHistory: [],
  ownerId: null,
  tags: [],
  customFields: {},
  metadata: {},
  status: 'active',
  statusHistory: [],
  mergedInto: null,
  lastTouchAt: null,
  segmentIds: [],
  version: 1,
  createdAt: '2026-11-01T09:00:00.000Z',
  updatedAt: '2026-11-01T09:00:00.000Z',
  ...over,
});

/** Publishes an event on JetStream; `msgId` other than the event id gets past JetStream's dedup. */
async function publish(
  type: string,
  ws: string,
  aggregate: { type: string; id: string; version: number },
  data: Record<string, unknown>,
  options: { id?: string; msgId?: string; occurredAt?: Date } = {},
) {
  const event = {
    ...buildEvent('contact.created', {
      workspaceId: ws,
      actor: SERVICE,
      aggregateId: aggregate.id,
      aggregateVersion: aggregate.version,
      occurredAt: options.occurredAt ?? new Date(),
      data: data as never,
    }),
    type,
    aggregate,
    ...(options.id ? { id: options.id } : {}),
  };
  await js.publish(`${ns.natsPrefix}crm.${ws}.${type}`, JSON.stringify(event), {
    msgID: options.msgId ?? event.id,
  });
  return event;
}

const contactEvent = (type: string, c: Contact, extra: Record<string, unknown> = {}) =>
  publish(
    type,
    c.workspaceId,
    { type: 'contact', id: c.id, version: c.version },
    {
      contact: c,
      ...extra,
    },
  );

const activity = (
  ws: string,
  contactId: string,
  name: string,
  occurredAt: Date,
  options: { id?: string; msgId?: string } = {},
) =>
  publish(
    'activity.recorded',
    ws,
    { type: 'activity', id: newId(), version: 1 },
    {
      contactId,
      activity: name,
      channel: name.split('.')[0],
      direction: 'inbound',
      occurredAt: occurredAt.toISOString(),
      touch: false,
      entryId: newId(),
      campaignId: null,
      messageId: null,
    },
    options,
  );

const scored = (ws: string, contactId: string, productSlug: string, total: number, at: Date) =>
  publish(
    'contact.scored',
    ws,
    { type: 'fit_assessment', id: newId(), version: 1 },
    {
      contactId,
      productId: newId(),
      productSlug,
      total,
      assessmentId: newId(),
      assessedBy: { type: 'user', id: 'u1' },
    },
    { occurredAt: at },
  );

/** Both projection consumers have taken (and acknowledged) everything published so far. */
const settled = async () => {
  const name = subjects.stream('events').name;
  await waitUntilIdle({
    jsm,
    consumers: [
      [name, ProjectionConsumer.durable],
      [name, ProjectionConsumer.activityDurable],
    ],
  });
};

const profiles = () => db.collection<ProfileDoc>('profiles');
const stored = (id: string) => profiles().findOne({ _id: id });
/** The stored profile once it exists. */
const created = (id: string) => waitFor(async () => (await stored(id)) ?? undefined);
const projection = (ws: string, contactId: string) =>
  rpc.call(RPC.segments.projection, ctx(ws), { contactId });
const job = (ws: string, contactId: string) => queue.getJob(`c-${ws}-${contactId}`);
/** The contact's job once enqueued (the service enqueues after its profile write lands). */
const enqueued = (ws: string, contactId: string) =>
  waitFor(async () => (await job(ws, contactId)) ?? undefined, { what: `a job for ${contactId}` });
const day = (iso: string) => new Date(`${iso}T12:00:00.000Z`);

beforeAll(async () => {
  contacts = await startInProcess(ns, 'contacts', ContactsConfig, contactsService);
  segments = await startInProcess(ns, 'segments', SegmentsConfig, segmentsService);
  rpc = new RpcClient({ ...ns.natsOptions(), ns: subjects, signer: ns.rpcSigner() });
  await rpc.connect();
  nc = await ns.natsConnect();
  js = nc.jetstream();
  jsm = await nc.jetstreamManager();
  redis = new IORedis(ns.redisUrl, { maxRetriesPerRequest: null });
  queue = new Queue(QUEUES.segmentEvaluation, { connection: redis, prefix: ns.queuePrefix });
  db = await mongoose.createConnection(ns.mongoUrl, { dbName: ns.db('segments') }).asPromise();
  dlq = await NatsTap.open(ns, `${ns.natsPrefix}dlq.>`);
});

afterAll(async () => {
  await dlq.close();
  await db.close();
  await queue.close();
  await redis.quit();
  await nc.close();
  await rpc.close();
  await segments.stop();
  await contacts.stop();
});

describe('profiles from contact events', () => {
  it('builds the whole profile, custom values typed by the definitions, and enqueues the contact', async () => {
    const ws = 'ws-full';
    for (const [slug, type] of [
      ['renewal', 'date'],
      ['seats', 'number'],
      ['trial', 'boolean'],
      ['modules', 'multi_select'],
    ] as const) {
      await rpc.call(RPC.contacts.createCustomField, ctx(ws), {
        entity: 'contact',
        slug,
        label: slug,
        type,
        ...(type === 'multi_select' ? { options: ['crm', 'erp'] } : {}),
      });
    }
    const c = contact(ws, {
      channels: [
        { type: 'email', value: 'ada@example.com', primary: true, subscribed: true },
        {
          type: 'phone',
          value: '+33612345678',
          primary: true,
          subscribed: false,
          suppression: { reason: 'complaint', at: '2026-11-02T00:00:00.000Z' },
        },
      ],
      companyLinks: [{ companyId: 'co-1' }, { companyId: 'co-2' }],
      address: { country: 'FR' },
      birthMonth: 12,
      birthDay: 10,
      source: 'website',
      ownerId: 'u-1',
      tags: ['vip'],
      customFields: { renewal: '2027-03-01', seats: 12, trial: true, modules: ['crm'], free: 'x' },
      lastTouchAt: '2026-11-20T10:00:00.000Z',
    });
    await contactEvent('contact.created', c);
    const doc = await created(c.id);
    expect(doc).toMatchObject({
      workspaceId: ws,
      contactId: c.id,
      version: 1,
      rev: 1,
      status: 'active',
      displayName: 'Ada Lovelace',
      email: 'ada@example.com',
      phone: '+33612345678',
      companyId: 'co-1',
      country: 'FR',
      birthMonth: 12,
      birthDay: 10,
      birthday: 1210,
      source: 'website',
      ownerId: 'u-1',
      stage: 'lead',
      tags: ['vip'],
      createdAt: new Date('2026-11-01T09:00:00.000Z'),
      lastTouchAt: new Date('2026-11-20T10:00:00.000Z'),
      channels: [
        {
          type: 'email',
          value: 'ada@example.com',
          primary: true,
          subscribed: true,
          suppressed: false,
        },
        {
          type: 'phone',
          value: '+33612345678',
          primary: true,
          subscribed: false,
          suppressed: true,
        },
      ],
      segments: [],
    });
    // Stored typed: a real date, a number, a boolean, a list.
    expect(doc.custom).toEqual({
      renewal: new Date('2027-03-01T00:00:00.000Z'),
      seats: 12,
      trial: true,
      modules: ['crm'],
      free: 'x',
    });
    // The service enqueues once the profile write has landed: read the job when it is there.
    const queued = await enqueued(ws, c.id);
    expect(queued.name).toBe('evaluate-contact');
    expect(queued.data).toEqual({ workspaceId: ws, contactId: c.id, reason: 'contact.created' });
    // The RPC answers the whole profile in the caller's workspace only.
    const p: ContactProjection = await projection(ws, c.id);
    expect(p).toMatchObject({
      contactId: c.id,
      version: 1,
      status: 'active',
      custom: { renewal: '2027-03-01T00:00:00.000Z', seats: 12 },
      channels: [{ type: 'email' }, { type: 'phone', suppressed: true }],
    });
    await expect(projection('ws-other', c.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('a field defined after the cache was filled is typed too', async () => {
    const ws = 'ws-late-field';
    const first = contact(ws, { customFields: { note: 'a' } });
    await contactEvent('contact.created', first);
    await created(first.id);
    await rpc.call(RPC.contacts.createCustomField, ctx(ws), {
      entity: 'contact',
      slug: 'since',
      label: 'since',
      type: 'date',
    });
    await new Promise((r) => setTimeout(r, 1100));
    const second = contact(ws, { customFields: { since: '2026-01-31' } });
    await contactEvent('contact.created', second);
    const doc = await created(second.id);
    expect(doc.custom).toEqual({ since: new Date('2026-01-31T00:00:00.000Z') });
  });

  it('keeps the newest version whatever the order and repeats', async () => {
    const ws = 'ws-order';
    const v1 = contact(ws);
    const v2 = { ...v1, version: 2, stage: 'prospect', tags: ['a'] };
    const v3 = { ...v1, version: 3, stage: 'customer', tags: ['a', 'vip'] };
    await contactEvent('contact.created', v1);
    await contactEvent('contact.updated', v3, { changes: [] });
    await contactEvent('contact.updated', v2, { changes: [] });
    await contactEvent('contact.created', v1);
    await contactEvent('contact.updated', v3, { changes: [] });
    await settled();
    const doc = await stored(v1.id);
    expect(doc).toMatchObject({ version: 3, stage: 'customer', tags: ['a', 'vip'] });
    const rev = doc!.rev;
    // Stale and repeated events write nothing.
    await contactEvent('contact.tag.removed', { ...v2, tags: [] }, { tags: ['vip'] });
    await settled();
    expect((await stored(v1.id))!.rev).toBe(rev);
  });

  it('archive and restore follow the contact status', async () => {
    const ws = 'ws-archive';
    const c = contact(ws);
    await contactEvent('contact.created', c);
    await contactEvent(
      'contact.archived',
      { ...c, version: 2, status: 'archived' },
      { reason: 'deleted' },
    );
    await waitFor(async () => (await stored(c.id))?.status === 'archived');
    await contactEvent('contact.restored', { ...c, version: 3, status: 'active' });
    await waitFor(async () => (await stored(c.id))?.status === 'active');
    expect((await stored(c.id))!.version).toBe(3);
  });
});

describe('behavioural counters', () => {
  it('counts activity per UTC day, once per event id, and enqueues the contact', async () => {
    const ws = 'ws-count';
    const c = contact(ws);
    await contactEvent('contact.created', c);
    await created(c.id);
    await job(ws, c.id).then((j) => j?.remove());
    const e1 = await activity(ws, c.id, 'email.opened', new Date('2026-12-03T23:59:59.000Z'));
    await activity(ws, c.id, 'email.opened', new Date('2026-12-04T00:00:00.000Z'));
    await activity(ws, c.id, 'email.opened', day('2026-12-04'));
    await activity(ws, c.id, 'communication.call', day('2026-12-04'));
    // The same event again under another Nats-Msg-Id (a republish after JetStream's window).
    await activity(ws, c.id, 'email.opened', new Date('2026-12-03T23:59:59.000Z'), {
      id: e1.id,
      msgId: newId(),
    });
    await settled();
    const doc = await stored(c.id);
    expect(doc!.activity).toEqual({
      'email:opened': { '2026-12-03': 1, '2026-12-04': 2 },
      'communication:call': { '2026-12-04': 1 },
    });
    // Attributes were not touched by counters.
    expect(doc).toMatchObject({ version: 1, status: 'active', displayName: 'Ada Lovelace' });
    expect((await enqueued(ws, c.id)).data).toMatchObject({ contactId: c.id, reason: 'activity' });
  });

  it('counts activity that arrives before the contact, then takes the attributes', async () => {
    const ws = 'ws-early';
    const c = contact(ws);
    await activity(ws, c.id, 'sms.replied', day('2026-12-01'));
    await waitFor(async () => (await stored(c.id))?.activity?.['sms:replied']);
    expect(await stored(c.id)).toMatchObject({ version: 0, status: null });
    // Nothing to evaluate until the contact is known: its own event enqueues it.
    await settled();
    expect(await job(ws, c.id)).toBeUndefined();
    await contactEvent('contact.created', c);
    await waitFor(async () => (await stored(c.id))?.version === 1);
    expect(await stored(c.id)).toMatchObject({
      status: 'active',
      activity: { 'sms:replied': { '2026-12-01': 1 } },
    });
    expect((await enqueued(ws, c.id)).data).toMatchObject({ reason: 'contact.created' });
  });

  it('drops days beyond the retention and never counts events that old', async () => {
    const ws = 'ws-retention';
    const c = contact(ws);
    await contactEvent('contact.created', c);
    await created(c.id);
    const old = new Date(Date.now() - 401 * 86_400_000);
    await activity(ws, c.id, 'email.clicked', old);
    await activity(ws, c.id, 'email.clicked', new Date());
    await settled();
    const days = (await stored(c.id))!.activity!['email:clicked'];
    expect(Object.keys(days)).toEqual([new Date().toISOString().slice(0, 10)]);
  });
});

describe('fit and merges', () => {
  it('keeps the newest fit total per product', async () => {
    const ws = 'ws-fit';
    const c = contact(ws);
    await contactEvent('contact.created', c);
    await scored(ws, c.id, 'crm', 72.5, new Date('2026-12-02T00:00:00Z'));
    await scored(ws, c.id, 'crm', 10, new Date('2026-12-01T00:00:00Z'));
    await scored(ws, c.id, 'erp', 40, new Date('2026-12-01T00:00:00Z'));
    await settled();
    expect((await stored(c.id))!.fit).toEqual({ crm: 72.5, erp: 40 });
    expect((await projection(ws, c.id)).fit).toEqual({ crm: 72.5, erp: 40 });
  });

  it('a merge archives the duplicate, sums its counters into the survivor once, and forwards its later activity', async () => {
    const ws = 'ws-merge';
    const survivor = contact(ws, { displayName: 'Survivor' });
    const duplicate = contact(ws, { displayName: 'Duplicate' });
    await contactEvent('contact.created', survivor);
    await contactEvent('contact.created', duplicate);
    await activity(ws, survivor.id, 'email.opened', day('2026-12-01'));
    await activity(ws, duplicate.id, 'email.opened', day('2026-12-01'));
    const dupEvent = await activity(ws, duplicate.id, 'email.opened', day('2026-12-02'));
    await settled();
    // The contacts service archives the duplicate, then updates the survivor and says merged.
    await contactEvent(
      'contact.archived',
      { ...duplicate, version: 2, status: 'archived', mergedInto: survivor.id },
      { reason: 'merged' },
    );
    const merged = { ...survivor, version: 2, tags: ['from-duplicate'] };
    const mergedData = { survivorId: survivor.id, duplicateId: duplicate.id, contact: merged };
    await publish(
      'contact.merged',
      ws,
      { type: 'contact', id: survivor.id, version: 2 },
      mergedData,
    );
    await settled();
    expect(await stored(duplicate.id)).toMatchObject({
      status: 'archived',
      mergedInto: survivor.id,
    });
    expect(await stored(survivor.id)).toMatchObject({
      version: 2,
      tags: ['from-duplicate'],
      mergedFrom: [duplicate.id],
      activity: { 'email:opened': { '2026-12-01': 2, '2026-12-02': 1 } },
    });
    // The merge again (the contacts service repeats it when resumed): nothing summed twice.
    await publish(
      'contact.merged',
      ws,
      { type: 'contact', id: survivor.id, version: 2 },
      mergedData,
    );
    // A redelivered activity of the duplicate, and a new one naming the duplicate: the first is
    // known to the survivor, the second is counted there.
    await activity(ws, duplicate.id, 'email.opened', day('2026-12-02'), {
      id: dupEvent.id,
      msgId: newId(),
    });
    await activity(ws, duplicate.id, 'email.opened', day('2026-12-03'));
    await settled();
    expect((await stored(survivor.id))!.activity).toEqual({
      'email:opened': { '2026-12-01': 2, '2026-12-02': 1, '2026-12-03': 1 },
    });
    expect((await stored(duplicate.id))!.activity).toEqual({
      'email:opened': { '2026-12-01': 1, '2026-12-02': 1 },
    });
    expect((await enqueued(ws, duplicate.id)).data).toMatchObject({ contactId: duplicate.id });
    expect((await enqueued(ws, survivor.id)).data).toMatchObject({ contactId: survivor.id });
  });
});

describe('replicas', () => {
  it('two replicas sharing the consumers count every event of one contact exactly once', async () => {
    const replica = await startInProcess(ns, 'segments', SegmentsConfig, segmentsService);
    try {
      const ws = 'ws-replicas';
      const c = contact(ws);
      await contactEvent('contact.created', c);
      await created(c.id);
      const N = 300;
      const published: Promise<unknown>[] = [];
      for (let i = 0; i < N; i++) {
        published.push(
          activity(ws, c.id, 'email.opened', day(i % 2 ? '2026-12-01' : '2026-12-02')),
        );
      }
      await Promise.all(published);
      await settled();
      expect((await stored(c.id))!.activity).toEqual({
        'email:opened': { '2026-12-01': N / 2, '2026-12-02': N / 2 },
      });
    } finally {
      await replica.stop();
    }
  });
});

describe('from the real producers', () => {
  it('a contact created, updated and scored through the contacts service', async () => {
    const ws = 'ws-real';
    const created = await rpc.call(RPC.contacts.create, ctx(ws), {
      displayName: 'Grace Hopper',
      channels: [{ type: 'email', value: 'grace@navy.mil' }],
      stage: 'lead',
    });
    const updated = await rpc.call(RPC.contacts.update, ctx(ws), {
      id: created.id,
      patch: { stage: 'customer', tags: ['vip'] },
    });
    const product = await rpc.call(RPC.contacts.createProduct, ctx(ws), {
      name: 'CRM',
      slug: 'crm',
      criteria: [{ key: 'budget', label: 'Budget', weight: 1 }],
    });
    await rpc.call(RPC.contacts.assess, ctx(ws), {
      productId: product.id,
      contactId: created.id,
      scores: { budget: 80 },
    });
    const doc = await waitFor(async () => {
      const d = await stored(created.id);
      return d && d.version === updated.version && d.fit?.crm !== undefined ? d : undefined;
    });
    expect(doc).toMatchObject({
      stage: 'customer',
      tags: ['vip'],
      email: 'grace@navy.mil',
      fit: { crm: 80 },
      channels: [{ type: 'email', value: 'grace@navy.mil', subscribed: true, suppressed: false }],
    });
  });
});

describe('tenancy and poison', () => {
  it('never applies an event of one workspace to another workspace profile', async () => {
    const c = contact('ws-t1');
    await contactEvent('contact.created', c);
    await created(c.id);
    const before = await stored(c.id);
    // A forged event of another workspace naming the same contact id.
    await contactEvent(
      'contact.updated',
      { ...c, workspaceId: 'ws-t2', version: 5, stage: 'x' },
      {
        changes: [],
      },
    );
    await activity('ws-t2', c.id, 'email.opened', new Date());
    const dead = await waitFor(() => {
      const found = dlq.messages.filter((m) => m.subject.includes('.crm.ws-t2.'));
      return found.length === 2 ? found : undefined;
    });
    expect(dead.map((m) => m.subject.replace(ns.natsPrefix, '')).sort()).toEqual([
      `dlq.${ProjectionConsumer.activityDurable}.crm.ws-t2.activity.recorded`,
      `dlq.${ProjectionConsumer.durable}.crm.ws-t2.contact.updated`,
    ]);
    await settled();
    expect(await stored(c.id)).toEqual(before);
    await expect(projection('ws-t2', c.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('dead-letters a malformed event and goes on with the next ones', async () => {
    const ws = 'ws-poison';
    const c = contact(ws);
    await publish(
      'contact.updated',
      ws,
      { type: 'contact', id: c.id, version: 1 },
      {
        contact: { id: c.id },
      },
    );
    await publish(
      'contact.scored',
      ws,
      { type: 'fit_assessment', id: newId(), version: 1 },
      {
        contactId: c.id,
        total: 'high',
      },
    );
    await activity(ws, c.id, 'Not An Activity', new Date());
    await contactEvent('contact.created', c);
    await created(c.id);
    const dead = await waitFor(() => {
      const found = dlq.messages.filter((m) => m.subject.includes(`.crm.${ws}.`));
      return found.length === 3 ? found : undefined;
    });
    expect(dead.map((m) => m.subject.replace(ns.natsPrefix, '')).sort()).toEqual([
      `dlq.${ProjectionConsumer.activityDurable}.crm.${ws}.activity.recorded`,
      `dlq.${ProjectionConsumer.durable}.crm.${ws}.contact.scored`,
      `dlq.${ProjectionConsumer.durable}.crm.${ws}.contact.updated`,
    ]);
    expect(await stored(c.id)).toMatchObject({ version: 1, status: 'active', activity: {} });
  });
});
