import { headers as natsHeaders, JSONCodec, type NatsConnection } from 'nats';
import {
  DeadLetter,
  ReplayDeadLettersResult,
  type Contact,
  type Page,
  type Session,
} from '@switchboard/contracts';
import { DLQ_HEADERS, newId } from '@switchboard/messaging';
import { http, NatsTap, waitFor } from '@switchboard/testing';
import { GatewayHarness } from './support/gateway-harness';

let h: GatewayHarness;
let nc: NatsConnection;
let owner: Session;
let other: Session;
let admin: Session;

beforeAll(async () => {
  h = await GatewayHarness.start();
  nc = await h.ns.natsConnect();
  [owner, other] = await Promise.all([h.signUp('Dead Letters Co'), h.signUp('Other Co')]);
  admin = await h.addMember(owner, 'admin');
});
afterAll(async () => {
  await nc.close();
  await h.stop();
});

const call = <T = unknown>(s: Session, method: string, path: string, body?: unknown) =>
  http<T>(h.url, method, path, { token: s.accessToken, body });
const wsOf = (s: Session) => s.workspace.id;
const p = (subject: string) => `${h.ns.natsPrefix}${subject}`;

async function list(s: Session, query = ''): Promise<Page<DeadLetter>> {
  const res = await call<Page<DeadLetter>>(s, 'GET', `/v1/dead-letters${query}`);
  expect(res.status).toBe(200);
  return res.body;
}

