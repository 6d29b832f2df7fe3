import { CONTACT_SORTS, RPC, type Contact, type ContactSort } from '@switchboard/contracts';
import { ContactListBackfill } from '../src/contacts/contact-list-backfill';
import { useContactListHarness } from './support/contact-list-harness';

const h = useContactListHarness();
const WS = 'ws-list';
const OTHER = 'ws-list-other';

let c: Record<string, Contact> = {};
const names = (items: Contact[]) => items.map((x) => x.displayName);
const idsOf = (items: Contact[]) => items.map((x) => x.id);

/** One page (limit 200) of `ws` with the given query; the list as display names. */
const list = async (query: Record<string, unknown>, ws = WS, actorId = 'admin-1') =>
  (await h.rpc.call(RPC.contacts.list, h.ctx(ws, actorId), { limit: 200, ...query })).items;
const found = async (query: Record<string, unknown>, ws = WS) =>
  names(await list(query, ws)).sort();

/** Every page of a sort, `limit` at a time. */
async function allPages(sort: ContactSort, limit: number, query: Record<string, unknown> = {}) {
  const seen: Contact[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 50; pages++) {
    const page = await h.rpc.call(RPC.contacts.list, h.ctx(WS), {
      sort,
      limit,
      ...(cursor ? { cursor } : {}),
      ...query,
    });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    seen.push(...page.items);
    if (!page.nextCursor) return seen;
    cursor = page.nextCursor;
  }
  throw new Error('too many pages');
}

const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** The order a sort promises, computed independently: the key, then the id, same direction. */
function expectedOrder(items: Contact[], sort: ContactSort): string[] {
  const field = sort.replace(/^-/, '');
  const dir = sort.startsWith('-') ? -1 : 1;
  const key = (x: Contact): string | number =>
    field === 'displayName'
      ? fold(x.displayName)
      : field === 'lastTouchAt'
        ? x.lastTouchAt
          ? Date.parse(x.lastTouchAt)
          : 0
        : Date.parse(x[field as 'createdAt' | 'updatedAt']);
  return [...items]
    .sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      if (ka !== kb) return (ka < kb ? -1 : 1) * dir;
      return (a.id < b.id ? -1 : 1) * dir;
    })
    .map((x) => x.id);
}

beforeAll(async () => {
  await h.defineField(WS, 'plan', 'select', ['pro', 'team']);
  await h.defineField(WS, 'seats', 'number');
  await h.defineField(WS, 'trial', 'boolean');
  c = {
    ada: await h.create(WS, {
      firstName: 'Ada',
      lastName: 'Lovelace',
      channels: [
        { type: 'email', value: 'Ada.Lovelace@Example.com' },
        { type: 'phone', value: '+33 6 12 34 56 78' },
      ],
      tags: ['vip', 'b2b'],
      stage: 'lead',
      ownerId: 'admin-1',
      customFields: { plan: 'pro', seats: 5 },
    }),
    elodie: await h.create(WS, {
      displayName: 'Élodie Durand',
      channels: [{ type: 'email', value: 'elodie@exemple.fr' }],
      tags: ['vip'],
      stage: 'customer',
      ownerId: 'user-2',
      customFields: { plan: 'team', seats: 10 },
    }),
    grace: await h.create(WS, {
      firstName: 'Grace',
      lastName: 'Hopper',
      channels: [{ type: 'phone', value: '+1 415 555 0100' }],
      tags: ['b2b'],
      stage: 'lead',
      customFields: { trial: true },
    }),
    zoe: await h.create(WS, {
      displayName: 'Zoë Ångström',
      channels: [{ type: 'email', value: 'zoe@x.io' }],
    }),
    bob: await h.create(WS, { displayName: 'bob', stage: 'lead' }),
    twin1: await h.create(WS, { displayName: 'Twin', tags: ['twin'] }),
    twin2: await h.create(WS, { displayName: 'twin', tags: ['twin'] }),
    twin3: await h.create(WS, { displayName: 'TWIN', tags: ['twin'] }),
    other: await h.create(OTHER, {
      firstName: 'Ada',
      lastName: 'Other',
      channels: [{ type: 'email', value: 'ada@example.com' }],
      tags: ['vip', 'b2b'],
      stage: 'lead',
      ownerId: 'admin-1',
    }),
  };
  // States other parts' write paths reach (archive, company links, segment cache, a value of
  // a field without a definition), set as fixtures.
  await h.setStored(c.zoe.id, { status: 'archived' });
  await h.setStored(c.ada.id, { companyLinks: [{ companyId: 'co-1' }] });
  await h.setStored(c.other.id, { companyLinks: [{ companyId: 'co-1' }], segmentIds: ['seg-1'] });
  await h.setStored(c.elodie.id, { segmentIds: ['seg-1', 'seg-2'] });
  await h.setStored(c.bob.id, { customFields: { legacy: 7 } });
});

