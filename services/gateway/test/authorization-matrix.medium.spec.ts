import { DEFAULT_ROLES, type DefaultRole } from '@switchboard/contracts';
import { http } from '@switchboard/testing';
import { gatewayService } from '../src/app.module';
import { DEFAULT_ROLE_GRANTS } from '../src/access/roles';
import { GatewayConfig } from '../src/config';
import { routeTable, type RouteInfo } from '../src/http/route-table';
import { MatrixWorld, type OwnerVariant, type WorkspaceSide } from './matrix/matrix-world';
import { RECORDS, ROUTES, type RouteFixture } from './matrix/route-fixtures';
import { GatewayHarness } from './support/gateway-harness';

/**
 * Every route × every default role × own/other/unowned record × same/other workspace, expected
 * answers derived from the capability map (DEFAULT_ROLE_GRANTS) alone:
 * no capability → 403; a record of another workspace → 404 (never 403, never data);
 * scope "own" writing someone else's record → 403; otherwise the route's success status.
 */
const routes = routeTable(
  gatewayService(GatewayConfig.parse({ JWT_SECRET: 'x'.repeat(32) })).module,
);
const OWNERS: OwnerVariant[] = ['own', 'other', 'unowned'];
// Roles that read everything; read-scoped roles (factory) have their own specs (read-scope-*).
const MATRIX_ROLES = DEFAULT_ROLES.filter((r) => DEFAULT_ROLE_GRANTS[r].readScope === 'all');
const SIDES: WorkspaceSide[] = ['same', 'other'];

interface Case {
  route: RouteInfo;
  fixture: RouteFixture;
  role: DefaultRole;
  side: WorkspaceSide;
  owner?: OwnerVariant;
  expected: number;
}

function expectedStatus(c: Omit<Case, 'expected'>): number {
  const access = c.fixture.access;
  if (access === 'signed_in') return c.route.status;
  const grant = DEFAULT_ROLE_GRANTS[c.role];
  if (!grant.capabilities.includes(access as never)) return 403;
  if (c.fixture.ownerOnly && c.role !== 'owner') return 403;
  if (c.fixture.record && c.side === 'other') return 404;
  const scoped = c.fixture.ownerInBody || c.fixture.writesOwned;
  if (scoped && grant.scope === 'own' && c.owner === 'other') return 403;
  return c.route.status;
}

function casesOf(route: RouteInfo, fixture: RouteFixture): Case[] {
  const record = fixture.record;
  const variants: { side: WorkspaceSide; owner?: OwnerVariant }[] = record
    ? RECORDS[record.kind].owned
      ? SIDES.flatMap((side) => OWNERS.map((owner) => ({ side, owner })))
      : SIDES.map((side) => ({ side }))
    : fixture.ownerInBody
      ? OWNERS.map((owner) => ({ side: 'same' as const, owner }))
      : [{ side: 'same' as const }];
  return MATRIX_ROLES.flatMap((role) =>
    variants.map((v) => {
      const c = { route, fixture, role, ...v };
      return { ...c, expected: expectedStatus(c) };
    }),
  );
}

const allCases = (): Case[] =>
  routes
    .filter((r) => ROUTES[r.key] && ROUTES[r.key].access !== 'public')
    .flatMap((r) => casesOf(r, ROUTES[r.key]));
const CONTROLLERS = [...new Set(allCases().map((c) => c.route.controller))];

/** Runs `fn` over `items`, `n` at a time. */
async function pool<T, R>(items: T[], n: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]);
      }
    }),
  );
  return out;
}

describe('the route registry of the authorization matrix', () => {
  it('has an entry for every route, and no entry without a route', () => {
    const keys = routes.map((r) => r.key);
    expect(keys.filter((k) => !ROUTES[k])).toEqual([]);
    expect(Object.keys(ROUTES).filter((k) => !keys.includes(k))).toEqual([]);
  });

  it('restates exactly the access each route declares', () => {
    const declared = (r: RouteInfo) =>
      r.access?.kind === 'capability' ? r.access.capability : r.access?.kind;
    const differing = routes
      .filter((r) => ROUTES[r.key] && declared(r) !== ROUTES[r.key].access)
      .map((r) => `${r.key}: declares ${declared(r)}, registry says ${ROUTES[r.key].access}`);
    expect(differing).toEqual([]);
  });
});

