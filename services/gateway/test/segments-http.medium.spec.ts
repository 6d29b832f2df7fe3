import type { Segment, Session } from '@switchboard/contracts';
import { http, newContact, waitFor } from '@switchboard/testing';
import { GatewayHarness } from './support/gateway-harness';

/** The segments routes over HTTP, as a client sees them: bodies, statuses, problems, tenancy. */
let h: GatewayHarness;
let owner: Session;
let stranger: Session;

beforeAll(async () => {
  h = await GatewayHarness.start();
  [owner, stranger] = await Promise.all([h.signUp(), h.signUp()]);
});
afterAll(() => h.stop());

type Problem = { code: string; errors?: { path: string; code?: string }[] };
const call = <T>(method: string, path: string, body?: unknown, as: Session = owner) =>
  http<T>(h.url, method, path, { token: as.accessToken, ...(body !== undefined ? { body } : {}) });

const CUSTOMER = { field: 'stage', op: 'eq', value: 'customer' };

describe('segments over HTTP', () => {
  it('creates, reads, edits and deletes; another workspace sees none of it', async () => {
    const created = await call<Segment>('POST', '/v1/segments', {
      name: 'Customers',
      type: 'dynamic',
      filter: CUSTOMER,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Customers',
      status: 'evaluating',
      memberCount: 0,
      definitionVersion: 1,
    });
    const id = created.body.id;
    const got = await call<Segment>('GET', `/v1/segments/${id}`);
    expect(got.status).toBe(200);
    expect(got.body.id).toBe(id);

    const patched = await call<Segment>('PATCH', `/v1/segments/${id}`, {
      filter: { and: [CUSTOMER, { field: 'tags', op: 'has_any', value: ['vip'] }] },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.definitionVersion).toBe(2);

    const list = await call<{ items: Segment[]; nextCursor: string | null }>(
      'GET',
      '/v1/segments?limit=10',
    );
    expect(list.body.items.map((s) => s.id)).toEqual([id]);

    for (const [method, path, body] of [
      ['GET', `/v1/segments/${id}`],
      ['PATCH', `/v1/segments/${id}`, { name: 'Mine now' }],
      ['DELETE', `/v1/segments/${id}`],
      ['GET', `/v1/segments/${id}/members`],
    ] as const) {
      const res = await call<Problem>(method, path, body, stranger);
      expect([method, path, res.status, res.body.code]).toEqual([method, path, 404, 'not_found']);
    }
    const theirs = await call<{ items: Segment[] }>('GET', '/v1/segments', undefined, stranger);
    expect(theirs.body.items).toEqual([]);

    const deleted = await call<Segment>('DELETE', `/v1/segments/${id}`);
    expect(deleted.status).toBe(200);
    expect((await call<Problem>('GET', `/v1/segments/${id}`)).status).toBe(404);
  });

  it('answers bad input with problems that name the path', async () => {
    const badFilter = await call<Problem>('POST', '/v1/segments', {
      name: 'Bad',
      type: 'dynamic',
      filter: { or: [CUSTOMER, { field: 'stage', op: 'has_any', value: 'x' }] },
    });
    expect(badFilter.status).toBe(400);
    expect(badFilter.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(badFilter.body).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'filter.or.1.op', code: 'op_not_allowed' }],
    });
    const unknownKey = await call<Problem>('POST', '/v1/segments', {
      name: 'X',
      type: 'static',
      colour: 'red',
    });
    expect(unknownKey.status).toBe(400);
    expect(unknownKey.body.code).toBe('validation_failed');
    const noFilter = await call<Problem>('POST', '/v1/segments', { name: 'X', type: 'dynamic' });
    expect(noFilter.body).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'filter' }],
    });

    const s = await call<Segment>('POST', '/v1/segments', { name: 'Hand', type: 'static' });
    const stray = await call<Problem>('POST', `/v1/segments/${s.body.id}/members`, {
      add: ['no-such-contact'],
    });
    expect(stray.status).toBe(400);
    expect(stray.body).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'add.0', code: 'not_found' }],
    });
    const nothing = await call<Problem>('POST', `/v1/segments/${s.body.id}/members`, {});
    expect(nothing.status).toBe(400);
  });

  it('takes explicit members, and a contact of another workspace is not found', async () => {
    const s = await call<Segment>('POST', '/v1/segments', { name: 'VIPs', type: 'static' });
    const c = await newContact(h.url, owner.accessToken, { displayName: 'Ada' });
    const res = await call<Record<string, number>>('POST', `/v1/segments/${s.body.id}/members`, {
      add: [c.id],
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ included: 1, excluded: 0, reset: 0 });
    const mine = await call<{ items: unknown[] }>('GET', `/v1/contacts/${c.id}/segments`);
    expect(mine.status).toBe(200);
    expect(
      (await call<Problem>('GET', `/v1/contacts/${c.id}/segments`, undefined, stranger)).status,
    ).toBe(404);
    const explained = await call<{ explicit: string; contactId: string }>(
      'GET',
      `/v1/segments/${s.body.id}/explain/${c.id}`,
    );
    expect(explained.status).toBe(200);
    expect(explained.body).toMatchObject({ contactId: c.id, explicit: 'include' });
    const foreign = await call<Problem>('POST', `/v1/segments/${s.body.id}/members`, {
      add: [(await newContact(h.url, stranger.accessToken, { displayName: 'Eve' })).id],
    });
    expect(foreign.body).toMatchObject({ errors: [{ path: 'add.0', code: 'not_found' }] });
  });

  it('previews a filter over the contacts as the projection has them', async () => {
    const [vip, plain] = await Promise.all([
      newContact(h.url, owner.accessToken, {
        displayName: 'Vip customer',
        stage: 'customer',
        tags: ['vip-preview'],
      }),
      newContact(h.url, owner.accessToken, { displayName: 'Plain', stage: 'customer' }),
    ]);
    const filter = { and: [CUSTOMER, { field: 'tags', op: 'has_any', value: ['vip-preview'] }] };
    const preview = await waitFor(
      async () => {
        const res = await call<{ count: number; sample: { contactId: string }[] }>(
          'POST',
          '/v1/segments/preview',
          { filter },
        );
        return res.body.count === 1 && res.body;
      },
      { what: 'the projected contact in the preview' },
    );
    expect(preview.sample.map((x) => x.contactId)).toEqual([vip.id]);
    expect(preview.sample.map((x) => x.contactId)).not.toContain(plain.id);
    const theirs = await call<{ count: number }>(
      'POST',
      '/v1/segments/preview',
      { filter },
      stranger,
    );
    expect(theirs.body.count).toBe(0);
  });
});

describe('POST /v1/admin/projections/segments/rebuild', () => {
  const REBUILD = '/v1/admin/projections/segments/rebuild';

  it('starts a rebuild of the owner’s workspace (202)', async () => {
    const res = await call<Record<string, unknown>>('POST', REBUILD);
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({
      workspaceId: owner.workspace.id,
      status: 'running',
      trigger: 'requested',
      contacts: 0,
      finishedAt: null,
    });
  });

  it.each(['admin', 'manager', 'member', 'viewer'])(
    'is refused to the role %s (403)',
    async (role) => {
      const as = await h.addMember(owner, role);
      const res = await call<Problem>('POST', REBUILD, undefined, as);
      expect(res.status).toBe(403);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(res.body.code).toBe('forbidden');
    },
  );
});
