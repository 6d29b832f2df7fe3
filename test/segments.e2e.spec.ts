import { headers as natsHeaders, JSONCodec, type NatsConnection } from 'nats';
import IORedis from 'ioredis';
import type { Contact, EventEnvelope, Session } from '@switchboard/contracts';
import { SubjectNamespace } from '@switchboard/messaging';
import { EvaluationQueue } from '@switchboard/segment-store';
import {
  http,
  NatsTap,
  newContact,
  Platform,
  signUp,
  storedMessages,
  testNamespace,
  waitFor,
  type TappedMessage,
} from '@switchboard/testing';

/**
 * Dynamic segments as a campaign system sees them (issue 5): it subscribes to
 * `crm.<ws>.segment.member.>` on plain NATS, defines segments over HTTP and acts on who joins
 * and leaves. Contacts change through the gateway, messaging events arrive on
 * `messaging.<ws>.email.*` like a messaging service would publish them; the only way in besides
 * HTTP and NATS is `EvaluationQueue.sweep` with a moved clock (the scheduled sweep, run now).
 */
interface SegmentView {
  id: string;
  name: string;
  type: 'static' | 'dynamic';
  status: 'evaluating' | 'ready';
  memberCount: number;
}
interface MemberView {
  contactId: string;
  via: 'rule' | 'explicit';
  joinedAt: string;
}
interface MemberChanged {
  segmentId: string;
  segmentName: string;
  contactId: string;
  via: 'rule' | 'explicit';
  contact: {
    displayName: string;
    channels: { type: string; value: string; subscribed: boolean; suppressed: boolean }[];
  };
}
type Member = EventEnvelope<MemberChanged>;

const ns = testNamespace();
const subjects = new SubjectNamespace(ns.natsPrefix);
const codec = JSONCodec();
const DAY = 86_400_000;
/** A segment change reaches its events through BullMQ, the worker and the relay. */
const EVENT_TIMEOUT_MS = 30_000;
let platform: Platform;
let nc: NatsConnection;
let redis: IORedis;
let queue: EvaluationQueue;
/** Every membership event of every workspace of this run, as core NATS delivers them. */
let all: NatsTap<Member>;

const call = <T>(s: Session, method: string, path: string, body?: unknown) =>
  http<T>(platform.gatewayUrl, method, path, { token: s.accessToken, body });

/** A campaign system's subscription to one workspace's membership changes. */
const subscribe = (s: Session) =>
  NatsTap.open<Member>(nc, `${ns.natsPrefix}crm.${s.workspace.id}.segment.member.>`);

const is =
  (kind: 'joined' | 'left', segmentId: string, contactId: string) => (m: TappedMessage<Member>) =>
    m.data.type === `segment.member.${kind}` &&
    m.data.data.segmentId === segmentId &&
    m.data.data.contactId === contactId;

/** Distinct events (by event id: a core subscriber may see a publish JetStream dropped as a duplicate). */
const distinct = (tap: NatsTap<Member>, match: (m: TappedMessage<Member>) => boolean) =>
  new Set(tap.messages.filter(match).map((m) => m.data.id)).size;

const arrives = (
  tap: NatsTap<Member>,
  kind: 'joined' | 'left',
  segmentId: string,
  contactId: string,
) => tap.waitFor(is(kind, segmentId, contactId), EVENT_TIMEOUT_MS);

async function createSegment(s: Session, body: Record<string, unknown>): Promise<SegmentView> {
  const res = await call<SegmentView>(s, 'POST', '/v1/segments', body);
  expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
  expect(res.body).toMatchObject({ name: body.name, type: body.type });
  return res.body;
}

/** Waits for the segment's full evaluation of its current definition. */
const ready = (s: Session, id: string) =>
  waitFor(
    async () => {
      const res = await call<SegmentView>(s, 'GET', `/v1/segments/${id}`);
      return res.status === 200 && res.body.status === 'ready' ? res.body : undefined;
    },
    { timeoutMs: EVENT_TIMEOUT_MS, what: `segment ${id} to be ready` },
  );