describe('GET /v1/contacts filters (rpc.contacts.list)', () => {
  it('lists the active contacts of the workspace only, newest first by default', async () => {
    const items = await list({});
    expect(idsOf(items)).toEqual(expectedOrder(items, '-createdAt'));
    expect(names(items).sort()).toEqual(
      ['Ada Lovelace', 'Élodie Durand', 'Grace Hopper', 'bob', 'Twin', 'twin', 'TWIN'].sort(),
    );
    expect(await found({ status: 'archived' })).toEqual(['Zoë Ångström']);
    expect(await found({}, OTHER)).toEqual(['Ada Other']);
  });

  it('filters by tags with any, all and none', async () => {
    expect(await found({ tags: 'vip' })).toEqual(['Ada Lovelace', 'Élodie Durand']);
    expect(await found({ tags: 'vip,b2b' })).toEqual([
      'Ada Lovelace',
      'Grace Hopper',
      'Élodie Durand',
    ]);
    expect(await found({ tags: ['vip', 'b2b'], tagMode: 'all' })).toEqual(['Ada Lovelace']);
    expect(await found({ tags: 'vip,twin', tagMode: 'none' })).toEqual(['Grace Hopper', 'bob']);
  });

  it('filters by owner (me, none, an id), stage, company and segment', async () => {
    expect(await found({ ownerId: 'me' })).toEqual(['Ada Lovelace']);
    expect(names(await list({ ownerId: 'me' }, WS, 'user-2'))).toEqual(['Élodie Durand']);
    expect(await found({ ownerId: 'user-2' })).toEqual(['Élodie Durand']);
    expect((await found({ ownerId: 'none' })).length).toBe(5);
    expect(await found({ stage: 'lead' })).toEqual(['Ada Lovelace', 'Grace Hopper', 'bob']);
    expect(await found({ companyId: 'co-1' })).toEqual(['Ada Lovelace']);
    expect(await found({ segmentId: 'seg-1' })).toEqual(['Élodie Durand']);
    expect(await found({ segmentId: 'seg-2', stage: 'customer' })).toEqual(['Élodie Durand']);
    expect(await found({ segmentId: 'seg-2', stage: 'lead' })).toEqual([]);
  });

  it('filters by custom fields, typed by their definitions', async () => {
    expect(await found({ 'custom.plan': 'pro' })).toEqual(['Ada Lovelace']);
    expect(await found({ 'custom.plan': ['pro', 'team'] })).toEqual([
      'Ada Lovelace',
      'Élodie Durand',
    ]);
    expect(await found({ 'custom.seats': '10' })).toEqual(['Élodie Durand']);
    expect(await found({ 'custom.seats': 'ten' })).toEqual([]);
    expect(await found({ 'custom.trial': 'true' })).toEqual(['Grace Hopper']);
    // No definition: the string, the number and the boolean it reads as are all tried.
    expect(await found({ 'custom.legacy': '7' })).toEqual(['bob']);
    expect(await found({ 'custom.plan': 'pro', tags: 'vip', stage: 'lead' })).toEqual([
      'Ada Lovelace',
    ]);
  });

  it('refuses unknown keys, bad custom keys and foreign cursors', async () => {
    for (const bad of [{ hacker: 1 }, { 'custom.Plan': 'x' }, { sort: 'email' }]) {
      expect(await h.err(list(bad))).toMatchObject({ code: 'validation_failed' });
    }
    const page = await h.rpc.call(RPC.contacts.list, h.ctx(WS), { limit: 1 });
    expect(page.nextCursor).toEqual(expect.any(String));
    expect(
      await h.err(list({ sort: 'displayName', cursor: page.nextCursor, limit: 1 })),
    ).toMatchObject({ code: 'validation_failed' });
    expect(await h.err(list({ cursor: 'garbage' }))).toMatchObject({
      code: 'validation_failed',
    });
  });
});

