import mongoose from 'mongoose';
import type { Contact, Problem, Session } from '@switchboard/contracts';
import { http } from '@switchboard/testing';
import { GatewayHarness } from './support/gateway-harness';

let h: GatewayHarness;
let owner: Session;
let db: mongoose.Connection;

beforeAll(async () => {
  h = await GatewayHarness.start({
    BODY_LIMIT_BYTES: '4096',
    CORS_ORIGINS: 'https://app.example.com',
    RATE_LIMIT_PER_ACTOR: '1000',
  });
  owner = await h.signUp();
  db = await mongoose.createConnection(h.ns.mongoUrl, { dbName: h.ns.db('contacts') }).asPromise();
});
afterAll(async () => {
  await db.close();
  await h.stop();
});

const stored = () => db.collection('contacts').countDocuments({ workspaceId: owner.workspace.id });
const create = (body: unknown, headers: Record<string, string> = {}) =>
  http<{ id: string; code?: string }>(h.url, 'POST', '/v1/contacts', {
    token: owner.accessToken,
    body,
    headers,
  });

describe('Idempotency-Key', () => {
  it('creates one record for concurrent POSTs with one key, and replays the first answer', async () => {
    const before = await stored();
    const body = { displayName: 'Once', channels: [{ type: 'email', value: 'once@example.com' }] };
    const headers = { 'idempotency-key': 'create-once-1' };
    const answers = await Promise.all(Array.from({ length: 8 }, () => create(body, headers)));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(201));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(await stored()).toBe(before + 1);
    // Same key, same body in another key order: the same answer again.
    const again = await create({ channels: body.channels, displayName: 'Once' }, headers);
    expect(again.body.id).toBe(answers[0].body.id);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });

  it('answers 422 for the same key with another body, storing nothing', async () => {
    await create({ displayName: 'First' }, { 'idempotency-key': 'k-422' });
    const before = await stored();
    const res = await create({ displayName: 'Second' }, { 'idempotency-key': 'k-422' });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('idempotency_mismatch');
    expect(await stored()).toBe(before);
  });

  it('scopes keys to the caller, and lets a failed request be retried with its key', async () => {
    const other = await h.signUp();
    const key = { 'idempotency-key': 'shared-key' };
    const mine = await create({ displayName: 'Mine' }, key);
    const theirs = await http<Contact>(h.url, 'POST', '/v1/contacts', {
      token: other.accessToken,
      body: { displayName: 'Theirs' },
      headers: key,
    });
    expect(theirs.body.id).not.toBe(mine.body.id);
    const invalid = await create({ displayName: 'X', nope: 1 }, { 'idempotency-key': 'retry-me' });
    expect(invalid.status).toBe(400);
    expect((await create({ displayName: 'X' }, { 'idempotency-key': 'retry-me' })).status).toBe(
      201,
    );
  });
});