async function members(s: Session, id: string): Promise<MemberView[]> {
  const res = await call<{ items: MemberView[]; nextCursor: string | null }>(
    s,
    'GET',
    `/v1/segments/${id}/members?limit=200`,
  );
  expect(res.status).toBe(200);
  return res.body.items;
}

/** As a messaging service publishes: JetStream, the event's own id, no Nats-Msg-Id. */
const report = (ws: string, event: string, payload: Record<string, unknown>) =>
  nc.jetstream().publish(subjects.messaging(ws, 'email', event), codec.encode(payload), {
    headers: natsHeaders(),
  });

beforeAll(async () => {
  // What Platform.start does, with the platform assigned first: afterAll then also stops the
  // processes that did start when another one fails to.
  platform = new Platform(ns);
  await Promise.all(
    (['gateway', 'contacts', 'segments', 'segment-worker', 'activity'] as const).map((s) =>
      platform.startOne(s),
    ),
  );
  nc = await ns.natsConnect();
  all = await NatsTap.open<Member>(nc, `${ns.natsPrefix}crm.*.segment.member.>`);
  redis = new IORedis(ns.redisUrl, { maxRetriesPerRequest: null });
  queue = new EvaluationQueue(redis, ns.queuePrefix);
});

afterAll(async () => {
  await queue?.close();
  redis?.disconnect();
  await nc?.close();
  await platform?.stop();
});

