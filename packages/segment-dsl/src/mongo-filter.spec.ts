import type { Filter } from './ast';
import { toMongo } from './mongo-filter';

const now = new Date('2026-11-23T12:00:00.000Z');
const m = (filter: Filter) => toMongo(filter, { now });
const f = (field: string, op: string, value?: unknown) =>
  (value === undefined ? { field, op } : { field, op, value }) as Filter;
const exact = (mongo: unknown) => ({ mongo, exact: true });
const activity = { activity: 'email.opened', count: { gte: 3 }, within: { days: 30 } } as Filter;
const inexact = { mongo: undefined, exact: false };

describe('toMongo: conditions', () => {
  it('compiles field ops to the portable subset', () => {
    expect(m(f('stage', 'eq', 'lead'))).toEqual(exact({ stage: 'lead' }));
    expect(m(f('stage', 'ne', 'lead'))).toEqual(exact({ stage: { $ne: 'lead' } }));
    expect(m(f('stage', 'in', ['a']))).toEqual(exact({ stage: { $in: ['a'] } }));
    expect(m(f('stage', 'nin', ['a']))).toEqual(exact({ stage: { $nin: ['a'] } }));
    expect(m(f('fit.crm', 'gte', 3))).toEqual(exact({ 'fit.crm': { $gte: 3 } }));
    expect(m(f('birthMonth', 'between', [1, 3]))).toEqual(
      exact({ birthMonth: { $gte: 1, $lte: 3 } }),
    );
    expect(m(f('tags', 'has_any', ['a']))).toEqual(exact({ tags: { $in: ['a'] } }));
    expect(m(f('tags', 'has_all', ['a', 'b']))).toEqual(exact({ tags: { $all: ['a', 'b'] } }));
    expect(m(f('tags', 'has_none', ['a']))).toEqual(exact({ tags: { $nin: ['a'] } }));
    expect(m(f('custom.plan', 'exists'))).toEqual(exact({ 'custom.plan': { $ne: null } }));
    expect(m(f('custom.plan', 'not_exists'))).toEqual(exact({ 'custom.plan': null }));
  });

  it('turns dates into instants, relative ones from now', () => {
    expect(m(f('createdAt', 'before', '2026-01-01'))).toEqual(
      exact({ createdAt: { $lt: new Date('2026-01-01T00:00:00Z') } }),
    );
    expect(m(f('createdAt', 'after', '2026-01-01T10:00:00+02:00'))).toEqual(
      exact({ createdAt: { $gt: new Date('2026-01-01T08:00:00Z') } }),
    );
    expect(m(f('createdAt', 'within_last', { days: 7 }))).toEqual(
      exact({ createdAt: { $gte: new Date('2026-11-16T12:00:00Z'), $lte: now } }),
    );
    expect(m(f('lastTouchAt', 'within_last', { hours: 6 }))).toEqual(
      exact({ lastTouchAt: { $gte: new Date('2026-11-23T06:00:00Z'), $lte: now } }),
    );
  });

  it('escapes text and folds ASCII letters with classes, never the i option', () => {
    expect(m(f('email', 'contains', 'a.B*'))).toEqual(
      exact({ email: { $regex: '[aA]\\.[bB]\\*' } }),
    );
    expect(m(f('email', 'starts_with', '(é)'))).toEqual(exact({ email: { $regex: '^\\(é\\)' } }));
    const { email } = m(f('email', 'contains', '^x$|[y]')).mongo as { email: { $regex: string } };
    expect(new RegExp(email.$regex).test('^X$|[Y]')).toBe(true);
    expect(new RegExp(email.$regex).test('x')).toBe(false);
  });

  it('channels: presence is exact, subscribed / suppressed a superset', () => {
    expect(m(f('channels.email', 'exists'))).toEqual(exact({ 'channels.type': 'email' }));
    expect(m(f('channels.email', 'exists', false))).toEqual(
      exact({ $nor: [{ 'channels.type': 'email' }] }),
    );
    expect(m(f('channels.email', 'not_exists'))).toEqual(
      exact({ $nor: [{ 'channels.type': 'email' }] }),
    );
    expect(m(f('channels.email', 'subscribed'))).toEqual({
      mongo: { 'channels.type': 'email', 'channels.subscribed': true },
      exact: false,
    });
    expect(m(f('channels.email', 'suppressed', false))).toEqual(inexact);
  });

  it('activity and segment conditions are left to the predicate', () => {
    expect(m(activity)).toEqual(inexact);
    expect(m({ segment: 's1', op: 'in' })).toEqual(inexact);
  });
});

describe('toMongo: groups', () => {
  const lead = f('stage', 'eq', 'lead');
  const vip = f('tags', 'has_any', ['vip']);

  it('and keeps what compiles (a superset), exact only if all are', () => {
    expect(m({ and: [lead] })).toEqual(exact({ stage: 'lead' }));
    expect(m({ and: [lead, vip] })).toEqual(
      exact({ $and: [{ stage: 'lead' }, { tags: { $in: ['vip'] } }] }),
    );
    expect(m({ and: [lead, activity] })).toEqual({ mongo: { stage: 'lead' }, exact: false });
    expect(m({ and: [activity] })).toEqual(inexact);
  });

  it('or needs every branch; one unconstrained branch frees the whole', () => {
    expect(m({ or: [lead, vip] })).toEqual(
      exact({ $or: [{ stage: 'lead' }, { tags: { $in: ['vip'] } }] }),
    );
    expect(m({ or: [lead, activity] })).toEqual(inexact);
    expect(m({ or: [lead, { and: [vip, activity] }] })).toEqual({
      mongo: { $or: [{ stage: 'lead' }, { tags: { $in: ['vip'] } }] },
      exact: false,
    });
  });

  it('not negates exact subtrees only', () => {
    expect(m({ not: lead })).toEqual(exact({ $nor: [{ stage: 'lead' }] }));
    expect(m({ not: { and: [lead, activity] } })).toEqual(inexact);
    expect(m({ not: { not: activity } })).toEqual(inexact);
  });
});
