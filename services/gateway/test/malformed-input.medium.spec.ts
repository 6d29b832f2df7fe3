import { connect } from 'node:net';
import type { z } from 'zod';
import { http } from '@switchboard/testing';
import { gatewayService } from '../src/app.module';
import { GatewayConfig } from '../src/config';
import { routeTable, type RouteInfo } from '../src/http/route-table';
import { MatrixWorld } from './matrix/matrix-world';
import { RECORDS, ROUTES } from './matrix/route-fixtures';
import { GatewayHarness } from './support/gateway-harness';

/**
 * Hostile query strings, cursors and path ids on every route: each answers a 4xx problem
 * (`validation_failed` for a cursor this API did not issue), never a 5xx. Requests are built
 * from the authorization matrix's fixtures, as the workspace owner on its own records.
 */
const routes = routeTable(
  gatewayService(GatewayConfig.parse({ JWT_SECRET: 'x'.repeat(32) })).module,
).filter((r) => ROUTES[r.key]?.request && ROUTES[r.key].access !== 'public');

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
/** Cursors no list issues: garbage, non-objects, invalid dates, operators, NUL ids. */
const FORGED_CURSORS = [
  'not-a-cursor',
  '%24gt',
  'eyJ2Ij.oxfQ',
  b64('x'),
  b64([1, 2]),
  b64({ v: 'yesterday', t: 'd', id: 'x' }),
  b64({ v: { $gt: '' }, t: 's', id: 'x' }),
  b64({ v: 'a', t: 's', id: { $ne: null } }),
  b64({ v: 'a', t: 's', id: 'x\u0000' }),
  `-updatedAt.${b64({ v: 'abc', t: 'd', id: 'x' })}`,
];
/**
 * Well-formed payloads a list may or may not have issued (the sort key's type decides): a 400
 * when the type is not the list's, a page when it is, never a 5xx.
 */
const TYPED_CURSORS = [
  b64({ v: 'abc', t: 's', id: 'x' }),
  b64({ v: 12, t: 'n', id: 'x' }),
  b64({ v: '2020-01-01T00:00:00.000Z', t: 'd', id: 'x' }),
  b64({ v: 1e308, t: 'n', id: '$gt' }),
  `createdAt.${b64({ v: 'abc', t: 's', id: 'x' })}`,
  `displayName.${b64({ v: 12, t: 'n', id: 'x' })}`,
];
/** Values for any query parameter. */
const HOSTILE_VALUES = [
  '',
  '%24gt',
  '-1',
  '1e309',
  'NaN',
  '9999-99-99',
  '%00',
  '%FF',
  'x'.repeat(600),
  encodeURIComponent('{"$ne":null}'),
];
/** Values for a path id. */
const ODD_IDS = ['%24where', '..%2F..', 'a.b', 'x'.repeat(400), '%00', '%FF', '%F0%9F%92%A9', ' '];

/** The keys of a query schema (through effects, optionals and the like). */
function queryKeys(schema: z.ZodTypeAny | undefined): string[] {
  let s = schema as
    (z.ZodTypeAny & { shape?: Record<string, unknown>; _def: Record<string, unknown> }) | undefined;
  for (let i = 0; s && !s.shape && i < 10; i++) {
    s = (s._def.schema ?? s._def.innerType ?? s._def.in) as typeof s;
  }
  return s?.shape ? Object.keys(s.shape) : [];
}

let h: GatewayHarness;
let w: MatrixWorld;

beforeAll(async () => {
  h = await GatewayHarness.start({
    RATE_LIMIT_PER_ACTOR: '0',
    RATE_LIMIT_PER_WORKSPACE: '0',
    RATE_LIMIT_PER_IP: '0',
  });
  w = await MatrixWorld.create(h);
  // Starting the gateway and seeding a world can take over a minute on a busy machine.
}, 180_000);
afterAll(() => h.stop());

/** The path (and body) of a route as the owner would send it, on a record of its own. */
async function requestOf(route: RouteInfo) {
  const fixture = ROUTES[route.key];
  const id = fixture.record ? await RECORDS[fixture.record.kind].create(w, 'same', null) : '';
  return fixture.request!({ w, actor: w.a.owner, id, ownerId: null });
}

const withQuery = (path: string, query: string) =>
  `${path}${path.includes('?') ? '&' : '?'}${query}`;

/** Runs `fn` over `items`, `n` at a time. */
async function pool<T>(items: T[], n: number, fn: (t: T) => Promise<string | undefined>) {
  const out: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) {
        const problem = await fn(items[next++]);
        if (problem) out.push(problem);
      }
    }),
  );
  return out;
}

/** What is wrong with an answer that must be a 4xx problem, or undefined. */
async function send(method: string, path: string, body?: unknown, code?: string) {
  const res = await http<{ code?: string }>(h.url, method, path, {
    token: w.a.owner.accessToken,
    ...(body !== undefined ? { body } : {}),
  });
  const what = `${method} ${path.slice(0, 120)}`;
  if (res.status >= 500) return `${what}: ${res.status} ${res.body?.code ?? ''}`;
  if (code && res.body?.code !== code)
    return `${what}: ${res.status} ${res.body?.code}, not ${code}`;
  if (res.status >= 400 && !res.headers.get('content-type')?.startsWith('application/problem+json'))
    return `${what}: ${res.status} without a problem document`;
  return undefined;
}