/** Every dead letter of the caller's workspace (following the cursor). */
async function all(s: Session, query = ''): Promise<DeadLetter[]> {
  const items: DeadLetter[] = [];
  let cursor: string | null = null;
  do {
    const sep = query ? '&' : '?';
    const page = await list(s, cursor ? `${query}${sep}cursor=${cursor}` : query);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/**
 * A dead letter as the activity service parks an inbound message it gave up on (`exhausted`):
 * the payload is sound, what failed was around it (fixed since).
 */
async function parked(ws: string, payload: object): Promise<void> {
  const h2 = natsHeaders();
  h2.set(DLQ_HEADERS.reason, 'exhausted');
  h2.set(DLQ_HEADERS.error, 'contacts service unavailable');
  h2.set(DLQ_HEADERS.subject, `messaging.${ws}.email.opened`);
  h2.set(DLQ_HEADERS.stream, 'MESSAGING');
  h2.set(DLQ_HEADERS.sequence, '1');
  h2.set(DLQ_HEADERS.deliveries, '5');
  h2.set(DLQ_HEADERS.consumer, 'activity-messaging');
  await nc
    .jetstream()
    .publish(
      p(`dlq.activity-messaging.messaging.${ws}.email.opened`),
      JSONCodec().encode(payload),
      {
        headers: h2,
      },
    );
}

describe('dead letters over HTTP', () => {
  it('lists a poison message the activity service parked, with why', async () => {
    const ws = wsOf(owner);
    await nc.jetstream().publish(p(`messaging.${ws}.email.opened`), new TextEncoder().encode('{'));
    const [poison] = await waitFor(async () => {
      const items = (await all(owner)).filter((d) => d.reason === 'invalid');
      return items.length > 0 ? items : undefined;
    });
    expect(poison).toMatchObject({
      consumer: 'activity-messaging',
      subject: `messaging.${ws}.email.opened`,
      stream: expect.stringContaining('MESSAGING') as string,
      eventType: 'email.opened',
      payload: null,
      replay: null,
    });
    expect(DeadLetter.parse(poison)).toBeTruthy();
    // Filters: by consumer and reason it is there; by another consumer or reason it is not.
    const ids = async (q: string) => (await all(owner, q)).map((d) => d.id);
    expect(await ids('?consumer=activity-messaging&reason=invalid')).toContain(poison?.id);
    expect(await ids('?consumer=webhooks-events')).not.toContain(poison?.id);
    expect(await ids('?reason=exhausted')).not.toContain(poison?.id);
    const later = new Date(Date.parse(poison.deadLetteredAt) + 1).toISOString();
    expect(await ids(`?since=${later}`)).not.toContain(poison?.id);
    expect(await ids(`?until=${later}`)).toContain(poison?.id);
  });

  it('replays a dead letter once fixed: republished, handled, recorded, never twice', async () => {
    const ws = wsOf(owner);
    const contact = await call<Contact>(owner, 'POST', '/v1/contacts', { displayName: 'Ada' });
    const messageId = newId();
    await parked(ws, {
      id: messageId,
      occurredAt: new Date().toISOString(),
      contactId: contact.body.id,
    });
    const dead = await waitFor(async () =>
      (await all(owner, '?reason=exhausted')).find((d) => d.eventId === messageId),
    );
    const tap = await NatsTap.open(nc, p(`messaging.${ws}.>`));
    const res = await call<ReplayDeadLettersResult>(owner, 'POST', '/v1/dead-letters/replay', {
      ids: [dead.id],
    });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      {
        id: dead.id,
        outcome: 'replayed',
        replay: {
          replayedAt: expect.any(String) as string,
          replayedBy: { type: 'user', id: owner.user.id },
        },
      },
    ]);
    // Republished to the subject it came from, and handled there: on the contact's timeline.
    const msg = await tap.waitFor((m) => m.headers?.get('x-dlq-replay-of') === dead.id);
    expect(msg.subject).toBe(p(`messaging.${ws}.email.opened`));
    await waitFor(async () => {
      const tl = await call<{ items: { sourceEventId?: string }[] }>(
        owner,
        'GET',
        `/v1/contacts/${contact.body.id}/timeline`,
      );
      return tl.body.items.some((e) => e.sourceEventId === messageId) || undefined;
    });
    // Again: nothing republished, the first replay is what the answer and the list show.
    const again = await call<ReplayDeadLettersResult>(owner, 'POST', '/v1/dead-letters/replay', {
      ids: [dead.id],
    });
    expect(again.body.items[0]).toMatchObject({
      outcome: 'already_replayed',
      replay: res.body.items[0]?.replay,
    });
    const listed = (await all(owner)).find((d) => d.id === dead.id);
    expect(listed?.replay).toEqual(res.body.items[0]?.replay);
    expect(tap.messages.filter((m) => m.headers?.get('x-dlq-replay-of') === dead.id)).toHaveLength(
      1,
    );
    await tap.close();
  });

  it('is for owners only: an admin gets 403', async () => {
    for (const [method, path, body] of [
      ['GET', '/v1/dead-letters'],
      ['POST', '/v1/dead-letters/replay', { ids: ['1'] }],
    ] as const) {
      const res = await call<{ code: string }>(admin, method, path, body);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('forbidden');
    }
  });

  it("never shows or replays another workspace's dead letters", async () => {
    const ws = wsOf(owner);
    const messageId = newId();
    await parked(ws, { id: messageId, occurredAt: new Date().toISOString(), contactId: newId() });
    const mine = await waitFor(async () => (await all(owner)).find((d) => d.eventId === messageId));
    expect((await all(other)).map((d) => d.subject.split('.')[1])).not.toContain(ws);
    const res = await call<ReplayDeadLettersResult>(other, 'POST', '/v1/dead-letters/replay', {
      ids: [mine.id],
    });
    expect(res.body.items).toEqual([{ id: mine.id, outcome: 'not_found', replay: null }]);
    expect((await all(owner)).find((d) => d.id === mine.id)?.replay).toBeNull();
  });

  it('refuses bad input with a problem', async () => {
    for (const [method, path, body] of [
      ['GET', '/v1/dead-letters?reason=bored'],
      ['GET', '/v1/dead-letters?cursor=nonsense'],
      ['POST', '/v1/dead-letters/replay', { ids: [] }],
      ['POST', '/v1/dead-letters/replay', { ids: ['x'] }],
    ] as const) {
      const res = await call<{ code: string }>(owner, method, path, body);
      expect([res.status, res.body.code]).toEqual([400, 'validation_failed']);
    }
  });
});
