import type { Company, Contact, Page, Session, TimelineEntry } from '@switchboard/contracts';
import { http } from '@switchboard/testing';
import { GatewayHarness } from './support/gateway-harness';

/**
 * The factory role (seed 002): reads only its own contacts and companies. Every read path puts
 * the scope in its query, so records of others answer 404 and lists, cursors and counts never
 * see them (decision 0106).
 */
let h: GatewayHarness;
let owner: Session;
let factory: Session;
const mine: Contact[] = [];
let others: Contact;
let unowned: Contact;
let myCompany: Company;
let theirCompany: Company;

const call = <T>(as: Session, method: string, path: string, body?: unknown) =>
  http<T>(h.url, method, path, { token: as.accessToken, ...(body !== undefined ? { body } : {}) });

const contact = async (as: Session, body: Record<string, unknown>): Promise<Contact> => {
  const res = await call<Contact>(as, 'POST', '/v1/contacts', body);
  if (res.status !== 201) throw new Error(`create: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};

beforeAll(async () => {
  h = await GatewayHarness.start();
  owner = await h.signUp();
  factory = await h.addMember(owner, 'factory');
  const me = factory.user.id;
  for (const name of ['Ada Mine', 'Bea Mine', 'Cid Mine'])
    mine.push(await contact(owner, { displayName: name, ownerId: me, tags: ['fair'] }));
  others = await contact(owner, {
    displayName: 'Ada Other',
    ownerId: owner.user.id,
    tags: ['fair', 'vip'],
  });
  unowned = await contact(owner, { displayName: 'Ada Nobody', tags: ['vip'] });
  const company = async (name: string, ownerId: string) =>
    (await call<Company>(owner, 'POST', '/v1/companies', { name, ownerId })).body;
  myCompany = await company('Mine Ltd', me);
  theirCompany = await company('Theirs Ltd', owner.user.id);
});
afterAll(() => h.stop());

describe('factory reads only its own contacts', () => {
  it('says so in /v1/me', async () => {
    const me = await call<{ role: string; scope: string; readScope: string }>(
      factory,
      'GET',
      '/v1/me',
    );
    expect(me.body).toMatchObject({ role: 'factory', scope: 'own', readScope: 'own' });
  });

  it('lists only its own, in pages whose cursors skip nobody and add nobody', async () => {
    const first = await call<Page<Contact>>(
      factory,
      'GET',
      '/v1/contacts?limit=2&sort=displayName',
    );
    expect(first.status).toBe(200);
    expect(first.body.items.map((c) => c.displayName)).toEqual(['Ada Mine', 'Bea Mine']);
    expect(first.body.nextCursor).not.toBeNull();
    const cursor = encodeURIComponent(first.body.nextCursor as string);
    const second = await call<Page<Contact>>(
      factory,
      'GET',
      `/v1/contacts?limit=2&sort=displayName&cursor=${cursor}`,
    );
    expect(second.body.items.map((c) => c.displayName)).toEqual(['Cid Mine']);
    expect(second.body.nextCursor).toBeNull();
  });

  it('searches only its own', async () => {
    const res = await call<Page<Contact>>(factory, 'GET', '/v1/contacts?q=ada');
    expect(res.body.items.map((c) => c.id)).toEqual([mine[0].id]);
  });

  it('finds nothing when it filters by another owner or by no owner', async () => {
    for (const ownerId of [owner.user.id, 'none']) {
      const res = await call<Page<Contact>>(factory, 'GET', `/v1/contacts?ownerId=${ownerId}`);
      expect(res.body.items).toEqual([]);
    }
    const me = await call<Page<Contact>>(factory, 'GET', '/v1/contacts?ownerId=me');
    expect(me.body.items).toHaveLength(3);
  });

  it('gets its own; another owner’s and an unowned contact are not found', async () => {
    expect((await call(factory, 'GET', `/v1/contacts/${mine[0].id}`)).status).toBe(200);
    for (const c of [others, unowned]) {
      const res = await call<{ code: string }>(factory, 'GET', `/v1/contacts/${c.id}`);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('not_found');
    }
  });

  it('exports only its own', async () => {
    const res = await call<string>(factory, 'GET', '/v1/contacts/export');
    expect(res.status).toBe(200);
    const csv = String(res.body);
    expect(csv).toContain('Ada Mine');
    expect(csv).not.toContain('Ada Other');
    expect(csv).not.toContain('Ada Nobody');
  });

  it('reads the timeline of its own; another owner’s answers 404', async () => {
    const own = await call<Page<TimelineEntry>>(
      factory,
      'GET',
      `/v1/contacts/${mine[0].id}/timeline`,
    );
    expect(own.status).toBe(200);
    const theirs = await call(factory, 'GET', `/v1/contacts/${others.id}/timeline`);
    expect(theirs.status).toBe(404);
  });

  it('counts tags over its own contacts only', async () => {
    const res = await call<{ tags: { name: string; count: number }[] }>(factory, 'GET', '/v1/tags');
    expect(res.body.tags).toEqual([{ name: 'fair', count: 3 }]);
    const all = await call<{ tags: { name: string; count: number }[] }>(owner, 'GET', '/v1/tags');
    expect(all.body.tags).toEqual(
      expect.arrayContaining([
        { name: 'fair', count: 4 },
        { name: 'vip', count: 2 },
      ]),
    );
  });

  it('reads the segments of its own contact; another owner’s contact answers 404', async () => {
    expect((await call(factory, 'GET', `/v1/contacts/${mine[0].id}/segments`)).status).toBe(200);
    expect((await call(factory, 'GET', `/v1/contacts/${others.id}/segments`)).status).toBe(404);
  });

  it('sees nothing of users', async () => {
    expect((await call(factory, 'GET', '/v1/members')).status).toBe(403);
    expect((await call(factory, 'GET', '/v1/roles')).status).toBe(403);
  });

  it('cannot write another owner’s contact (403) and writes its own', async () => {
    const theirs = await call(factory, 'PATCH', `/v1/contacts/${others.id}`, { stage: 'lead' });
    expect(theirs.status).toBe(403);
    const own = await call(factory, 'PATCH', `/v1/contacts/${mine[1].id}`, { locale: 'de' });
    expect(own.status).toBe(200);
  });
});

describe('factory reads only its own companies', () => {
  it('lists its own and gets it; another owner’s company is not found', async () => {
    const list = await call<Page<Company>>(factory, 'GET', '/v1/companies');
    expect(list.body.items.map((c) => c.id)).toEqual([myCompany.id]);
    expect((await call(factory, 'GET', `/v1/companies/${myCompany.id}`)).status).toBe(200);
    expect((await call(factory, 'GET', `/v1/companies/${theirCompany.id}`)).status).toBe(404);
    expect((await call(factory, 'GET', `/v1/companies/${theirCompany.id}/contacts`)).status).toBe(
      404,
    );
    expect((await call(factory, 'GET', `/v1/companies/${theirCompany.id}/timeline`)).status).toBe(
      404,
    );
  });

  it('lists only its own contacts of a company', async () => {
    await call(owner, 'PATCH', `/v1/contacts/${mine[2].id}`, {
      companyLinks: [{ companyId: myCompany.id }],
    });
    await call(owner, 'PATCH', `/v1/contacts/${others.id}`, {
      companyLinks: [{ companyId: myCompany.id }],
    });
    const res = await call<Page<Contact>>(factory, 'GET', `/v1/companies/${myCompany.id}/contacts`);
    expect(res.body.items.map((c) => c.id)).toEqual([mine[2].id]);
    const all = await call<Page<Contact>>(owner, 'GET', `/v1/companies/${myCompany.id}/contacts`);
    expect(all.body.items).toHaveLength(2);
  });
});
