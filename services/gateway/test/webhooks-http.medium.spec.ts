import { Webhook, WebhookWithSecret, type Page, type Session } from '@switchboard/contracts';
import { http, waitFor, WebhookReceiver } from '@switchboard/testing';
import { GatewayHarness } from './support/gateway-harness';

let h: GatewayHarness;
let owner: Session;
let other: Session;
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await WebhookReceiver.start();
  h = await GatewayHarness.start();
  [owner, other] = await Promise.all([h.signUp('Hooked Co'), h.signUp('Other Co')]);
});
afterAll(async () => {
  await h.stop();
  await receiver.stop();
});

const call = <T = unknown>(s: Session, method: string, path: string, body?: unknown) =>
  http<T>(h.url, method, path, { token: s.accessToken, body });
const PROBLEM = /^application\/problem\+json/;

describe('webhooks over HTTP', () => {
  it("keeps workspaces apart: another workspace's endpoint is a 404 problem, never data", async () => {
    const created = await call<WebhookWithSecret>(owner, 'POST', '/v1/webhooks', {
      url: receiver.url,
      events: ['deal.won'],
    });
    expect(created.status).toBe(201);
    const id = WebhookWithSecret.parse(created.body).id;
    for (const [method, path, body] of [
      ['GET', `/v1/webhooks/${id}`],
      ['PATCH', `/v1/webhooks/${id}`, { enabled: false }],
      ['DELETE', `/v1/webhooks/${id}`],
      ['POST', `/v1/webhooks/${id}/secret/rotate`, {}],
      ['GET', `/v1/webhooks/${id}/deliveries`],
      ['POST', `/v1/webhooks/${id}/test`],
    ] as const) {
      const res = await call(other, method, path, body);
      expect({ method, path, status: res.status }).toEqual({ method, path, status: 404 });
      expect(res.headers.get('content-type')).toMatch(PROBLEM);
      expect(res.body).toMatchObject({ code: 'not_found' });
    }
    const theirs = await call<Page<Webhook>>(other, 'GET', '/v1/webhooks');
    expect(theirs.body.items).toEqual([]);
    const mine = await call<Webhook>(owner, 'GET', `/v1/webhooks/${id}`);
    expect(mine.body).toMatchObject({ id, enabled: true, version: 1 });
  });

  it('answers bad input with problem documents naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ url: receiver.url, events: [] }, 'events'],
      [{ url: 'ftp://example.com/x', events: ['*'] }, 'url'],
      [{ url: receiver.url, events: ['Deal Won'] }, 'events.0'],
      [{ url: receiver.url, events: ['*'], colour: 'red' }, 'colour'],
    ];
    for (const [body, path] of cases) {
      const res = await call(owner, 'POST', '/v1/webhooks', body);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(PROBLEM);
      expect(res.body).toMatchObject({ code: 'validation_failed' });
      expect((res.body as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain(
        path,
      );
    }
  });

  it('retries a finished delivery by hand; another workspace gets a 404', async () => {
    const created = await call<WebhookWithSecret>(owner, 'POST', '/v1/webhooks', {
      url: receiver.url,
      events: ['deal.won'],
    });
    const id = created.body.id;
    const sample = await call<{ id: string }>(owner, 'POST', `/v1/webhooks/${id}/test`);
    expect(sample.status).toBe(202);
    await waitFor(async () => {
      const log = await call<{ items: { id: string; status: string }[] }>(
        owner,
        'GET',
        `/v1/webhooks/${id}/deliveries?status=succeeded`,
      );
      return log.body.items.some((d) => d.id === sample.body.id) || undefined;
    });
    const retry = `/v1/webhooks/${id}/deliveries/${sample.body.id}/retry`;
    const first = await call<{ status: string }>(owner, 'POST', retry);
    expect(first.status).toBe(202);
    expect(first.body).toMatchObject({ status: 'pending' });
    // Delivered twice: once sent, once retried; same webhook-id (receivers deduplicate on it).
    await receiver.waitFor(
      () => receiver.received.filter((r) => r.headers['webhook-id'] === sample.body.id).length >= 2,
    );
    const other404 = await call(other, 'POST', retry);
    expect(other404.status).toBe(404);
  });
});
