import {
  AckPolicy,
  connect,
  type ConnectionOptions,
  type NatsConnection,
  type Subscription,
} from 'nats';
import {
  credsConnectionOptions,
  integrationUserCreds,
  revokeUsers,
  serviceUserCreds,
  systemUserCreds,
  type IntegrationKind,
} from '@switchboard/nats-auth';
import { ensureStreams, SubjectNamespace } from '@switchboard/messaging';
import { NatsTap, testNamespace } from '@switchboard/testing';

// What the NATS server itself enforces with the users of @switchboard/nats-auth: no anonymous
// connection, each service user and integration confined to its permission table, revocation.

jest.setTimeout(60_000);

const ns = testNamespace();
const p = ns.natsPrefix;
const subjects = new SubjectNamespace(p);
const events = subjects.stream('events').name;
const open: NatsConnection[] = [];
let admin: NatsConnection;
let tap: NatsTap;

async function connectAs(creds: string, extra: Partial<ConnectionOptions> = {}) {
  const nc = await connect({ servers: ns.natsUrl, ...credsConnectionOptions(creds), ...extra });
  open.push(nc);
  return nc;
}

async function integration(kind: IntegrationKind, workspaceId: string, integrationId: string) {
  const issued = await integrationUserCreds(ns.natsAuth, {
    integrationId,
    workspaceId,
    kind,
    prefix: p,
  });
  return { ...issued, nc: await connectAs(issued.creds) };
}

/**
 * Publishes `denied` then `allowed` on one connection: NATS keeps one publisher's order, so once
 * the tap (admin, `<p>>`) has the second, the first would have arrived before it.
 */
async function expectPublishDropped(nc: NatsConnection, denied: string, allowed: string) {
  const marker = `marker-${Math.random()}`;
  nc.publish(denied, JSON.stringify({ marker }));
  nc.publish(allowed, JSON.stringify({ marker }));
  await tap.waitFor(
    (m) => m.subject === allowed && (m.data as { marker: string }).marker === marker,
  );
  expect(tap.count((m) => m.subject === denied)).toBe(0);
}

/** The inbox prefix the connection uses for replies (nats.js keeps its options on the object). */
const inboxPrefixOf = (nc: NatsConnection) =>
  (nc as unknown as { options: ConnectionOptions }).options.inboxPrefix;

async function firstOf(sub: Subscription): Promise<string> {
  for await (const m of sub) return m.subject;
  return 'ended';
}

beforeAll(async () => {
  admin = await ns.natsConnect();
  await ensureStreams(await admin.jetstreamManager(), subjects);
  tap = await NatsTap.open(admin, `${p}>`);
});

afterAll(async () => {
  for (const nc of open) if (!nc.isClosed()) await nc.close();
  await tap.close();
  await admin.close();
});

it('refuses a connection without credentials', async () => {
  await expect(connect({ servers: ns.natsUrl, maxReconnectAttempts: 0 })).rejects.toMatchObject({
    code: 'AUTHORIZATION_VIOLATION',
  });
});

describe('service users', () => {
  it('tasks may request contacts and deals, not segments; it answers rpc.tasks only', async () => {
    const tasks = await connectAs(await serviceUserCreds(ns.natsAuth, 'tasks', p));
    await expectPublishDropped(tasks, `${p}rpc.segments.list`, `${p}rpc.contacts.list`);
    await expect(
      tasks.request(`${p}rpc.segments.list`, undefined, { timeout: 5000 }),
    ).rejects.toMatchObject({ code: 'PERMISSIONS_VIOLATION' });
    await expect(firstOf(tasks.subscribe(`${p}rpc.contacts.>`))).rejects.toThrow(
      /Permissions Violation for Subscription/,
    );
    // Its own inbox prefix, never the shared _INBOX.
    expect(inboxPrefixOf(tasks)).toBe(`_INBOX_${ns.id}_tasks`);
    await expect(firstOf(tasks.subscribe('_INBOX.>'))).rejects.toThrow(/Permissions Violation/);
  });

  it('answers a request on its own subject and may reply to the caller', async () => {
    const contacts = await connectAs(await serviceUserCreds(ns.natsAuth, 'contacts', p));
    const deals = await connectAs(await serviceUserCreds(ns.natsAuth, 'deals', p));
    contacts.subscribe(`${p}rpc.contacts.get`, { callback: (_, m) => m.respond('found') });
    await contacts.flush();
    const reply = await deals.request(`${p}rpc.contacts.get`, undefined, { timeout: 5000 });
    expect(new TextDecoder().decode(reply.data)).toBe('found');
  });

  it('publishes only its own event types', async () => {
    const deals = await connectAs(await serviceUserCreds(ns.natsAuth, 'deals', p));
    await expectPublishDropped(deals, `${p}crm.ws1.contact.created`, `${p}crm.ws1.deal.created`);
  });
});

