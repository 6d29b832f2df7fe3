import { randomBytes } from 'node:crypto';
import type { Problem, Session } from '@switchboard/contracts';
import type { RunningService } from '@switchboard/runtime';
import {
  http,
  signUp,
  startInProcess,
  TEST_JWT_SECRET,
  testNamespace,
  waitFor,
  type TestNamespace,
} from '@switchboard/testing';
import { gatewayService } from '../src/app.module';
import { GatewayConfig } from '../src/config';
import { ApiKeysRepository } from '../src/identity/api-keys.repository';
import { UsersRepository } from '../src/identity/users.repository';

const PASSWORD = 'correct horse battery staple';

/** A gateway alone (authentication needs no other service); replicas share the namespace. */
const gateway = (ns: TestNamespace, env: Record<string, string>): Promise<RunningService> =>
  startInProcess(ns, 'gateway', GatewayConfig, gatewayService, {
    JWT_SECRET: TEST_JWT_SECRET,
    TRUST_PROXY: 'true',
    RATE_LIMIT_PER_IP: '0',
    RATE_LIMIT_PER_ACTOR: '0',
    RATE_LIMIT_PER_WORKSPACE: '0',
    ...env,
  });

/** A well-formed API key nobody issued. */
const madeUpKey = () =>
  `sbk_${randomBytes(8).toString('hex')}_${randomBytes(32).toString('base64url')}`;
const me = (url: string, token: string, ip: string) =>
  http<Problem>(url, 'GET', '/v1/me', { token, headers: { 'x-forwarded-for': ip } });
const login = (url: string, email: string, password: string, ip: string) =>
  http<Problem>(url, 'POST', '/v1/auth/login', {
    body: { email, password },
    headers: { 'x-forwarded-for': ip },
  });

describe('failed authentications are throttled before any lookup', () => {
  let ns: TestNamespace;
  let gw: RunningService;
  let lookups: jest.SpyInstance;

  beforeAll(async () => {
    ns = testNamespace();
    gw = await gateway(ns, { AUTH_FAILURES_PER_IP: '20', AUTH_FAILURES_PER_CREDENTIAL: '5' });
    lookups = jest.spyOn(gw.app.get(ApiKeysRepository), 'findByPrefix');
  });
  afterAll(async () => {
    lookups.mockRestore();
    await gw.stop();
  });
  beforeEach(() => lookups.mockClear());

  it('remembers an unknown key, and answers 429 with Retry-After once it failed too often', async () => {
    const key = madeUpKey();
    const answers = [];
    for (let i = 0; i < 8; i++) answers.push(await me(gw.url, key, '10.0.0.1'));
    expect(answers.slice(0, 5).map((a) => a.status)).toEqual(Array(5).fill(401));
    for (const blocked of answers.slice(5)) {
      expect(blocked.status).toBe(429);
      expect(blocked.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(blocked.body.code).toBe('rate_limited');
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    }
    // One database read for eight attempts: the rest came from the negative cache or the throttle.
    expect(lookups).toHaveBeenCalledTimes(1);
  });

  it('limits an address trying many made-up keys, with no lookup past the limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await me(gw.url, madeUpKey(), '10.0.0.2')).status);
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(statuses.slice(20)).toEqual(Array(10).fill(429));
    expect(lookups).toHaveBeenCalledTimes(20);
    // Another address is not held back by this one's failures.
    expect((await me(gw.url, madeUpKey(), '10.0.0.3')).status).toBe(401);
  });

  it('counts malformed tokens and bad refresh tokens as failures too', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++)
      statuses.push((await me(gw.url, `garbage${i}`, '10.0.0.4')).status);
    for (let i = 0; i < 10; i++) {
      const res = await http(gw.url, 'POST', '/v1/auth/refresh', {
        body: { refreshToken: `${'0'.repeat(26)}.nope${i}` },
        headers: { 'x-forwarded-for': '10.0.0.4' },
      });
      statuses.push(res.status);
    }
    expect(statuses.filter((s) => s === 429)).toHaveLength(2);
    expect(statuses.slice(-2)).toEqual([429, 429]);
  });
});

describe('logins are throttled per account, across gateway replicas', () => {
  let ns: TestNamespace;
  let a: RunningService;
  let b: RunningService;
  let userLookups: jest.SpyInstance;

  beforeAll(async () => {
    ns = testNamespace();
    // A long lock: the lock assertions never race its expiry.
    const env = { LOGIN_LOCKOUT_AFTER: '5', LOGIN_LOCKOUT_BASE_MS: '60000' };
    [a, b] = await Promise.all([gateway(ns, env), gateway(ns, env)]);
    userLookups = jest.spyOn(a.app.get(UsersRepository), 'findByEmail');
  });
  afterAll(async () => {
    userLookups.mockRestore();
    await Promise.all([a.stop(), b.stop()]);
  });

  it('locks an account after 5 failures on any replica, even for the right password', async () => {
    const owner: Session = await signUp(a.url);
    const email = owner.user.email;
    const statuses: number[] = [];
    // Alternating replicas and addresses: the count is the account's, shared through Redis.
    for (let i = 0; i < 5; i++) {
      const via = i % 2 ? b : a;
      statuses.push((await login(via.url, email, 'wrong password', `10.1.0.${i}`)).status);
    }
    expect(statuses).toEqual(Array(5).fill(401));
    userLookups.mockClear();
    for (const via of [a, b]) {
      const res = await login(via.url, email, PASSWORD, '10.1.1.1');
      expect(res.status).toBe(429);
      expect(res.body.code).toBe('rate_limited');
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(1);
    }
    // Refused before the user lookup (and so before the password hash).
    expect(userLookups).not.toHaveBeenCalled();
  });

  it('resets the count on a successful login', async () => {
    const owner = await signUp(b.url);
    const email = owner.user.email;
    for (let i = 0; i < 4; i++)
      expect((await login(a.url, email, 'wrong', '10.2.0.1')).status).toBe(401);
    expect((await login(b.url, email, PASSWORD, '10.2.0.1')).status).toBe(200);
    for (let i = 0; i < 4; i++)
      expect((await login(b.url, email, 'wrong', '10.2.0.1')).status).toBe(401);
    expect((await login(a.url, email, PASSWORD, '10.2.0.1')).status).toBe(200);
  });
});

describe('a login lock expires', () => {
  it('lets the right password in once the lock has passed', async () => {
    const ns = testNamespace();
    const gw = await gateway(ns, { LOGIN_LOCKOUT_AFTER: '2', LOGIN_LOCKOUT_BASE_MS: '300' });
    try {
      const owner = await signUp(gw.url);
      const email = owner.user.email;
      for (let i = 0; i < 2; i++)
        expect((await login(gw.url, email, 'wrong', '10.3.0.1')).status).toBe(401);
      const ok = await waitFor(async () => {
        const res = await login(gw.url, email, PASSWORD, '10.3.0.1');
        return res.status === 200 ? res : undefined;
      });
      expect(ok.status).toBe(200);
    } finally {
      await gw.stop();
    }
  });
});
