import type { Session } from '@switchboard/contracts';
import {
  http,
  newContact,
  Platform,
  signUp,
  testNamespace,
  waitFor,
  WebhookReceiver,
  type ReceivedWebhook,
} from '@switchboard/testing';
import { verify } from '../services/webhooks/src/deliveries/signing';

/**
 * Outbound webhooks as a receiving system sees them (issue 18): endpoints registered over HTTP,
 * events made by the platform (segment membership, tags) delivered to a real HTTP server started
 * here, signed the Standard Webhooks way. The platform runs with loopback allowed and fast
 * retries (WEBHOOKS_TEST_ENV); every other private range is refused, as by default.
 */
interface WebhookView {
  id: string;
  secret: string;
  enabled: boolean;
}
interface DeliveryView {
  id: string;
  eventId: string;
  eventType: string;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: number;
  responseCode: number | null;
  latencyMs: number | null;
  attemptLog: { responseCode: number | null; latencyMs: number; error: string | null }[];
}

const ns = testNamespace();
let platform: Platform;
let alice: Session;
let receiver: WebhookReceiver;

const call = <T>(s: Session, method: string, path: string, body?: unknown) =>
  http<T>(platform.gatewayUrl, method, path, { token: s.accessToken, body });

async function register(s: Session, body: Record<string, unknown>): Promise<WebhookView> {
  const res = await call<WebhookView>(s, 'POST', '/v1/webhooks', { url: receiver.url, ...body });
  expect(res.status).toBe(201);
  return res.body;
}

const signedBy = (secret: string, r: ReceivedWebhook) =>
  verify(
    secret,
    String(r.headers['webhook-signature']),
    String(r.headers['webhook-id']),
    Number(r.headers['webhook-timestamp']),
    r.body,
  );

async function deliveries(s: Session, webhookId: string): Promise<DeliveryView[]> {
  const res = await call<{ items: DeliveryView[] }>(
    s,
    'GET',
    `/v1/webhooks/${webhookId}/deliveries?limit=50`,
  );
  expect(res.status).toBe(200);
  return res.body.items;
}

/** The tag a `contact.tag.added` delivery is about (the contact in it has all its tags). */
const tagOf = (body: string): string =>
  (JSON.parse(body) as { data: { tags: string[] } }).data.tags.join(',');

/** A static segment with `contactId` added: the segment worker publishes segment.member.joined. */
async function joinSegment(s: Session, contactId: string): Promise<string> {
  const seg = await call<{ id: string }>(s, 'POST', '/v1/segments', {
    name: `Seg ${Math.random()}`,
    type: 'static',
  });
  expect(seg.status).toBe(201);
  const added = await call(s, 'POST', `/v1/segments/${seg.body.id}/members`, { add: [contactId] });
  expect(added.status).toBeLessThan(300);
  return seg.body.id;
}

beforeAll(async () => {
  receiver = await WebhookReceiver.start();
  platform = await Platform.start(ns, [
    'gateway',
    'contacts',
    'segments',
    'segment-worker',
    'webhooks',
  ]);
  alice = await signUp(platform.gatewayUrl);
});

afterAll(async () => {
  await platform.stop();
  await receiver.stop();
});

