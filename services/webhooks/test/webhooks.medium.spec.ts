import { JSONCodec, type NatsConnection } from 'nats';
import {
  RPC,
  type EventEnvelope,
  type RequestContext,
  type WebhookWithSecret,
} from '@switchboard/contracts';
import { newId, RpcClient, SubjectNamespace } from '@switchboard/messaging';
import type { RunningService } from '@switchboard/runtime';
import {
  NatsTap,
  startInProcess,
  TEST_WEBHOOK_SECRET_KEYS,
  testNamespace,
  waitFor,
  WebhookReceiver,
} from '@switchboard/testing';
import { webhooksService } from '../src/app.module';
import { WebhooksConfig } from '../src/config';
import { verify } from '../src/deliveries/signing';

const ns = testNamespace();
const subjects = new SubjectNamespace(ns.natsPrefix);
let service: RunningService;
let rpc: RpcClient;
let nc: NatsConnection;
let receiver: WebhookReceiver;

const ctx = (workspaceId: string) =>
  ({
    workspaceId,
    actor: { type: 'user', id: 'owner-1' },
    role: 'owner',
    capabilities: ['webhooks.manage'],
    scope: 'all',
    requestId: newId(),
  }) satisfies RequestContext;
const err = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );

/** Publishes a domain event on CRM_EVENTS, as a service's outbox relay would. */
async function publish(ws: string, type: string, data: Record<string, unknown> = {}) {
  const event: EventEnvelope = {
    id: newId(),
    type,
    version: 1,
    workspaceId: ws,
    occurredAt: new Date().toISOString(),
    actor: { type: 'user', id: 'u1' },
    aggregate: { type: type.split('.')[0], id: newId(), version: 1 },
    data,
  };
  await nc.jetstream().publish(subjects.event(ws, type), JSONCodec().encode(event), {
    msgID: event.id,
  });
  return event;
}

const create = (ws: string, input: Record<string, unknown>): Promise<WebhookWithSecret> =>
  rpc.call(RPC.webhooks.create, ctx(ws), { url: receiver.url, ...input } as never);

beforeAll(async () => {
  receiver = await WebhookReceiver.start();
  service = await startInProcess(ns, 'webhooks', WebhooksConfig, webhooksService, {
    WEBHOOK_ALLOWED_ADDRESSES: 'loopback',
    WEBHOOK_ALLOW_HTTP: 'true',
    WEBHOOK_RETRY_BASE_MS: '20',
    WEBHOOK_RETRY_MAX_MS: '50',
    // Any failure switches the endpoint off: what the 3-day rule does, without the 3 days.
    WEBHOOK_DISABLE_AFTER_MS: '0',
    WEBHOOK_SECRET_KEYS: TEST_WEBHOOK_SECRET_KEYS,
  });
  rpc = new RpcClient({ ...ns.natsOptions(), ns: subjects, signer: ns.rpcSigner() });
  await rpc.connect();
  nc = await ns.natsConnect();
});

afterAll(async () => {
  await rpc.close();
  await nc.close();
  await service.stop();
  await receiver.stop();
});

