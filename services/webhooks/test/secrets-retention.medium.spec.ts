import { randomBytes } from 'node:crypto';
import mongoose, { type Connection } from 'mongoose';
import { RPC, type RequestContext, type WebhookWithSecret } from '@switchboard/contracts';
import { newId, RpcClient, SubjectNamespace } from '@switchboard/messaging';
import type { RunningService } from '@switchboard/runtime';
import { startInProcess, testNamespace, WebhookReceiver } from '@switchboard/testing';
import { webhooksService } from '../src/app.module';
import { WebhooksConfig } from '../src/config';
import { DeliveryPurge } from '../src/deliveries/delivery-purge';
import { newSecret, verify } from '../src/deliveries/signing';
import { SecretBox } from '../src/secrets/secret-box';
import { WebhooksService } from '../src/webhooks/webhooks.service';

const ns = testNamespace();
const subjects = new SubjectNamespace(ns.natsPrefix);
const HOUR = 3600_000;
// The service seals with `current` and still opens what `old` sealed (a key rotation under way).
const oldKey = { kid: 'old', key: randomBytes(32) };
const currentKey = { kid: 'current', key: randomBytes(32) };
const keyList = [currentKey, oldKey].map((k) => `${k.kid}:${k.key.toString('base64')}`).join(',');

let service: RunningService;
let rpc: RpcClient;
let receiver: WebhookReceiver;
let db: Connection;

const ctx = (workspaceId: string) =>
  ({
    workspaceId,
    actor: { type: 'user', id: 'owner-1' },
    role: 'owner',
    capabilities: ['webhooks.manage'],
    scope: 'all',
    requestId: newId(),
  }) satisfies RequestContext;

const create = (ws: string): Promise<WebhookWithSecret> =>
  rpc.call(RPC.webhooks.create, ctx(ws), { url: receiver.url, events: ['deal.won'] });
const stored = (id: string) => db.collection('webhooks').findOne({ _id: id as never });

/** Sends a test delivery and says whether its signature verifies with `secret`. */
async function signsWith(ws: string, webhookId: string, secret: string): Promise<boolean> {
  const d = await rpc.call(RPC.webhooks.test, ctx(ws), { id: webhookId });
  const got = await receiver.waitFor((r) => r.headers['webhook-id'] === d.id);
  const sig = String(got.headers['webhook-signature']);
  return verify(secret, sig, d.id, Number(got.headers['webhook-timestamp']), got.body);
}

beforeAll(async () => {
  receiver = await WebhookReceiver.start();
  service = await startInProcess(ns, 'webhooks', WebhooksConfig, webhooksService, {
    WEBHOOK_ALLOWED_ADDRESSES: 'loopback',
    WEBHOOK_ALLOW_HTTP: 'true',
    WEBHOOK_SECRET_KEYS: keyList,
    WEBHOOK_DELIVERY_RETENTION_MS: String(24 * HOUR),
  });
  rpc = new RpcClient({ ...ns.natsOptions(), ns: subjects, signer: ns.rpcSigner() });
  await rpc.connect();
  db = await mongoose.createConnection(ns.mongoUrl, { dbName: ns.db('webhooks') }).asPromise();
});

afterAll(async () => {
  await rpc.close();
  await db.close();
  await service.stop();
  await receiver.stop();
});

