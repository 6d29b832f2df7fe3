import type { ApiKeyCreated, Problem, Session } from '@switchboard/contracts';
import {
  http,
  Platform,
  ServiceProcess,
  signUp,
  TEST_JWT_SECRET,
  testNamespace,
} from '@switchboard/testing';

/**
 * Two gateway processes sharing one Redis and one identity database, as replicas behind a load
 * balancer: limits and revocations must hold across them, not per process.
 */
const ns = testNamespace();
let platform: Platform;
let a: ServiceProcess;
let b: ServiceProcess;
const LIMIT = 12;
const WORKSPACE_LIMIT = 20;

beforeAll(async () => {
  platform = await Platform.start(ns, ['contacts']);
  const env = ns.env('gateway', {
    JWT_SECRET: TEST_JWT_SECRET,
    RATE_LIMIT_PER_ACTOR: String(LIMIT),
    RATE_LIMIT_PER_WORKSPACE: String(WORKSPACE_LIMIT),
    RATE_LIMIT_WINDOW_S: '60',
  });
  [a, b] = await Promise.all([
    new ServiceProcess('gateway', env).start(),
    new ServiceProcess('gateway', env).start(),
  ]);
});

afterAll(async () => {
  await Promise.all([a.stop(), b.stop()]);
  await platform.stop();
});

describe('gateway replicas', () => {
  it('enforce one rate limit per caller across both processes, with Retry-After', async () => {
    const s: Session = await signUp(a.url);
    const statuses: number[] = [];
    let limited: { status: number; headers: Headers; body: Problem } | undefined;
    for (let i = 0; i < LIMIT + 4; i++) {
      const res = await http<Problem>(i % 2 ? b.url : a.url, 'GET', '/v1/me', {
        token: s.accessToken,
      });
      statuses.push(res.status);
      if (res.status === 429) limited ??= res;
    }
    expect(statuses.filter((x) => x === 200)).toHaveLength(LIMIT);
    expect(statuses.slice(LIMIT)).toEqual([429, 429, 429, 429]);
    expect(limited?.body.code).toBe('rate_limited');
    expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(limited?.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    // Another caller is not held back by this one.
    const other = await signUp(b.url);
    expect((await http(a.url, 'GET', '/v1/me', { token: other.accessToken })).status).toBe(200);
  });

  it('reject a revoked API key on the next request, on the other replica too', async () => {
    const s = await signUp(a.url);
    const key = await http<ApiKeyCreated>(a.url, 'POST', '/v1/api-keys', {
      token: s.accessToken,
      body: { name: 'crm-sync', role: 'viewer' },
    });
    expect(key.status).toBe(201);
    // B has seen (and cached) the key.
    expect((await http(b.url, 'GET', '/v1/me', { token: key.body.key })).status).toBe(200);
    const revoked = await http(a.url, 'DELETE', `/v1/api-keys/${key.body.id}`, {
      token: s.accessToken,
    });
    expect(revoked.status).toBe(204);
    const next = await http<Problem>(b.url, 'GET', '/v1/me', { token: key.body.key });
    expect(next.status).toBe(401);
    expect(next.body.code).toBe('unauthenticated');
  });

  it('apply role changes and removals made on one replica at once on the other', async () => {
    const owner = await signUp(a.url);
    const invite = await http<{ token: string }>(a.url, 'POST', '/v1/invitations', {
      token: owner.accessToken,
      body: { email: `admin-${Date.now()}@example.com`, role: 'admin' },
    });
    const admin = await http<Session>(a.url, 'POST', '/v1/auth/accept-invitation', {
      body: { token: invite.body.token, password: 'correct horse battery staple', name: 'Ad' },
    });
    const listAsAdmin = () => http(b.url, 'GET', '/v1/api-keys', { token: admin.body.accessToken });
    expect((await listAsAdmin()).status).toBe(200); // B now caches the admin role
    const demoted = await http(a.url, 'PATCH', `/v1/members/${admin.body.user.id}`, {
      token: owner.accessToken,
      body: { role: 'viewer' },
    });
    expect(demoted.status).toBe(200);
    expect((await listAsAdmin()).status).toBe(403);
    await http(a.url, 'DELETE', `/v1/members/${admin.body.user.id}`, { token: owner.accessToken });
    expect((await listAsAdmin()).status).toBe(401);
  });

  it('enforce the workspace limit over all of its callers together', async () => {
    const owner = await signUp(a.url);
    const invite = await http<{ token: string }>(a.url, 'POST', '/v1/invitations', {
      token: owner.accessToken,
      body: { email: `m-${Date.now()}@example.com`, role: 'member' },
    });
    const member = await http<Session>(b.url, 'POST', '/v1/auth/accept-invitation', {
      body: { token: invite.body.token, password: 'correct horse battery staple', name: 'M' },
    });
    const statuses: number[] = [];
    // Each caller stays within its own limit (12); together they pass the workspace's (20).
    for (let i = 0; i < 2 * LIMIT; i++) {
      const token = i % 2 ? member.body.accessToken : owner.accessToken;
      statuses.push((await http(i % 3 ? a.url : b.url, 'GET', '/v1/me', { token })).status);
    }
    // The invitation counted once against the workspace.
    expect(statuses.filter((x) => x === 200)).toHaveLength(WORKSPACE_LIMIT - 1);
    expect(statuses.filter((x) => x === 429)).toHaveLength(2 * LIMIT - (WORKSPACE_LIMIT - 1));
  });
});
