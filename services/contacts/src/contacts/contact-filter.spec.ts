import { ContactFilter, ListContactsQuery, type RequestContext } from '@switchboard/contracts';
import { buildContactFilter, customValuesOf } from './contact-filter';

const ctx = { workspaceId: 'w1', actor: { type: 'user', id: 'u1' } } as Pick<
  RequestContext,
  'workspaceId' | 'actor'
>;
/** The filter as plain JSON (trusted() marks are symbols and do not show). */
const plain = (q: Record<string, unknown>) =>
  JSON.parse(JSON.stringify(buildContactFilter(ctx, ContactFilter.parse(q)))) as unknown;

describe('contact query contract', () => {
  it('parses lists, defaults and custom-field keys, and accepts its own output', () => {
    const parsed = ListContactsQuery.parse({ tags: 'vip, b2b,,vip', 'custom.plan': 'pro' });
    expect(parsed).toMatchObject({
      tags: ['vip', 'b2b'],
      tagMode: 'any',
      status: 'active',
      sort: '-createdAt',
      limit: 50,
      'custom.plan': 'pro',
    });
    expect(ListContactsQuery.parse(parsed)).toEqual(parsed);
    expect(ListContactsQuery.parse({ tags: ['a', 'b,c'] }).tags).toEqual(['a', 'b', 'c']);
  });

  it('rejects unknown keys, bad custom slugs, sorts and modes', () => {
    for (const bad of [
      { hacker: '1' },
      { 'custom.Bad': 'x' },
      { 'custom.': 'x' },
      { sort: 'email' },
      { tagMode: 'some' },
      { status: 'deleted' },
      { limit: '500' },
      { 'custom.plan': { $gt: '' } },
      { 'custom.plan': 5 },
      { 'custom.plan': [] },
    ]) {
      expect(ListContactsQuery.safeParse(bad).success).toBe(false);
    }
    const unknown = ListContactsQuery.safeParse({ hacker: '1' });
    expect(unknown.success || unknown.error.issues[0]).toMatchObject({
      code: 'unrecognized_keys',
      keys: ['hacker'],
    });
    expect(ContactFilter.safeParse({ sort: 'createdAt' }).success).toBe(false);
  });
});

describe('buildContactFilter', () => {
  it('is always scoped to the workspace and to active contacts by default', () => {
    expect(plain({})).toEqual({ workspaceId: 'w1', status: 'active' });
    expect(plain({ status: 'archived' })).toEqual({ workspaceId: 'w1', status: 'archived' });
  });

  it('keeps equalities at the top level', () => {
    expect(plain({ stage: 'lead', segmentId: 's1', companyId: 'c1', ownerId: 'me' })).toEqual({
      workspaceId: 'w1',
      status: 'active',
      stage: 'lead',
      segmentIds: 's1',
      'companyLinks.companyId': 'c1',
      ownerId: 'u1',
    });
    expect(plain({ ownerId: 'none' })).toMatchObject({ ownerId: null });
    expect(plain({ ownerId: 'u9' })).toMatchObject({ ownerId: 'u9' });
  });

  it('maps tag modes to $in, $all and $nin', () => {
    expect(plain({ tags: 'a,b' })).toMatchObject({ $and: [{ tags: { $in: ['a', 'b'] } }] });
    expect(plain({ tags: 'a,b', tagMode: 'all' })).toMatchObject({
      $and: [{ tags: { $all: ['a', 'b'] } }],
    });
    expect(plain({ tags: 'a', tagMode: 'none' })).toMatchObject({
      $and: [{ tags: { $nin: ['a'] } }],
    });
  });

  it('matches every search term by an escaped anchored prefix', () => {
    expect(plain({ q: 'Élo d.' })).toMatchObject({
      $and: [{ searchKeys: { $regex: '^elo' } }, { searchKeys: { $regex: '^d\\.' } }],
    });
    expect(plain({ q: '+33 6 12' })).toMatchObject({
      $and: [{ searchKeys: { $regex: '^33612' } }],
    });
  });

  it('compares custom fields as strings, numbers or booleans', () => {
    expect(plain({ 'custom.plan': 'pro', 'custom.seats': ['5', 'x'] })).toMatchObject({
      $and: [
        { 'customFields.plan': { $in: ['pro'] } },
        { 'customFields.seats': { $in: ['5', 5, 'x'] } },
      ],
    });
    expect(customValuesOf('true')).toEqual(['true', true]);
    expect(customValuesOf('42', 'number')).toEqual([42]);
    expect(customValuesOf('x', 'number')).toEqual([]);
    expect(customValuesOf('false', 'boolean')).toEqual([false]);
    expect(customValuesOf('42', 'text')).toEqual(['42']);
  });
});

describe('the read scope in the contact filter', () => {
  const own = { ...ctx, readScope: 'own' as const };
  const scoped = (q: Record<string, unknown>) =>
    JSON.parse(JSON.stringify(buildContactFilter(own, ContactFilter.parse(q)))) as Record<
      string,
      unknown
    >;

  it('adds nothing for "all"', () => {
    expect(plain({})).not.toHaveProperty('ownerId');
  });

  it('narrows "own" to the actor as a top-level equality', () => {
    expect(scoped({})).toMatchObject({ workspaceId: 'w1', ownerId: 'u1' });
    expect(scoped({ ownerId: 'me' })).toMatchObject({ ownerId: 'u1' });
    expect(scoped({ ownerId: 'me' })).not.toHaveProperty('$and');
  });

  it('matches nothing when "own" asks for another owner or for none', () => {
    for (const ownerId of ['u2', 'none'])
      expect(scoped({ ownerId }).$and).toEqual(expect.arrayContaining([{ _id: { $in: [] } }]));
  });
});