describe('authorization matrix', () => {
  let h: GatewayHarness;
  let w: MatrixWorld;

  beforeAll(async () => {
    h = await GatewayHarness.start({
      RATE_LIMIT_PER_ACTOR: '0',
      RATE_LIMIT_PER_WORKSPACE: '0',
      RATE_LIMIT_PER_IP: '0',
      // Every service shares this process: on a busy CI machine a write can outlast the 5 s
      // default, and a 504 says nothing about authorization.
      RPC_TIMEOUT_MS: '30000',
    });
    w = await MatrixWorld.create(h);
  }, 180_000); // the gateway and a seeded world: over a minute on a busy machine
  afterAll(() => h.stop());

  // One test per controller and role: the whole matrix is hundreds of requests, more than one
  // test's timeout on a loaded machine; each slice fits in it many times over.
  it('walks more than a hundred cases, every controller', () => {
    expect(allCases().length).toBeGreaterThan(100);
    expect(
      allCases().filter((c) => c.owner !== 'own' && c.fixture.access !== 'signed_in').length,
    ).toBeGreaterThan(100);
  });

  describe.each(CONTROLLERS)('%s', (controller) => {
    const mine = (role: DefaultRole) =>
      allCases().filter((c) => c.route.controller === controller && c.role === role);

    it.each(DEFAULT_ROLES)(
      '%s: allows and denies exactly as the capability map says',
      async (role) => {
        expect(await failuresOf(w, mine(role), (c) => w.a[c.role].accessToken)).toEqual([]);
      },
    );

    // An API key acts with the role it is bound to. It owns nothing ("own" records are a
    // user's) and has no session (`signed_in` routes are about the session): those are left out.
    it.each(DEFAULT_ROLES)(
      '%s: an API key bound to the role gets exactly its answers',
      async (role) => {
        const cases = mine(role).filter(
          (c) => c.owner !== 'own' && c.fixture.access !== 'signed_in',
        );
        expect(await failuresOf(w, cases, (c) => w.keys[c.role], 'key')).toEqual([]);
      },
    );
  });
});

/** Runs the cases with the credential given per case; the failures, described. */
async function failuresOf(
  w: MatrixWorld,
  cases: Case[],
  credential: (c: Case) => string,
  label = 'user',
): Promise<string[]> {
  const shared = new Map<string, Promise<string>>();
  // Another workspace's record is owned by nobody there: owners must be members (decision 0110).
  const ownerIdOf = (c: Case) =>
    c.owner && c.side === 'same' ? w.ownerIdFor(c.owner, w.a[c.role]) : null;
  const sharedKey = (c: Case) =>
    c.fixture.record && !(c.fixture.record.fresh && c.expected < 300)
      ? `${c.fixture.record.kind}/${c.side}/${ownerIdOf(c)}`
      : undefined;
  const recordFor = (c: Case): Promise<string> => {
    const make = () => RECORDS[c.fixture.record!.kind].create(w, c.side, ownerIdOf(c));
    const key = sharedKey(c);
    if (!key) return make();
    if (!shared.has(key)) shared.set(key, make());
    return shared.get(key)!;
  };
  // Writes to one shared record run one at a time: concurrent writers would trip optimistic
  // concurrency (409 version_conflict), an artefact of the test, not an authorization answer.
  const queues = new Map<string, Promise<unknown>>();
  const serialised = <T>(c: Case, run: () => Promise<T>): Promise<T> => {
    const key = c.route.method === 'GET' ? undefined : sharedKey(c);
    if (!key) return run();
    const next = (queues.get(key) ?? Promise.resolve()).then(run, run);
    queues.set(key, next);
    return next;
  };

  const failures = await pool(cases, 12, (c) =>
    serialised(c, async () => {
      const actor = w.a[c.role];
      const id = c.fixture.record ? await recordFor(c) : '';
      const ownerId = c.owner && c.fixture.ownerInBody ? w.ownerIdFor(c.owner, actor) : null;
      const req = await c.fixture.request!({ w, actor, id, ownerId });
      const res = await http<{ code?: string }>(w.url, c.route.method, req.path, {
        token: req.token ?? credential(c),
        ...(req.body !== undefined ? { body: req.body } : {}),
        ...(req.rawBody !== undefined ? { rawBody: req.rawBody, headers: req.headers } : {}),
      });
      const what = `${label} ${c.role} ${c.route.key} [${c.side}${c.owner ? `/${c.owner}` : ''}]`;
      if (res.status !== c.expected)
        return `${what}: expected ${c.expected}, got ${res.status} ${res.body?.code ?? ''}`;
      if (
        res.status >= 400 &&
        !res.headers.get('content-type')?.startsWith('application/problem+json')
      )
        return `${what}: a denial that is not a problem document`;
      return undefined;
    }),
  );
  return failures.filter((f): f is string => f !== undefined);
}
