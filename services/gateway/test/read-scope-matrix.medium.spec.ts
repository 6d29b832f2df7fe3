import { CAPABILITIES, type Page, type Session } from '@switchboard/contracts';
import { http } from '@switchboard/testing';
import { gatewayService } from '../src/app.module';
import { GatewayConfig } from '../src/config';
import { routeTable, type RouteInfo } from '../src/http/route-table';
import { MatrixWorld, unique } from './matrix/matrix-world';
import { RECORDS, ROUTES, type RecordKind } from './matrix/route-fixtures';
import { GatewayHarness } from './support/gateway-harness';

/**
 * The authorization matrix for read scopes (decision 0106): every GET route that reads one owned
 * record (contacts, companies, deals, tasks, leads, and the timelines, segments and
 * communications hanging off them) × a reader scoped "own" and one scoped "team" × a record of
 * the reader, of a teammate, of an outsider and of nobody. A readable record answers the route's
 * status, any other 404, never 403 (which would say the record exists). Lists of every owned kind
 * hold only readable records, and a pipeline board counts and sums only readable deals.
 */
const routes = routeTable(
  gatewayService(GatewayConfig.parse({ JWT_SECRET: 'x'.repeat(32) })).module,
);
type Variant = 'own' | 'teammate' | 'outsider' | 'unowned';
type Reader = 'own' | 'team';
const VARIANTS: Variant[] = ['own', 'teammate', 'outsider', 'unowned'];
const READABLE: Record<Reader, Variant[]> = { own: ['own'], team: ['own', 'teammate'] };
// Every read, and the person's data export (a read of one contact under the same scope).
const READS = [...CAPABILITIES.filter((c) => c.endsWith('.read')), 'contacts.export'];

const recordRoutes: RouteInfo[] = routes.filter((r) => {
  const kind = ROUTES[r.key]?.record?.kind;
  return r.method === 'GET' && kind !== undefined && RECORDS[kind].owned;
});

let h: GatewayHarness;
let w: MatrixWorld;
const readers = {} as Record<Reader, Session>;
let teammate: Session;

const call = <T>(as: Session, method: string, path: string, body?: unknown) =>
  http<T>(h.url, method, path, { token: as.accessToken, ...(body !== undefined ? { body } : {}) });

const ownerIdOf = (reader: Reader, v: Variant): string | null =>
  v === 'own'
    ? readers[reader].user.id
    : v === 'teammate'
      ? teammate.user.id
      : v === 'outsider'
        ? w.bystander.user.id
        : null;

/** One record per kind, reader and variant, made once. */
const made = new Map<string, Promise<string>>();
const recordOf = (kind: RecordKind, reader: Reader, v: Variant): Promise<string> => {
  const key = `${kind}/${reader}/${v}`;
  if (!made.has(key)) made.set(key, RECORDS[kind].create(w, 'same', ownerIdOf(reader, v)));
  return made.get(key)!;
};

beforeAll(async () => {
  h = await GatewayHarness.start({
    RATE_LIMIT_PER_ACTOR: '0',
    RATE_LIMIT_PER_WORKSPACE: '0',
    RATE_LIMIT_PER_IP: '0',
    // Every service shares this process: a busy CI machine must not turn a read into a 504.
    RPC_TIMEOUT_MS: '30000',
  });
  w = await MatrixWorld.create(h);
  const owner = w.a.owner;
  for (const reader of ['own', 'team'] as const) {
    const res = await call(owner, 'POST', '/v1/roles', {
      name: `reads-${reader}`,
      capabilities: READS,
      scope: reader,
      readScope: reader,
    });
    if (res.status !== 201) throw new Error(`role reads-${reader}: ${res.status}`);
    readers[reader] = await h.addMember(owner, `reads-${reader}`);
  }
  teammate = await h.addMember(owner, 'member');
  const team = await call(owner, 'POST', '/v1/teams', {
    name: `Readers ${unique()}`,
    memberIds: [readers.team.user.id, teammate.user.id],
  });
  if (team.status !== 201) throw new Error(`team: ${team.status}`);
}, 180_000); // the gateway and a seeded world: over a minute on a busy machine
afterAll(() => h.stop());