describe('forged cursors', () => {
  const paged = routes.filter(
    (r) => r.method === 'GET' && queryKeys(r.inputs.query).includes('cursor'),
  );

  it('covers the paged lists', () => {
    const keys = paged.map((r) => r.key);
    for (const key of [
      'GET /v1/members',
      'GET /v1/deals',
      'GET /v1/leads',
      'GET /v1/products/:id/ranking',
      'GET /v1/contacts',
    ]) {
      expect(keys).toContain(key);
    }
  });

  // One test per route: all of them at once is hundreds of requests, a race against the
  // timeout on a busy machine.
  it.each(paged.map((r) => [r.key, r] as const))(
    '%s answers 400 validation_failed to forged cursors',
    async (_key, r) => {
      const req = await requestOf(r);
      const cases = FORGED_CURSORS.map((c) => withQuery(req.path, `cursor=${c}`));
      expect(
        await pool(cases, 8, (path) => send('GET', path, undefined, 'validation_failed')),
      ).toEqual([]);
    },
  );

  it.each(paged.map((r) => [r.key, r] as const))(
    '%s answers cursors of the wrong type with 400, never 5xx',
    async (_key, r) => {
      const req = await requestOf(r);
      const cases = TYPED_CURSORS.map((c) => withQuery(req.path, `cursor=${c}`));
      expect(await pool(cases, 8, (path) => send('GET', path))).toEqual([]);
    },
  );
});

describe('hostile query parameters', () => {
  const gets = routes.filter((r) => r.method === 'GET' && queryKeys(r.inputs.query).length > 0);

  it('walk more than a hundred cases', () => {
    const perKey = HOSTILE_VALUES.length + 2;
    expect(gets.reduce((n, r) => n + queryKeys(r.inputs.query).length * perKey, 0)).toBeGreaterThan(
      100,
    );
  });

  it.each(gets.map((r) => [r.key, r] as const))(
    '%s never answers 5xx, one parameter at a time',
    async (_key, r) => {
      const req = await requestOf(r);
      const base = req.path.split('?')[0];
      const cases = queryKeys(r.inputs.query).flatMap((key) => [
        ...HOSTILE_VALUES.map((v) => withQuery(base, `${key}=${v}`)),
        withQuery(base, `${key}=1&${key}=2`),
        withQuery(base, `${key}[$gt]=`),
      ]);
      expect(await pool(cases, 8, (path) => send('GET', path))).toEqual([]);
    },
  );
});

describe('odd path ids', () => {
  const withIds = routes.filter((r) => r.path.includes('/:'));

  it('walk more than a hundred cases', () => {
    expect(withIds.length * ODD_IDS.length).toBeGreaterThan(100);
  });

  it.each(withIds.map((r) => [r.key, r] as const))('%s never answers 5xx', async (_key, r) => {
    const req = await requestOf(r);
    const cases = ODD_IDS.map((odd) => ({
      method: r.method,
      path: r.path.replace(/:\w+/g, odd),
      body: req.body,
    }));
    expect(await pool(cases, 8, (c) => send(c.method, c.path, c.body))).toEqual([]);
  });
});

describe('NUL characters', () => {
  it('are refused in bodies too (PostgreSQL under FerretDB stores none)', async () => {
    for (const body of [
      { displayName: 'a\u0000b' },
      { displayName: 'x', metadata: { 'k\u0000': 1 } },
    ]) {
      const res = await http<{ code?: string }>(h.url, 'POST', '/v1/contacts', {
        token: w.a.owner.accessToken,
        body,
      });
      expect({ status: res.status, code: res.body.code }).toEqual({
        status: 400,
        code: 'validation_failed',
      });
    }
  });
});

describe('requests the HTTP parser refuses', () => {
  it('answer a problem document, not plain JSON or a closed socket', async () => {
    const raw = (request: string) =>
      new Promise<string>((resolve, reject) => {
        const socket = connect(Number(new URL(h.url).port), '127.0.0.1');
        let text = '';
        socket.on('data', (chunk) => (text += chunk.toString()));
        socket.on('close', () => resolve(text));
        socket.on('error', reject);
        socket.write(request);
      });
    const huge = await raw(`GET /v1/companies?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(huge).toMatch(/^HTTP\/1\.1 431 /);
    expect(huge).toMatch(/content-type: application\/problem\+json/i);
    expect(JSON.parse(huge.slice(huge.indexOf('\r\n\r\n') + 4))).toMatchObject({
      status: 431,
      code: 'payload_too_large',
    });
    const garbled = await raw('NOT A REQUEST\r\n\r\n');
    expect(garbled).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(garbled.slice(garbled.indexOf('\r\n\r\n') + 4))).toMatchObject({
      code: 'validation_failed',
    });
  });
});