describe('search (q)', () => {
  it.each([
    ['ada', ['Ada Lovelace']],
    ['LOVE', ['Ada Lovelace']],
    ['lovelace ada', ['Ada Lovelace']],
    ['ada.lovelace@exa', ['Ada Lovelace']],
    ['example.com', ['Ada Lovelace']],
    ['elodie', ['Élodie Durand']],
    ['Élo dur', ['Élodie Durand']],
    ['exemple', ['Élodie Durand']],
    ['+33 6 12 34', ['Ada Lovelace']],
    ['06 12 34 56 78', ['Ada Lovelace']],
    ['612345678', ['Ada Lovelace']],
    ['(415) 555-01', ['Grace Hopper']],
    ['+1 415', ['Grace Hopper']],
    ['zoe', []],
    ['ada other', []],
    ['a.b*(c', []],
    ['twin', ['TWIN', 'Twin', 'twin']],
  ])('%s finds %j', async (q, expected) => {
    expect(await found({ q })).toEqual(expected);
  });

  it('searches archived contacts with status=archived and other workspaces never', async () => {
    expect(await found({ q: 'zoe', status: 'archived' })).toEqual(['Zoë Ångström']);
    expect(await found({ q: 'ada' }, OTHER)).toEqual(['Ada Other']);
    expect(await found({ q: 'lovelace' }, OTHER)).toEqual([]);
  });

  it('keeps the keys right when the name or channels change', async () => {
    await h.rpc.call(RPC.contacts.update, h.ctx(WS), {
      id: c.bob.id,
      patch: { displayName: 'Robert Marley', channels: [{ type: 'email', value: 'rm@ja.org' }] },
    });
    expect(await found({ q: 'marl' })).toEqual(['Robert Marley']);
    expect(await found({ q: 'rm@ja' })).toEqual(['Robert Marley']);
    expect(await found({ q: 'bob' })).toEqual([]);
    expect(await h.stored(c.bob.id)).toMatchObject({ nameSortKey: 'robert marley' });
    c.bob = (await list({ q: 'marley' }))[0];
  });
});

describe('sorts and cursor pagination', () => {
  it('sorts by display name, case- and accent-insensitively, ties by id', async () => {
    const items = await list({ sort: 'displayName' });
    const twins = [c.twin1, c.twin2, c.twin3].map((x) => x.id).sort();
    expect(idsOf(items)).toEqual([
      c.ada.id,
      c.elodie.id,
      c.grace.id,
      c.bob.id, // Robert Marley since the rename above
      ...twins,
    ]);
    expect(idsOf(await list({ sort: '-displayName' }))).toEqual(idsOf(items).reverse());
  });

  it.each(CONTACT_SORTS.map((s) => [s]))(
    'pages through sort=%s without skipping or repeating',
    async (sort) => {
      const everything = await list({ sort });
      expect(idsOf(everything)).toEqual(expectedOrder(everything, sort));
      for (const limit of [1, 2, 3]) {
        const paged = await allPages(sort, limit);
        expect(idsOf(paged)).toEqual(idsOf(everything));
      }
      const filtered = await allPages(sort, 1, { tags: 'twin' });
      expect(idsOf(filtered)).toEqual(idsOf(await list({ sort, tags: 'twin' })));
    },
  );

  it('answers nextCursor null on the last page and an empty page for no match', async () => {
    const all = await list({});
    const page = await h.rpc.call(RPC.contacts.list, h.ctx(WS), { limit: all.length });
    expect(page.nextCursor).toBeNull();
    const none = await h.rpc.call(RPC.contacts.list, h.ctx(WS), { q: 'nobody-at-all' });
    expect(none).toEqual({ items: [], nextCursor: null });
  });

  it('does not let a cursor carry a page across workspaces', async () => {
    const page = await h.rpc.call(RPC.contacts.list, h.ctx(WS), { limit: 1 });
    const there = await h.rpc.call(RPC.contacts.list, h.ctx(OTHER), {
      limit: 10,
      cursor: page.nextCursor!,
    });
    expect(names(there.items).every((n) => n === 'Ada Other')).toBe(true);
  });
});

describe('contacts stored before the derived fields', () => {
  it('get their search and sort keys once, in the background after boot', async () => {
    const old = await h.create(WS, { displayName: 'Legacy Person', tags: ['legacy'] });
    await h.rawUpdate(old.id, {
      $unset: { searchKeys: '', nameSortKey: '', lastTouchSortKey: '' },
    });
    expect(await found({ q: 'legacy' })).toEqual([]);
    const backfill = h.service.app.get(ContactListBackfill);
    expect(await backfill.run()).toBe(1);
    expect(await found({ q: 'legacy' })).toEqual(['Legacy Person']);
    expect(await h.stored(old.id)).toMatchObject({
      nameSortKey: 'legacy person',
      version: old.version + 1,
    });
    expect(await backfill.run()).toBe(0);
  });

  it('never touched before decision 0125 (epoch sort key): sorted by creation once rewritten', async () => {
    const old = await h.create(WS, { displayName: 'Untouched Legacy' });
    await h.rawUpdate(old.id, { $set: { lastTouchSortKey: new Date(0) } });
    const backfill = h.service.app.get(ContactListBackfill);
    expect(await backfill.run()).toBe(1);
    const stored = (await h.stored(old.id)) as unknown as { lastTouchSortKey: Date };
    expect(new Date(stored.lastTouchSortKey).toISOString()).toBe(old.createdAt);
    expect(await backfill.run()).toBe(0);
  });
});
