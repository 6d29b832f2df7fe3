import { headers as natsHeaders, JSONCodec, type NatsConnection } from 'nats';
import mongoose from 'mongoose';
import { RPC, type Contact, type RequestContext } from '@switchboard/contracts';
import { newId, RpcClient, SubjectNamespace } from '@switchboard/messaging';
import { Platform, storedMessages, testNamespace, waitFor } from '@switchboard/testing';

/**
 * The activity process is SIGKILLed while a messaging service pours 10,000 events into
 * MESSAGING; after a restart every event is on its contact's timeline exactly once, and
 * `activity.recorded` went out exactly once per event.
 */
const ns = testNamespace();
const subjects = new SubjectNamespace(ns.natsPrefix);
const codec = JSONCodec();
const TOTAL = 10_000;
const CONTACTS = 40;
const ws = `ws${newId().replace(/-/g, '').slice(-12)}`;
const ctx = (): RequestContext => ({
  workspaceId: ws,
  actor: { type: 'user', id: 'u1' },
  role: 'owner',
  capabilities: [],
  scope: 'all',
  requestId: newId(),
});
const EVENTS = ['sent', 'delivered', 'opened', 'clicked', 'replied'];

let platform: Platform;
let nc: NatsConnection;
let rpc: RpcClient;
let db: mongoose.Connection;

beforeAll(async () => {
  platform = await Platform.start(ns, ['contacts', 'activity']);
  nc = await ns.natsConnect();
  rpc = new RpcClient({ ...ns.natsOptions(), ns: subjects });
  await rpc.connect();
  db = await mongoose.createConnection(ns.mongoUrl, { dbName: ns.db('activity') }).asPromise();
});

afterAll(async () => {
  await rpc?.close();
  await nc?.close();
  await db?.close();
  await platform?.stop();
});

const recordedCount = () =>
  db
    .collection('timeline_entries')
    .countDocuments({ workspaceId: ws, anchorType: 'contact', type: { $regex: '^email\\.' } });

it('records every inbound event exactly once across a SIGKILL of the activity process', async () => {
  const contacts: Contact[] = [];
  for (let i = 0; i < CONTACTS; i++) {
    contacts.push(
      await rpc.call(RPC.contacts.create, ctx(), {
        displayName: `Kill ${i}`,
        channels: [{ type: 'email', value: `kill-${i}-${ws}@example.com` }],
      }),
    );
  }
  const js = nc.jetstream();
  const publishAll = async () => {
    for (let start = 0; start < TOTAL; start += 250) {
      await Promise.all(
        Array.from({ length: Math.min(250, TOTAL - start) }, (_, k) => {
          const i = start + k;
          const contact = contacts[i % CONTACTS];
          const event = EVENTS[i % EVENTS.length];
          // A third named by address, the rest by contact id.
          const person =
            i % 3 === 0 ? { address: contact.channels[0].value } : { contactId: contact.id };
          const payload = {
            id: `kill-${i}`,
            occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
            ...person,
          };
          return js.publish(subjects.messaging(ws, 'email', event), codec.encode(payload), {
            headers: natsHeaders(),
          });
        }),
      );
    }
  };
  const publishing = publishAll();

  const activity = platform.get('activity');
  await waitFor(async () => (await recordedCount()) >= 1500, {
    timeoutMs: 60_000,
    what: 'ingestion to be under way',
  });
  await activity.kill('SIGKILL');
  const atKill = await recordedCount();
  expect(atKill).toBeLessThan(TOTAL);
  await publishing;
  await activity.start();

  await waitFor(async () => (await recordedCount()) === TOTAL, {
    timeoutMs: 120_000,
    intervalMs: 500,
    what: `all ${TOTAL} events recorded`,
  });
  const ids = await db
    .collection('timeline_entries')
    .distinct('sourceEventId', { workspaceId: ws, anchorType: 'contact' });
  expect(ids.filter((id: string) => id.startsWith('kill-'))).toHaveLength(TOTAL);
  // Each on the timeline of the contact it named.
  const misfiled = await db
    .collection('timeline_entries')
    .find({ workspaceId: ws, sourceEventId: { $in: ['kill-0', 'kill-41', 'kill-9999'] } })
    .toArray();
  expect(misfiled.map((e) => [e.sourceEventId, e.anchorId]).sort()).toEqual(
    [
      ['kill-0', contacts[0].id],
      ['kill-41', contacts[1].id],
      ['kill-9999', contacts[9999 % CONTACTS].id],
    ].sort(),
  );

  const recorded = await waitFor(
    async () => {
      const all = await storedMessages<{ data: { entryId: string } }>(
        nc,
        subjects.stream('events').name,
        subjects.event(ws, 'activity.recorded'),
      );
      return all.length >= TOTAL ? all : undefined;
    },
    { timeoutMs: 30_000, what: 'activity.recorded for every event' },
  );
  expect(recorded).toHaveLength(TOTAL);
  expect(new Set(recorded.map((r) => r.data.entryId)).size).toBe(TOTAL);
}, 300_000);