describe('the read-scope matrix', () => {
  it('covers the single-record reads of every owned kind', () => {
    const kinds = new Set(recordRoutes.map((r) => ROUTES[r.key].record!.kind));
    expect([...kinds].sort()).toEqual(['company', 'contact', 'deal', 'lead', 'task']);
  });

  // One test per route and reader: each is a handful of requests.
  describe.each(recordRoutes.map((r) => [r.key, r] as const))('%s', (_key, route) => {
    it.each(['own', 'team'] as const)(
      'scope %s: readable records answer, others are not found',
      async (reader) => {
        const fixture = ROUTES[route.key];
        const failures: string[] = [];
        for (const v of VARIANTS) {
          const id = await recordOf(fixture.record!.kind, reader, v);
          const req = await fixture.request!({ w, actor: readers[reader], id, ownerId: null });
          const res = await http<{ code?: string }>(w.url, 'GET', req.path, {
            token: readers[reader].accessToken,
          });
          const expected = READABLE[reader].includes(v) ? route.status : 404;
          if (res.status !== expected)
            failures.push(`${v}: expected ${expected}, got ${res.status} ${res.body?.code ?? ''}`);
        }
        expect(failures).toEqual([]);
      },
    );
  });
});

/** List routes of owned kinds and the field that names the owner in their items. */
const LISTS: { kind: RecordKind; path: string; owner: 'ownerId' | 'assigneeId' }[] = [
  { kind: 'contact', path: '/v1/contacts', owner: 'ownerId' },
  { kind: 'company', path: '/v1/companies', owner: 'ownerId' },
  { kind: 'deal', path: '/v1/deals', owner: 'ownerId' },
  { kind: 'task', path: '/v1/tasks', owner: 'assigneeId' },
  { kind: 'lead', path: '/v1/leads', owner: 'assigneeId' },
];

describe.each(LISTS)('the list $path', ({ kind, path, owner }) => {
  it.each(['own', 'team'] as const)(
    'scope %s: holds the readable records and nothing else',
    async (reader) => {
      const ids = Object.fromEntries(
        await Promise.all(VARIANTS.map(async (v) => [v, await recordOf(kind, reader, v)])),
      ) as Record<Variant, string>;
      const res = await call<Page<Record<string, unknown>>>(
        readers[reader],
        'GET',
        `${path}?limit=200`,
      );
      expect(res.status).toBe(200);
      const readable = READABLE[reader].map((v) => ownerIdOf(reader, v));
      expect(res.body.items.filter((i) => !readable.includes(i[owner] as string))).toEqual([]);
      const listed = res.body.items.map((i) => i.id);
      for (const v of VARIANTS)
        expect([v, listed.includes(ids[v])]).toEqual([v, READABLE[reader].includes(v)]);
    },
  );

  it('scope own: asking for another owner’s or for unowned records finds nothing', async () => {
    const param = owner === 'ownerId' ? 'ownerId' : 'assigneeId';
    const other = await call<Page<unknown>>(
      readers.own,
      'GET',
      `${path}?${param}=${w.bystander.user.id}`,
    );
    expect(other.status).toBe(200);
    expect(other.body.items).toEqual([]);
  });
});

describe('a pipeline board', () => {
  it('counts, sums and pages only the deals the reader may read', async () => {
    const owner = w.a.owner;
    const pipeline = await call<{ id: string; stages: { id: string }[] }>(
      owner,
      'POST',
      '/v1/pipelines',
      { name: `Board ${unique()}`, stages: [{ name: 'Open', category: 'open' }] },
    );
    const contactId = await w.create(owner, '/v1/contacts', { displayName: `B ${unique()}` });
    const deal = (ownerId: string | null, value: number) =>
      w.create(owner, '/v1/deals', {
        title: `Deal ${unique()}`,
        pipelineId: pipeline.body.id,
        contactId,
        amount: { value, currency: 'EUR' },
        ...(ownerId ? { ownerId } : {}),
      });
    const mine = await deal(readers.own.user.id, 10);
    await deal(w.bystander.user.id, 100);
    await deal(null, 1000);
    type Board = {
      stages: { count: number; amounts: { value: string }[]; deals: { id: string }[] }[];
    };
    const scoped = await call<Board>(readers.own, 'GET', `/v1/pipelines/${pipeline.body.id}/board`);
    expect(scoped.status).toBe(200);
    expect(scoped.body.stages[0].count).toBe(1);
    expect(scoped.body.stages[0].amounts.map((a) => Number(a.value))).toEqual([10]);
    expect(scoped.body.stages[0].deals.map((d) => d.id)).toEqual([mine]);
    const stage = await call<{ count: number; deals: { id: string }[] }>(
      readers.own,
      'GET',
      `/v1/pipelines/${pipeline.body.id}/board/stages/${pipeline.body.stages[0].id}`,
    );
    expect(stage.body.count).toBe(1);
    expect(stage.body.deals.map((d) => d.id)).toEqual([mine]);
    const full = await call<Board>(owner, 'GET', `/v1/pipelines/${pipeline.body.id}/board`);
    expect(full.body.stages[0].count).toBe(3);
    expect(full.body.stages[0].amounts.map((a) => Number(a.value))).toEqual([1110]);
  });
});