describe('segments end to end, as a campaign system', () => {
  let alice: Session;
  let bob: Session;
  let vip: SegmentView;
  let tap: NatsTap<Member>;

  beforeAll(async () => {
    [alice, bob] = await Promise.all([signUp(platform.gatewayUrl), signUp(platform.gatewayUrl)]);
    tap = await subscribe(alice);
  });

  it('a contact that comes to match joins with its channels, and leaves when it stops matching', async () => {
    const ws = alice.workspace.id;
    const ada = await newContact(platform.gatewayUrl, alice.accessToken, {
      firstName: 'Ada',
      lastName: 'Lovelace',
      stage: 'lead',
      channels: [
        { type: 'email', value: `Ada-${ns.id}@Example.com`, primary: true },
        { type: 'email', value: `ada-old-${ns.id}@example.com` },
        { type: 'email', value: `ada-news-${ns.id}@example.com` },
      ],
    });
    const [primary, bounced, unsubscribed] = ada.channels.map((c) => c.value);
    expect(primary).toBe(`ada-${ns.id}@example.com`);

    // Invalid definitions are refused with a code, before anything is stored.
    const bad = await call<{ code: string }>(alice, 'POST', '/v1/segments', {
      name: 'Broken',
      type: 'dynamic',
      filter: { field: 'stage', op: 'has_any', value: 'customer' },
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(bad.body.code).toBe('validation_failed');

    vip = await createSegment(alice, {
      name: 'VIP customers',
      type: 'dynamic',
      filter: {
        and: [
          { field: 'stage', op: 'eq', value: 'customer' },
          { field: 'tags', op: 'has_any', value: ['vip'] },
        ],
      },
    });
    expect((await ready(alice, vip.id)).memberCount).toBe(0);
    // Another workspace does not see it.
    expect((await call(bob, 'GET', `/v1/segments/${vip.id}`)).status).toBe(404);

    // A messaging service reports a hard bounce and an unsubscribe on two of Ada's addresses.
    const now = Date.now();
    await report(ws, 'bounced', {
      id: `bounce-${ada.id}`,
      occurredAt: new Date(now - 60_000).toISOString(),
      address: bounced,
      detail: { bounceType: 'hard' },
    });
    await report(ws, 'unsubscribed', {
      id: `unsub-${ada.id}`,
      occurredAt: new Date(now - 30_000).toISOString(),
      address: unsubscribed,
    });
    await waitFor(
      async () => {
        const res = await call<Contact>(alice, 'GET', `/v1/contacts/${ada.id}`);
        const [, b, u] = res.body.channels;
        return Boolean(b.suppression) && !u.subscribed;
      },
      { timeoutMs: 20_000, what: "Ada's bounce and unsubscribe on the contact" },
    );

    // Ada becomes a VIP customer over HTTP: the campaign system hears it.
    const patched = await call<Contact>(alice, 'PATCH', `/v1/contacts/${ada.id}`, {
      stage: 'customer',
      tags: ['vip', 'newsletter'],
    });
    expect(patched.status).toBe(200);
    const joined = await arrives(tap, 'joined', vip.id, ada.id);
    expect(joined.subject).toBe(`${ns.natsPrefix}crm.${ws}.segment.member.joined`);
    expect(joined.headers?.get('Nats-Msg-Id')).toBe(joined.data.id);
    expect(joined.data).toMatchObject({
      type: 'segment.member.joined',
      workspaceId: ws,
      data: {
        segmentId: vip.id,
        segmentName: 'VIP customers',
        contactId: ada.id,
        via: 'rule',
        contact: { displayName: 'Ada Lovelace' },
      },
    });
    // The unsubscribed address is opted out and on the suppression list (decisions 0120, 0121).
    expect(joined.data.data.contact.channels).toEqual([
      { type: 'email', value: primary, subscribed: true, suppressed: false, consent: 'unknown' },
      { type: 'email', value: bounced, subscribed: true, suppressed: true, consent: 'unknown' },
      {
        type: 'email',
        value: unsubscribed,
        subscribed: false,
        suppressed: true,
        consent: 'opted_out',
      },
    ]);
    expect(await members(alice, vip.id)).toEqual([
      { contactId: ada.id, via: 'rule', joinedAt: expect.any(String) },
    ]);
    expect((await call<SegmentView>(alice, 'GET', `/v1/segments/${vip.id}`)).body).toMatchObject({
      memberCount: 1,
      status: 'ready',
    });
    const segmentsOfAda = await call<unknown>(alice, 'GET', `/v1/contacts/${ada.id}/segments`);
    expect(segmentsOfAda.status).toBe(200);
    expect(JSON.stringify(segmentsOfAda.body)).toContain(vip.id);

    // The vip tag goes: Ada leaves.
    const untagged = await call(alice, 'POST', `/v1/contacts/${ada.id}/tags`, { remove: ['vip'] });
    expect(untagged.status).toBe(200);
    const left = await arrives(tap, 'left', vip.id, ada.id);
    expect(left.data).toMatchObject({
      type: 'segment.member.left',
      workspaceId: ws,
      data: { segmentId: vip.id, contactId: ada.id, via: 'rule' },
    });
    expect(left.data.data.contact.channels.map((c) => c.value)).toEqual([
      primary,
      bounced,
      unsubscribed,
    ]);
    expect(await members(alice, vip.id)).toEqual([]);
    expect(distinct(tap, is('joined', vip.id, ada.id))).toBe(1);
    expect(distinct(tap, is('left', vip.id, ada.id))).toBe(1);
  });

  it('an explicit include keeps a non-matching contact in, an explicit exclude keeps a matching one out', async () => {
    const grace = await newContact(platform.gatewayUrl, alice.accessToken, {
      firstName: 'Grace',
      lastName: 'Hopper',
      stage: 'lead',
    });
    const henry = await newContact(platform.gatewayUrl, alice.accessToken, {
      firstName: 'Henry',
      lastName: 'Ford',
      stage: 'customer',
      tags: ['vip'],
    });
    const sam = await newContact(platform.gatewayUrl, alice.accessToken, {
      firstName: 'Sam',
      lastName: 'Sentinel',
      stage: 'lead',
      tags: ['sentinel'],
    });
    await arrives(tap, 'joined', vip.id, henry.id);

    // Bob cannot touch Alice's segment.
    expect(
      (await call(bob, 'POST', `/v1/segments/${vip.id}/members`, { add: [grace.id] })).status,
    ).toBe(404);

    const changed = await call(alice, 'POST', `/v1/segments/${vip.id}/members`, {
      add: [grace.id],
      remove: [henry.id],
    });
    expect(changed.status).toBeLessThan(300);
    const graceIn = await arrives(tap, 'joined', vip.id, grace.id);
    expect(graceIn.data.data).toMatchObject({ via: 'explicit', contactId: grace.id });
    const henryOut = await arrives(tap, 'left', vip.id, henry.id);
    expect(henryOut.data.data).toMatchObject({ via: 'explicit', contactId: henry.id });

    // Both change again in ways the rule would react to: nothing moves.
    expect(
      (await call(alice, 'PATCH', `/v1/contacts/${grace.id}`, { stage: 'churned' })).status,
    ).toBe(200);
    expect(
      (await call(alice, 'POST', `/v1/contacts/${henry.id}/tags`, { add: ['gold'] })).status,
    ).toBe(200);

    // A new definition is evaluated in full (Sam now matches): the explicit choices survive it.
    const patched = await call<SegmentView>(alice, 'PATCH', `/v1/segments/${vip.id}`, {
      filter: {
        or: [
          {
            and: [
              { field: 'stage', op: 'eq', value: 'customer' },
              { field: 'tags', op: 'has_any', value: ['vip'] },
            ],
          },
          { field: 'tags', op: 'has_any', value: ['sentinel'] },
        ],
      },
    });
    expect(patched.status).toBe(200);
    await arrives(tap, 'joined', vip.id, sam.id);
    await ready(alice, vip.id);

    const now = await members(alice, vip.id);
    expect(new Map(now.map((m) => [m.contactId, m.via]))).toEqual(
      new Map([
        [grace.id, 'explicit'],
        [sam.id, 'rule'],
      ]),
    );
    expect(distinct(tap, is('joined', vip.id, grace.id))).toBe(1);
    expect(distinct(tap, is('left', vip.id, grace.id))).toBe(0);
    expect(distinct(tap, is('joined', vip.id, henry.id))).toBe(1);
    expect(distinct(tap, is('left', vip.id, henry.id))).toBe(1);
  });

  it('three email opens within 30 days make a contact join a behavioural segment', async () => {
    const ws = alice.workspace.id;
    const opened = { activity: 'email.opened', within: { days: 30 } };
    const engaged = await createSegment(alice, {
      name: 'Engaged',
      type: 'dynamic',
      filter: { ...opened, count: { gte: 3 } },
    });
    // A probe: three opens within 60 days, which the old open below counts for.
    const probe = await createSegment(alice, {
      name: 'Opened lately',
      type: 'dynamic',
      filter: { activity: 'email.opened', count: { gte: 3 }, within: { days: 60 } },
    });
    await Promise.all([ready(alice, engaged.id), ready(alice, probe.id)]);
    const reader = await newContact(platform.gatewayUrl, alice.accessToken, {
      firstName: 'Rita',
      lastName: 'Reader',
    });
    const now = Date.now();
    const open = (key: string, agoMs: number) =>
      report(ws, 'opened', {
        id: `open-${key}-${reader.id}`,
        occurredAt: new Date(now - agoMs).toISOString(),
        contactId: reader.id,
        campaignId: 'winter',
        messageId: `m-${key}`,
      });
    await open('old', 40 * DAY);
    await open('one', 2 * DAY);
    await open('two', 3_600_000);
    await open('two', 3_600_000); // the sender retried: the same event again

    // Three opens within 60 days (one of them 40 days old), two within 30: only the probe.
    await arrives(tap, 'joined', probe.id, reader.id);
    const theirs = await call<unknown>(alice, 'GET', `/v1/contacts/${reader.id}/segments`);
    expect(JSON.stringify(theirs.body)).toContain(probe.id);
    expect(JSON.stringify(theirs.body)).not.toContain(engaged.id);
    expect(distinct(tap, is('joined', engaged.id, reader.id))).toBe(0);

    await open('three', 60_000);
    const joined = await arrives(tap, 'joined', engaged.id, reader.id);
    expect(joined.data.data).toMatchObject({
      segmentName: 'Engaged',
      via: 'rule',
      contact: {
        displayName: 'Rita Reader',
        channels: [
          { type: 'email', value: reader.channels[0].value, subscribed: true, suppressed: false },
        ],
      },
    });
    expect(await members(alice, engaged.id)).toEqual([
      { contactId: reader.id, via: 'rule', joinedAt: expect.any(String) },
    ]);
  });

  it('a relative-date segment loses a contact when the sweep runs with the clock moved on', async () => {
    const carol = await signUp(platform.gatewayUrl);
    const carolTap = await subscribe(carol);
    const fresh = await createSegment(carol, {
      name: 'New this week',
      type: 'dynamic',
      filter: { field: 'createdAt', op: 'within_last', value: { days: 7 } },
    });
    await ready(carol, fresh.id);
    const newcomer = await newContact(platform.gatewayUrl, carol.accessToken, {
      firstName: 'Nina',
      lastName: 'Newcomer',
    });
    await arrives(carolTap, 'joined', fresh.id, newcomer.id);
    expect((await ready(carol, fresh.id)).memberCount).toBe(1);

    // Eight days later (the scheduled sweep, run now with a moved clock): Nina is no longer new.
    await queue.sweep({
      workspaceId: carol.workspace.id,
      now: new Date(Date.now() + 8 * DAY).toISOString(),
    });
    const left = await arrives(carolTap, 'left', fresh.id, newcomer.id);
    expect(left.data).toMatchObject({
      workspaceId: carol.workspace.id,
      data: {
        segmentId: fresh.id,
        contactId: newcomer.id,
        via: 'rule',
        segmentName: 'New this week',
      },
    });
    expect(await members(carol, fresh.id)).toEqual([]);
    expect(
      (await call<SegmentView>(carol, 'GET', `/v1/segments/${fresh.id}`)).body.memberCount,
    ).toBe(0);
    // Nothing of Carol's workspace reached Alice's subscription, and the reverse.
    expect(tap.messages.some((m) => m.data.workspaceId !== alice.workspace.id)).toBe(false);
    expect(carolTap.messages.some((m) => m.data.workspaceId !== carol.workspace.id)).toBe(false);
    await carolTap.close();
  });

  it('each membership change is stored once in JetStream, on its own workspace subject', async () => {
    for (const m of all.messages) {
      expect(m.subject).toBe(`${ns.natsPrefix}crm.${m.data.workspaceId}.${m.data.type}`);
    }
    const stream = subjects.stream('events').name;
    const stored = await storedMessages<Member>(
      nc,
      stream,
      subjects.event(alice.workspace.id, 'segment.member.*'),
    );
    const seen = new Set(
      all.messages.filter((m) => m.data.workspaceId === alice.workspace.id).map((m) => m.data.id),
    );
    expect(stored.map((e) => e.id).sort()).toEqual([...seen].sort());
    // One event per transition: never two joins (or two leaves) of a contact in a row.
    const bySegmentContact = new Map<string, string[]>();
    for (const e of stored) {
      const key = `${e.data.segmentId}:${e.data.contactId}`;
      bySegmentContact.set(key, [...(bySegmentContact.get(key) ?? []), e.type]);
    }
    for (const [key, types] of bySegmentContact) {
      const alternating = types.every((t, i) =>
        i % 2 === 0 ? t === 'segment.member.joined' : t === 'segment.member.left',
      );
      expect({ key, types, alternating }).toEqual({ key, types, alternating: true });
    }
  });
});