describe('bad input', () => {
  const valid = {
    firstName: 'A',
    lastName: 'B',
    displayName: 'A B',
    channels: [{ type: 'email', value: 'ab@example.com' }],
    companyLinks: [{ companyId: 'c1' }],
    address: { city: 'Paris' },
    locale: 'fr',
    timeZone: 'Europe/Paris',
    birthMonth: 1,
    birthDay: 2,
    source: 'web',
    stage: 'lead',
    ownerId: 'u1',
    tags: ['t'],
    customFields: { plan: 'pro' },
    metadata: { k: 'v' },
    leadId: 'l1',
    linkedUserId: 'u2',
  };

  it.each(Object.keys(valid))(
    'rejects an operator object in %s, storing nothing',
    async (field) => {
      const before = await stored();
      for (const bad of [{ $gt: '' }, [{ $ne: null }], { nested: { $where: '1' } }]) {
        const res = await create({ ...valid, [field]: bad });
        expect({ field, status: res.status }).toEqual({ field, status: 400 });
        expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      }
      expect(await stored()).toBe(before);
    },
  );

  it('rejects operator objects on the identity routes too', async () => {
    for (const [path, body] of [
      ['/v1/auth/login', { email: { $gt: '' }, password: { $gt: '' } }],
      [
        '/v1/auth/signup',
        { email: 'a@b.co', password: { $ne: 'x' }, name: 'n', workspaceName: 'w' },
      ],
      ['/v1/auth/refresh', { refreshToken: { $gt: '' } }],
    ] as const) {
      const res = await http<Problem>(h.url, 'POST', path, { body });
      expect({ path, status: res.status, code: res.body.code }).toEqual({
        path,
        status: 400,
        code: 'validation_failed',
      });
    }
    const query = await http<Problem>(h.url, 'GET', '/v1/members?limit[$gt]=1', {
      token: owner.accessToken,
    });
    expect(query.status).toBe(400);
  });

  it('answers 413 for an oversize body and 415 for another content type', async () => {
    const before = await stored();
    const big = await create({ displayName: 'x'.repeat(8000) });
    expect(big.status).toBe(413);
    expect(big.body.code).toBe('payload_too_large');
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'text/csv']) {
      const res = await http<Problem>(h.url, 'POST', '/v1/contacts', {
        token: owner.accessToken,
        headers: { 'content-type': type },
        rawBody: 'displayName=x',
      });
      expect({ type, status: res.status }).toEqual({ type, status: 415 });
      expect(res.body.code).toBe('unsupported_media_type');
    }
    const broken = await http<Problem>(h.url, 'POST', '/v1/contacts', {
      token: owner.accessToken,
      headers: { 'content-type': 'application/json' },
      rawBody: '{"displayName":',
    });
    expect(broken.status).toBe(400);
    expect(await stored()).toBe(before);
  });
});

describe('the edge', () => {
  it('reports Redis among its readiness checks', async () => {
    const ready = await http<{ checks: Record<string, boolean> }>(h.url, 'GET', '/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.checks).toMatchObject({ mongo: true, nats: true, redis: true });
  });

  it('echoes X-Request-Id, sends security headers, and answers CORS for allowed origins only', async () => {
    const res = await http(h.url, 'GET', '/v1/me', {
      token: owner.accessToken,
      headers: { 'x-request-id': 'edge-req-1', origin: 'https://app.example.com' },
    });
    expect(res.headers.get('x-request-id')).toBe('edge-req-1');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age/);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    const foreign = await http(h.url, 'GET', '/v1/me', {
      token: owner.accessToken,
      headers: { origin: 'https://evil.example.com' },
    });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    const problem = await http<Problem>(h.url, 'GET', '/v1/nope', {
      headers: { 'x-request-id': 'nf-1' },
    });
    expect(problem.status).toBe(404);
    expect(problem.body.requestId).toBe('nf-1');
  });

  it('serves the OpenAPI document and a browsable page', async () => {
    const doc = await http<{ openapi: string; paths: Record<string, unknown> }>(
      h.url,
      'GET',
      '/openapi.json',
    );
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.1.0');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/v1/contacts', '/v1/me', '/v1/api-keys/{id}']),
    );
    const page = await http<string>(h.url, 'GET', '/docs');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(page.body).toContain('/openapi.json');
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self';/);
  });

  it('serves the reference renderer from this process, and nothing else from its folder', async () => {
    const page = await http<string>(h.url, 'GET', '/docs');
    const scripts = [...page.body.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts).toEqual(['/docs/assets/scalar.js', '/docs/assets/start.js']);
    const bundle = await http<string>(h.url, 'GET', scripts[0]);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(bundle.body).toContain('createApiReference');
    const start = await http<string>(h.url, 'GET', scripts[1]);
    expect(start.body).toContain("url: '/openapi.json'");
    const other = await http<{ code: string }>(h.url, 'GET', '/docs/assets/..%2Fpackage.json');
    expect([other.status, other.body.code]).toEqual([404, 'not_found']);
  });
});