describe('webhook endpoints', () => {
  it('shows the secret once, then never', async () => {
    const w = await create('ws-a', { events: ['deal.won'] });
    expect(w.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    const got = await rpc.call(RPC.webhooks.get, ctx('ws-a'), { id: w.id });
    expect(got).toMatchObject({ id: w.id, url: receiver.url, enabled: true, events: ['deal.won'] });
    expect(got).not.toHaveProperty('secret');
    const listed = await rpc.call(RPC.webhooks.list, ctx('ws-a'), { limit: 50 });
    expect(JSON.stringify(listed)).not.toContain(w.secret);
  });

  it('keeps workspaces apart: another workspace can neither see nor change an endpoint', async () => {
    const w = await create('ws-iso-a', { events: ['deal.won'] });
    const b = ctx('ws-iso-b');
    for (const call of [
      () => rpc.call(RPC.webhooks.get, b, { id: w.id }),
      () => rpc.call(RPC.webhooks.update, b, { id: w.id, patch: { enabled: false } }),
      () => rpc.call(RPC.webhooks.delete, b, { id: w.id }),
      () => rpc.call(RPC.webhooks.rotateSecret, b, { id: w.id, options: {} }),
      () => rpc.call(RPC.webhooks.deliveries, b, { id: w.id, query: { limit: 10 } }),
      () => rpc.call(RPC.webhooks.test, b, { id: w.id }),
    ]) {
      expect(await err(call())).toMatchObject({ code: 'not_found' });
    }
    expect((await rpc.call(RPC.webhooks.list, b, { limit: 50 })).items).toEqual([]);
    expect(await rpc.call(RPC.webhooks.get, ctx('ws-iso-a'), { id: w.id })).toMatchObject({
      enabled: true,
      version: 1,
    });
  });

  it('refuses private and link-local addresses (loopback is allowed here)', async () => {
    for (const url of [
      'http://10.0.0.7/hook',
      'http://169.254.169.254/latest',
      'http://[fd00::1]/x',
    ]) {
      expect(await err(create('ws-a', { url, events: ['*'] }))).toMatchObject({
        code: 'validation_failed',
        errors: [{ path: 'url', code: 'address_refused' }],
      });
    }
  });

  it('delivers a matching event once, signed; other types and segments are not sent', async () => {
    const w = await create('ws-d', { events: ['segment.member.*'], segmentIds: ['seg-1'] });
    await publish('ws-d', 'segment.member.joined', { segmentId: 'seg-2', contactId: 'c1' });
    await publish('ws-d', 'deal.won', { contactId: 'c1' });
    const event = await publish('ws-d', 'segment.member.joined', {
      segmentId: 'seg-1',
      contactId: 'c1',
    });
    const got = await receiver.waitFor((r) => r.body.includes(event.id));
    const id = String(got.headers['webhook-id']);
    const ts = Number(got.headers['webhook-timestamp']);
    expect(verify(w.secret, String(got.headers['webhook-signature']), id, ts, got.body)).toBe(true);
    expect(JSON.parse(got.body)).toMatchObject({
      type: 'segment.member.joined',
      timestamp: event.occurredAt,
      data: { eventId: event.id, segmentId: 'seg-1', contactId: 'c1' },
    });
    const log = await waitFor(async () => {
      const page = await rpc.call(RPC.webhooks.deliveries, ctx('ws-d'), {
        id: w.id,
        query: { limit: 10 },
      });
      return page.items[0]?.status === 'succeeded' ? page : undefined;
    });
    expect(log.items).toHaveLength(1);
    expect(log.items[0]).toMatchObject({ id, eventId: event.id, attempts: 1, responseCode: 200 });
    expect(receiver.received.filter((r) => r.headers['webhook-id'] === id)).toHaveLength(1);
  });

  it('sends a sample on request', async () => {
    const w = await create('ws-t', { events: ['deal.won'] });
    const d = await rpc.call(RPC.webhooks.test, ctx('ws-t'), { id: w.id });
    expect(d).toMatchObject({ webhookId: w.id, eventType: 'webhook.test', status: 'pending' });
    const got = await receiver.waitFor((r) => r.headers['webhook-id'] === d.id);
    expect(JSON.parse(got.body)).toMatchObject({ type: 'webhook.test' });
  });

  it('switches a failing endpoint off and tells its owner with an event', async () => {
    const tap = await NatsTap.open<EventEnvelope>(nc, `${ns.natsPrefix}crm.ws-f.webhook.>`);
    const failing = await WebhookReceiver.start();
    failing.answer = () => 503;
    const w = await create('ws-f', { url: failing.url, events: ['deal.won'] });
    await publish('ws-f', 'deal.won');
    const msg = await tap.waitFor((m) => m.data.aggregate.id === w.id, 30_000);
    expect(msg.data).toMatchObject({
      type: 'webhook.endpoint.disabled',
      data: {
        webhookId: w.id,
        url: failing.url,
        owner: { type: 'user', id: 'owner-1' },
        reason: 'failing',
      },
    });
    expect(await rpc.call(RPC.webhooks.get, ctx('ws-f'), { id: w.id })).toMatchObject({
      enabled: false,
      disabledReason: 'failing',
    });
    // Switched on again by hand: a fresh start.
    const again = await rpc.call(RPC.webhooks.update, ctx('ws-f'), {
      id: w.id,
      patch: { enabled: true },
    });
    expect(again).toMatchObject({ enabled: true, disabledReason: null, failingSince: null });
    await tap.close();
    await failing.stop();
  });

  it('rotates the secret: during the overlap both secrets sign', async () => {
    const w = await create('ws-r', { events: ['deal.won'] });
    const rotated = await rpc.call(RPC.webhooks.rotateSecret, ctx('ws-r'), {
      id: w.id,
      options: { overlapSeconds: 3600 },
    });
    expect(rotated.secret).not.toBe(w.secret);
    expect(rotated.previousSecretExpiresAt).not.toBeNull();
    const d = await rpc.call(RPC.webhooks.test, ctx('ws-r'), { id: w.id });
    const got = await receiver.waitFor((r) => r.headers['webhook-id'] === d.id);
    const sig = String(got.headers['webhook-signature']);
    const ts = Number(got.headers['webhook-timestamp']);
    expect(verify(w.secret, sig, d.id, ts, got.body)).toBe(true);
    expect(verify(rotated.secret, sig, d.id, ts, got.body)).toBe(true);

    const sharp = await rpc.call(RPC.webhooks.rotateSecret, ctx('ws-r'), {
      id: w.id,
      options: { overlapSeconds: 0 },
    });
    const d2 = await rpc.call(RPC.webhooks.test, ctx('ws-r'), { id: w.id });
    const got2 = await receiver.waitFor((r) => r.headers['webhook-id'] === d2.id);
    const sig2 = String(got2.headers['webhook-signature']);
    const ts2 = Number(got2.headers['webhook-timestamp']);
    expect(verify(sharp.secret, sig2, d2.id, ts2, got2.body)).toBe(true);
    expect(verify(rotated.secret, sig2, d2.id, ts2, got2.body)).toBe(false);
  });
});