describe('outbound webhooks', () => {
  it('a segment.member.joined reaches the endpoint once, with a valid signature', async () => {
    const hook = await register(alice, { events: ['segment.member.joined'] });
    const contact = await newContact(platform.gatewayUrl, alice.accessToken);
    const segmentId = await joinSegment(alice, contact.id);
    const got = await receiver.waitFor(
      (r) => r.type === 'segment.member.joined' && r.body.includes(segmentId),
    );
    expect(signedBy(hook.secret, got)).toBe(true);
    expect(JSON.parse(got.body)).toMatchObject({
      type: 'segment.member.joined',
      data: { segmentId, contactId: contact.id, workspaceId: alice.workspace.id },
    });
    const log = await waitFor(async () => {
      const items = await deliveries(alice, hook.id);
      return items.some((d) => d.status === 'succeeded') ? items : undefined;
    });
    // Once: one delivery of the event, one attempt, one request.
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ status: 'succeeded', attempts: 1, responseCode: 200 });
    expect(receiver.received.filter((r) => r.headers['webhook-id'] === log[0].id)).toHaveLength(1);
  });

  it('a receiver failing 3 times gets the event on the 4th attempt; the log shows all 4', async () => {
    const bob = await signUp(platform.gatewayUrl);
    const hook = await register(bob, { events: ['contact.created'] });
    receiver.answer = ({ type, count }) => (type === 'contact.created' && count <= 3 ? 500 : 200);
    const contact = await newContact(platform.gatewayUrl, bob.accessToken);
    const done = await waitFor(
      async () => {
        const items = await deliveries(bob, hook.id);
        return items.find((d) => d.status !== 'pending');
      },
      { timeoutMs: 60_000, what: 'the delivery to finish' },
    );
    receiver.answer = () => 200;
    expect(done).toMatchObject({ status: 'succeeded', attempts: 4, responseCode: 200 });
    expect(done.attemptLog.map((a) => a.responseCode)).toEqual([500, 500, 500, 200]);
    const requests = receiver.received.filter((r) => r.headers['webhook-id'] === done.id);
    expect(requests.map((r) => r.status)).toEqual([500, 500, 500, 200]);
    expect(JSON.parse(requests[3].body)).toMatchObject({ data: { contact: { id: contact.id } } });
  });

  it('after a secret rotation, old and new secrets both verify during the overlap', async () => {
    const carol = await signUp(platform.gatewayUrl);
    const hook = await register(carol, { events: ['contact.created'] });
    const rotated = await call<WebhookView>(
      carol,
      'POST',
      `/v1/webhooks/${hook.id}/secret/rotate`,
      {
        overlapSeconds: 3600,
      },
    );
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).not.toBe(hook.secret);
    const sample = await call<DeliveryView>(carol, 'POST', `/v1/webhooks/${hook.id}/test`);
    expect(sample.status).toBe(202);
    const got = await receiver.waitFor((r) => r.headers['webhook-id'] === sample.body.id);
    expect(signedBy(hook.secret, got)).toBe(true);
    expect(signedBy(rotated.body.secret, got)).toBe(true);
  });

  it('a private-address URL is refused by default, as a problem document', async () => {
    for (const url of [
      'https://10.1.2.3/hook',
      'https://192.168.0.10/hook',
      'https://169.254.169.254/',
    ]) {
      const res = await call(alice, 'POST', '/v1/webhooks', { url, events: ['*'] });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(res.body).toMatchObject({
        code: 'validation_failed',
        errors: [{ path: 'url', code: 'address_refused' }],
      });
    }
  });

  it("keeps one contact's events in order when the endpoint asks for it", async () => {
    const dave = await signUp(platform.gatewayUrl);
    const hook = await register(dave, { events: ['contact.tag.added'], orderedByContact: true });
    const contact = await newContact(platform.gatewayUrl, dave.accessToken);
    // The first tag's delivery fails twice; the second must wait for it.
    receiver.answer = ({ type, body, count }) =>
      type === 'contact.tag.added' && tagOf(body) === 'first' && count <= 2 ? 503 : 200;
    for (const tag of ['first', 'second']) {
      const res = await call(dave, 'POST', `/v1/contacts/${contact.id}/tags`, { add: [tag] });
      expect(res.status).toBe(200);
    }
    await waitFor(
      async () =>
        (await deliveries(dave, hook.id)).filter((d) => d.status === 'succeeded').length === 2,
      { timeoutMs: 60_000, what: 'both deliveries' },
    );
    receiver.answer = () => 200;
    const mine = receiver.received.filter(
      (r) => r.type === 'contact.tag.added' && r.body.includes(contact.id),
    );
    expect(mine.map((r) => `${tagOf(r.body)}:${r.status}`)).toEqual([
      'first:503',
      'first:503',
      'first:200',
      'second:200',
    ]);
  });
});