describe('integrations', () => {
  it('campaign of A: receives A events, cannot subscribe to B, request rpc, or publish crm', async () => {
    const a = await integration('campaign', 'wsA', 'int-campaign-a');
    expect(inboxPrefixOf(a.nc)).toBe(`_INBOX_${ns.id}_int-campaign-a`);
    const got = a.nc.subscribe(`${p}crm.wsA.>`, { max: 1 });
    await a.nc.flush();
    admin.publish(`${p}crm.wsA.segment.member.joined`, '{}');
    await expect(firstOf(got)).resolves.toBe(`${p}crm.wsA.segment.member.joined`);

    await expect(firstOf(a.nc.subscribe(`${p}crm.wsB.>`))).rejects.toThrow(
      /Permissions Violation for Subscription/,
    );
    await expect(firstOf(a.nc.subscribe(`${p}dlq.>`))).rejects.toThrow(/Permissions Violation/);
    await expect(
      a.nc.request(`${p}rpc.contacts.list`, undefined, { timeout: 5000 }),
    ).rejects.toMatchObject({ code: 'PERMISSIONS_VIOLATION' });
    const m = await integration('messaging', 'wsA', 'int-messaging-a');
    await expectPublishDropped(m.nc, `${p}crm.wsA.contact.created`, `${p}messaging.wsA.email.sent`);
    await expect(
      (await a.nc.jetstreamManager({ checkAPI: false })).streams.info(events),
    ).rejects.toThrow(/Permissions Violation/);
  });

  it('campaign durable consumer: only its own name and filter; resumes after a reconnect', async () => {
    const id = 'int-durable-a';
    const first = await integration('campaign', 'wsD', id);
    const jsm = await first.nc.jetstreamManager({ checkAPI: false });
    const config = { durable_name: id, ack_policy: AckPolicy.Explicit };
    await expect(
      jsm.consumers.add(events, { ...config, filter_subject: `${p}crm.wsE.>` }),
    ).rejects.toThrow(/Permissions Violation/);
    await expect(
      jsm.consumers.add(events, {
        ...config,
        durable_name: 'someone-else',
        filter_subject: `${p}crm.wsD.>`,
      }),
    ).rejects.toThrow(/Permissions Violation/);
    await jsm.consumers.add(events, { ...config, filter_subject: `${p}crm.wsD.>` });

    const js = admin.jetstream();
    await js.publish(`${p}crm.wsE.contact.created`, JSON.stringify({ n: 0 }));
    await js.publish(`${p}crm.wsD.contact.created`, JSON.stringify({ n: 1 }));
    const read = async (nc: NatsConnection, count: number) => {
      const consumer = await nc.jetstream().consumers.get(events, id);
      const seen: number[] = [];
      while (seen.length < count) {
        const batch = await consumer.fetch({ max_messages: count - seen.length, expires: 2000 });
        for await (const msg of batch) {
          expect(msg.subject.startsWith(`${p}crm.wsD.`)).toBe(true);
          seen.push(msg.json<{ n: number }>().n);
          msg.ack();
          await msg.ackAck();
        }
      }
      return seen;
    };
    expect(await read(first.nc, 1)).toEqual([1]);
    await first.nc.close();

    // Published while the campaign system was away: the durable keeps its place.
    await js.publish(`${p}crm.wsD.contact.updated`, JSON.stringify({ n: 2 }));
    await js.publish(`${p}crm.wsE.contact.updated`, JSON.stringify({ n: 0 }));
    await js.publish(`${p}crm.wsD.contact.updated`, JSON.stringify({ n: 3 }));
    const again = await connectAs(first.creds);
    expect(await read(again, 2)).toEqual([2, 3]);
  });

  it('messaging: publishes its workspace events with JetStream acks, not another workspace', async () => {
    const m = await integration('messaging', 'wsA', 'int-messaging-pub');
    const js = m.nc.jetstream();
    const ack = await js.publish(`${p}messaging.wsA.email.sent`, '{}');
    expect(ack.stream).toBe(subjects.stream('messaging').name);
    await expect(
      js.publish(`${p}messaging.wsB.email.sent`, '{}', { timeout: 5000 }),
    ).rejects.toThrow(/Permissions Violation/);
  });
});

describe('revocation', () => {
  it('refuses the next connection and closes the open one', async () => {
    const sys = await connectAs(await systemUserCreds(ns.natsAuth));
    const revoked = await integration('campaign', 'wsR', 'int-revoked');
    const kept = await integration('campaign', 'wsR', 'int-kept');
    const closed = revoked.nc.closed();

    const started = Date.now();
    await revokeUsers(sys, ns.natsAuth, [revoked.userPublicKey]);
    await expect(closed).resolves.toMatchObject({ code: 'AUTHORIZATION_VIOLATION' });
    console.log(`revoked connection closed ${Date.now() - started} ms after the push`);

    await expect(
      connect({
        servers: ns.natsUrl,
        ...credsConnectionOptions(revoked.creds),
        maxReconnectAttempts: 0,
      }),
    ).rejects.toMatchObject({ code: 'AUTHORIZATION_VIOLATION' });
    // Others are untouched: a round trip to the server still works.
    await kept.nc.flush();
    expect(kept.nc.isClosed()).toBe(false);
  });
});
