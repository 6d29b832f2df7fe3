import type { Contact, Session } from '@switchboard/contracts';
import { http } from '@switchboard/testing';
import { GatewayHarness } from './support/gateway-harness';

let h: GatewayHarness;
let owner: Session;
let other: Session;

beforeAll(async () => {
  h = await GatewayHarness.start({ RATE_LIMIT_PER_ACTOR: '0', RATE_LIMIT_PER_WORKSPACE: '0' });
  [owner, other] = await Promise.all([h.signUp('Writes A'), h.signUp('Writes B')]);
});
afterAll(() => h.stop());

type Answer = Contact & { code?: string; currentVersion?: number };
const call = (
  method: string,
  path: string,
  opts: { body?: unknown; headers?: Record<string, string>; as?: Session } = {},
) =>
  http<Answer>(h.url, method, path, {
    token: (opts.as ?? owner).accessToken,
    ...(opts.body !== undefined ? { body: opts.body } : {}),
    ...(opts.headers ? { headers: opts.headers } : {}),
  });
const newContact = async (body: Record<string, unknown> = {}, as = owner) =>
  (await call('POST', '/v1/contacts', { body: { displayName: 'Etag', ...body }, as })).body;

describe('versions over HTTP', () => {
  it('sends the version as ETag and takes it back in If-Match, in any usual spelling', async () => {
    const c = await newContact();
    const got = await call('GET', `/v1/contacts/${c.id}`);
    expect(got.headers.get('etag')).toBe('"1"');

    const first = await call('PATCH', `/v1/contacts/${c.id}`, {
      body: { displayName: 'Two' },
      headers: { 'if-match': '"1"' },
    });
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).toBe('"2"');

    const stale = await call('PATCH', `/v1/contacts/${c.id}`, {
      body: { displayName: 'Lost' },
      headers: { 'if-match': 'W/"1"' },
    });
    expect(stale.status).toBe(409);
    expect(stale.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(stale.body).toMatchObject({ code: 'version_conflict', currentVersion: 2 });

    const bare = await call('PATCH', `/v1/contacts/${c.id}`, {
      body: { displayName: 'Three' },
      headers: { 'if-match': '2' },
    });
    expect(bare.status).toBe(200);
    const any = await call('PATCH', `/v1/contacts/${c.id}`, {
      body: { displayName: 'Four' },
      headers: { 'if-match': '*' },
    });
    expect(any.body).toMatchObject({ displayName: 'Four', version: 4 });
  });

  it('answers 409 for a stale body version and 400 for a malformed or disagreeing If-Match', async () => {
    const c = await newContact();
    await call('PATCH', `/v1/contacts/${c.id}`, { body: { displayName: 'Moved' } });
    const stale = await call('PATCH', `/v1/contacts/${c.id}`, {
      body: { displayName: 'Late', version: 1 },
    });
    expect(stale.body.code).toBe('version_conflict');
    for (const headers of [{ 'if-match': 'banana' }, { 'if-match': '"1", "2"' }]) {
      expect((await call('PATCH', `/v1/contacts/${c.id}`, { body: {}, headers })).status).toBe(400);
    }
    const disagree = await call('PATCH', `/v1/contacts/${c.id}`, {
      body: { displayName: 'X', version: 2 },
      headers: { 'if-match': '"1"' },
    });
    expect(disagree.status).toBe(400);
    expect((await call('GET', `/v1/contacts/${c.id}`)).body.displayName).toBe('Moved');
  });
});

describe('contact writes over HTTP', () => {
  it('archives with DELETE and restores, each answering the contact', async () => {
    const c = await newContact({ tags: ['keep'] });
    const gone = await call('DELETE', `/v1/contacts/${c.id}`);
    expect(gone.status).toBe(200);
    expect(gone.body).toMatchObject({ status: 'archived', tags: ['keep'] });
    expect(gone.headers.get('etag')).toBe('"2"');
    const back = await call('POST', `/v1/contacts/${c.id}/restore`);
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ status: 'active', tags: ['keep'], version: 3 });
  });

  it('lets exactly one of two members claim a contact', async () => {
    const [a, b] = await Promise.all([h.addMember(owner, 'member'), h.addMember(owner, 'member')]);
    const c = await newContact();
    const answers = await Promise.all([
      call('POST', `/v1/contacts/${c.id}/claim`, { as: a }),
      call('POST', `/v1/contacts/${c.id}/claim`, { as: b }),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = answers.find((r) => r.status === 200)!.body.ownerId;
    expect([a.user.id, b.user.id]).toContain(winner);
    const loser = winner === a.user.id ? b : a;
    expect((await call('POST', `/v1/contacts/${c.id}/release`, { as: loser })).status).toBe(403);
  });

  it('keeps every write inside the caller’s workspace', async () => {
    const theirs = await newContact({ displayName: 'Theirs' }, other);
    const mine = await newContact();
    const attempts = await Promise.all([
      call('PATCH', `/v1/contacts/${theirs.id}`, { body: { displayName: 'X' } }),
      call('DELETE', `/v1/contacts/${theirs.id}`),
      call('POST', `/v1/contacts/${theirs.id}/tags`, { body: { add: ['x'] } }),
      call('POST', '/v1/contacts/merge', {
        body: { survivorId: mine.id, duplicateId: theirs.id, dryRun: true },
      }),
    ]);
    expect(attempts.map((r) => r.status)).toEqual([404, 404, 404, 404]);
    const bulk = await http<{ failed: number; errors: { id: string; code: string }[] }>(
      h.url,
      'POST',
      '/v1/contacts/bulk',
      { token: owner.accessToken, body: { ids: [theirs.id], action: 'archive' } },
    );
    expect(bulk.body).toMatchObject({ failed: 1, errors: [{ id: theirs.id, code: 'not_found' }] });
    const untouched = await call('GET', `/v1/contacts/${theirs.id}`, { as: other });
    expect(untouched.body).toMatchObject({ displayName: 'Theirs', status: 'active', version: 1 });
  });
});

describe('tags over HTTP', () => {
  it('need contacts.tag on PATCH and create too, not only on the tags route', async () => {
    const role = {
      name: 'editor',
      capabilities: ['contacts.read', 'contacts.create', 'contacts.update'],
      scope: 'all',
    };
    expect((await call('POST', '/v1/roles', { body: role })).status).toBe(201);
    const editor = await h.addMember(owner, 'editor');
    const c = await newContact({ tags: ['customer'] });
    for (const [method, path, body] of [
      ['PATCH', `/v1/contacts/${c.id}`, { tags: ['vip'] }],
      ['POST', `/v1/contacts/${c.id}/tags`, { add: ['vip'] }],
      ['POST', '/v1/contacts', { displayName: 'Tagged', tags: ['vip'] }],
    ] as const) {
      const res = await call(method, path, { body, as: editor });
      expect({ path, status: res.status, code: res.body.code }).toEqual({
        path,
        status: 403,
        code: 'forbidden',
      });
    }
    expect((await call('GET', `/v1/contacts/${c.id}`)).body).toMatchObject({
      tags: ['customer'],
      version: 1,
    });
    const plain = await call('PATCH', `/v1/contacts/${c.id}`, {
      body: { displayName: 'Renamed' },
      as: editor,
    });
    expect(plain.status).toBe(200);
  });
});
