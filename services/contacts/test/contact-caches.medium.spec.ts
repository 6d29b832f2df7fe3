import type { JetStreamClient } from 'nats';
import {
  RPC,
  type Contact,
  type EventData,
  type EventEnvelope,
  type EventType,
} from '@switchboard/contracts';
import { buildEvent, newId } from '@switchboard/messaging';
import { NatsTap, waitFor } from '@switchboard/testing';
import { useContactListHarness } from './support/contact-list-harness';

/**
 * The caches kept on contacts from other services' events, fed the way those services will:
 * events published on JetStream (`crm.<ws>.segment.member.*`, `crm.<ws>.activity.recorded`).
 */
const h = useContactListHarness();
const WS = 'ws-caches';
const OTHER = 'ws-caches-other';
const SERVICE = { type: 'service' as const, id: 'test' };
let js: JetStreamClient;
let dlq: NatsTap<unknown>;
let contactEvents: NatsTap<EventEnvelope>;
let ada: Contact;
let bob: Contact;

async function publish<T extends EventType>(
  type: T,
  workspaceId: string,
  aggregateId: string,
  data: EventData<T>,
  occurredAt = new Date(),
): Promise<EventEnvelope> {
  const event = buildEvent(type, {
    workspaceId,
    actor: SERVICE,
    aggregateId,
    aggregateVersion: 1,
    occurredAt,
    data,
  });
  await js.publish(`${h.ns.natsPrefix}crm.${workspaceId}.${type}`, JSON.stringify(event), {
    msgID: event.id,
  });
  return event;
}

const member = (ws: string, c: Contact, segmentId: string, joined: boolean, at?: Date) =>
  publish(
    joined ? 'segment.member.joined' : 'segment.member.left',
    ws,
    segmentId,
    {
      segmentId,
      segmentName: `Segment ${segmentId}`,
      contactId: c.id,
      via: 'rule',
      contact: { displayName: c.displayName, channels: [] },
    },
    at,
  );

const activity = (ws: string, contactId: string, occurredAt: Date, touch = true) =>
  publish('activity.recorded', ws, newId(), {
    contactId,
    activity: touch ? 'email.replied' : 'email.opened',
    channel: 'email',
    direction: 'inbound',
    occurredAt: occurredAt.toISOString(),
    touch,
    entryId: newId(),
    campaignId: null,
    messageId: null,
  });

const stored = async (c: Contact) => (await h.stored(c.id)) as Record<string, unknown>;
const inSegment = async (segmentId: string, ws = WS) =>
  (await h.rpc.call(RPC.contacts.list, h.ctx(ws), { segmentId, sort: 'displayName' })).items.map(
    (x) => x.displayName,
  );
const until = <T>(probe: () => Promise<T | undefined | false>, what: string) =>
  waitFor(probe, { timeoutMs: 20_000, what });

beforeAll(async () => {
  js = h.nc.jetstream();
  dlq = await NatsTap.open(h.nc, `${h.ns.natsPrefix}dlq.>`);
  contactEvents = await NatsTap.open(h.nc, `${h.ns.natsPrefix}crm.*.contact.>`);
  ada = await h.create(WS, { displayName: 'Ada' });
  bob = await h.create(WS, { displayName: 'Bob' });
});

afterAll(async () => {
  await dlq.close();
  await contactEvents.close();
});