describe('signing secrets at rest', () => {
  it('stores no secret in clear, neither the current one nor the one before a rotation', async () => {
    const w = await create('ws-s');
    const rotated = await rpc.call(RPC.webhooks.rotateSecret, ctx('ws-s'), {
      id: w.id,
      options: { overlapSeconds: 3600 },
    });
    const doc = await stored(w.id);
    const text = JSON.stringify(doc);
    for (const secret of [w.secret, rotated.secret]) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(secret.slice('whsec_'.length, 'whsec_'.length + 16));
    }
    expect(doc).toMatchObject({ secretKid: 'current' });
    expect(String(doc?.secret)).toMatch(/^v1\.current\./);
    expect(String(doc?.previousSecret)).toMatch(/^v1\.current\./);
    // Sealed, yet deliveries are signed with both (the overlap).
    expect(await signsWith('ws-s', w.id, rotated.secret)).toBe(true);
    expect(await signsWith('ws-s', w.id, w.secret)).toBe(true);
  });

  it('reseals under the current key what an older key sealed, or what was stored in clear', async () => {
    const base = await stored((await create('ws-k')).id);
    const underOld = newSecret();
    const inClear = newSecret();
    const docs = [
      { _id: newId(), secret: new SecretBox([oldKey]).seal(underOld), secretKid: 'old' },
      { _id: newId(), secret: inClear }, // written before sealing existed: no secretKid
    ];
    await db
      .collection('webhooks')
      .insertMany(
        docs.map((d) => ({ ...base, ...d, secretKid: d.secretKid ?? undefined })) as never,
      );
    expect(await service.app.get(WebhooksService).reseal()).toBeGreaterThanOrEqual(2);
    for (const [d, secret] of [
      [docs[0], underOld],
      [docs[1], inClear],
    ] as const) {
      const doc = await stored(d._id);
      expect(doc).toMatchObject({ secretKid: 'current' });
      expect(JSON.stringify(doc)).not.toContain(secret.slice('whsec_'.length));
      expect(await signsWith('ws-k', d._id, secret)).toBe(true);
    }
  });

  it('refuses to start without a key to seal with', () => {
    expect(() => WebhooksConfig.parse({ ...ns.env('webhooks') })).toThrow(/WEBHOOK_SECRET_KEYS/);
    expect(() =>
      WebhooksConfig.parse({ ...ns.env('webhooks'), WEBHOOK_SECRET_KEYS: 'k1:short' }),
    ).toThrow(/32 random bytes/);
  });
});

describe('delivery retention', () => {
  const delivery = (ws: string, webhookId: string, status: string, ageMs: number) => {
    const at = new Date(Date.now() - ageMs);
    return {
      _id: newId(),
      workspaceId: ws,
      webhookId,
      eventId: newId(),
      eventType: 'deal.won',
      orderKey: null,
      seq: 1,
      body: '{}',
      status,
      attempts: 1,
      responseCode: status === 'succeeded' ? 200 : 500,
      latencyMs: 3,
      attemptLog: [],
      nextAttemptAt: status === 'pending' ? new Date(Date.now() + HOUR) : null,
      retries: 0,
      createdAt: at,
      updatedAt: at,
    };
  };

  it('deletes finished deliveries older than the retention period, in every workspace', async () => {
    const a = await create('ws-ra');
    const b = await create('ws-rb');
    const old = 25 * HOUR;
    const docs = {
      oldOk: delivery('ws-ra', a.id, 'succeeded', old),
      oldFailed: delivery('ws-rb', b.id, 'failed', old),
      oldPending: delivery('ws-ra', a.id, 'pending', old),
      recent: delivery('ws-ra', a.id, 'succeeded', HOUR),
    };
    await db.collection('deliveries').insertMany(Object.values(docs) as never);
    expect(await service.app.get(DeliveryPurge).purge()).toBeGreaterThanOrEqual(2);
    const left = await db
      .collection('deliveries')
      .find({ _id: { $in: Object.values(docs).map((d) => d._id) } as never })
      .toArray();
    expect(left.map((d) => String(d._id)).sort()).toEqual(
      [docs.oldPending._id, docs.recent._id].sort(),
    );
    const log = await rpc.call(RPC.webhooks.deliveries, ctx('ws-ra'), {
      id: a.id,
      query: { limit: 10 },
    });
    expect(log.items.map((d) => d.id).sort()).toEqual(
      [docs.oldPending._id, docs.recent._id].sort(),
    );
  });
});