describe('segment membership cache', () => {
  it('follows joined and left events, and the list filters by it', async () => {
    await member(WS, ada, 'seg-1', true);
    await member(WS, bob, 'seg-1', true);
    await member(WS, ada, 'seg-2', true);
    await until(async () => (await inSegment('seg-1')).length === 2, 'both in seg-1');
    await until(async () => (await inSegment('seg-2')).length === 1, 'ada in seg-2');
    expect(await inSegment('seg-1')).toEqual(['Ada', 'Bob']);
    expect(await inSegment('seg-2')).toEqual(['Ada']);

    await member(WS, bob, 'seg-1', false);
    await until(async () => (await inSegment('seg-1')).length === 1, 'bob left seg-1');
    expect(await inSegment('seg-1')).toEqual(['Ada']);
    expect((await stored(bob)).segmentIds).toEqual([]);
  });

  it('ignores a late joined older than the left it follows', async () => {
    const leftAt = new Date();
    await member(WS, bob, 'seg-late', true, new Date(leftAt.getTime() - 1000));
    await until(async () => (await inSegment('seg-late')).includes('Bob'), 'bob joined');
    await member(WS, bob, 'seg-late', false, leftAt);
    await until(async () => (await inSegment('seg-late')).length === 0, 'bob left');
    // A joined from before the left, delivered after it; then a marker on the same consumer.
    await member(WS, bob, 'seg-late', true, new Date(leftAt.getTime() - 500));
    await member(WS, bob, 'seg-marker', true);
    await until(async () => (await inSegment('seg-marker')).includes('Bob'), 'marker applied');
    expect(await inSegment('seg-late')).toEqual([]);
  });

  it('a segment join does not change the ETag: version, updatedAt and If-Match hold', async () => {
    const before = await h.rpc.call(RPC.contacts.get, h.ctx(WS), { id: ada.id });
    await member(WS, ada, 'seg-3', true);
    await until(async () => (await inSegment('seg-3')).includes('Ada'), 'ada in seg-3');
    const after = await h.rpc.call(RPC.contacts.get, h.ctx(WS), { id: ada.id });
    expect(after.version).toBe(before.version);
    expect(after.updatedAt).toBe(before.updatedAt);
    expect(contactEvents.count((m) => m.data.aggregate?.id === ada.id)).toBe(1); // created only
    // A client that read the contact before the join writes with that version (If-Match).
    const edited = await h.rpc.call(RPC.contacts.update, h.ctx(WS), {
      id: ada.id,
      patch: { firstName: 'Ada', version: before.version },
    });
    expect(edited.version).toBe(before.version + 1);
    expect((await stored(ada)).segmentIds).toContain('seg-3');
  });

  it('a touch does not change the version either', async () => {
    const cy = await h.create(OTHER, { displayName: 'Cy' });
    await activity(OTHER, cy.id, new Date(Date.UTC(2026, 0, 1, 9)));
    await until(async () => (await stored(cy)).lastTouchAt != null, 'cy touched');
    const after = await h.rpc.call(RPC.contacts.get, h.ctx(OTHER), { id: cy.id });
    const before = cy;
    expect(after).toMatchObject({ version: before.version, updatedAt: before.updatedAt });
  });
});

describe('lastTouchAt cache', () => {
  it('moves forward with touches only, and sorts the list', async () => {
    const t = (m: number) => new Date(Date.UTC(2026, 0, 1, 10, m));
    await activity(WS, ada.id, t(10));
    await until(async () => (await stored(ada)).lastTouchAt != null, 'ada touched');
    // Not a touch (an open), an older touch, then a marker touch: only the marker moves it.
    await activity(WS, ada.id, t(50), false);
    await activity(WS, ada.id, t(5));
    await activity(WS, ada.id, t(20));
    await until(
      async () => new Date((await stored(ada)).lastTouchAt as Date).getTime() === t(20).getTime(),
      'ada touched at 10:20',
    );
    await activity(WS, bob.id, t(30));
    await until(async () => (await stored(bob)).lastTouchAt != null, 'bob touched');

    const got = await h.rpc.call(RPC.contacts.get, h.ctx(WS), { id: ada.id });
    expect(got.lastTouchAt).toBe(t(20).toISOString());

    // Never touched: its last touch is its creation (seed 003), in answers and in the order.
    const never = await h.create(WS, { displayName: 'Never touched' });
    expect(never.lastTouchAt).toBe(never.createdAt);
    const order: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await h.rpc.call(RPC.contacts.list, h.ctx(WS), {
        sort: '-lastTouchAt',
        limit: 1,
        ...(cursor ? { cursor } : {}),
      });
      order.push(...page.items.map((x) => x.displayName));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(order).toEqual(['Never touched', 'Bob', 'Ada']);
    const ascending = await h.rpc.call(RPC.contacts.list, h.ctx(WS), { sort: 'lastTouchAt' });
    expect(ascending.items.map((x) => x.id)).toEqual([ada.id, bob.id, never.id]);
  });
});

describe('poison and foreign events', () => {
  it('dead-letters events about contacts the workspace does not have', async () => {
    const foreign = await activity(OTHER, ada.id, new Date());
    const unknown = await member(WS, { ...ada, id: 'no-such-contact' }, 'seg-x', true);
    for (const event of [foreign, unknown]) {
      const letter = await dlq.waitFor((m) => (m.data as { id?: string }).id === event.id, 20_000);
      expect(letter.headers?.get('x-dlq-reason')).toBe('rejected');
    }
    expect((await stored(ada)).lastTouchAt).not.toBeNull();
    expect(await inSegment('seg-x')).toEqual([]);
  });

  it('dead-letters events that do not match the catalogue', async () => {
    const bad = { ...(await member(WS, ada, 'seg-ok', true)), id: newId(), data: { nope: 1 } };
    await js.publish(`${h.ns.natsPrefix}crm.${WS}.segment.member.joined`, JSON.stringify(bad), {
      msgID: bad.id,
    });
    const letter = await dlq.waitFor((m) => (m.data as { id?: string }).id === bad.id, 20_000);
    expect(letter.headers?.get('x-dlq-reason')).toBe('invalid');
  });
});
