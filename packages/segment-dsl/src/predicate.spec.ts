import type { Filter } from './ast';
import { compile } from './compile';
import type { Profile } from './profile';

const now = new Date('2026-11-23T12:00:00.000Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
const holds = (filter: Filter, profile: Omit<Profile, 'contactId'>) =>
  compile(filter, { now }).predicate({ contactId: 'c1', ...profile });
const f = (field: string, op: string, value?: unknown) =>
  (value === undefined ? { field, op } : { field, op, value }) as Filter;

describe('predicate: text fields', () => {
  it('eq / ne: absent and null are "no value"; ne holds for them', () => {
    expect(holds(f('stage', 'eq', 'lead'), { stage: 'lead' })).toBe(true);
    expect(holds(f('stage', 'eq', 'lead'), { stage: 'Lead' })).toBe(false);
    expect(holds(f('stage', 'eq', 'lead'), {})).toBe(false);
    expect(holds(f('stage', 'ne', 'lead'), {})).toBe(true);
    expect(holds(f('stage', 'ne', 'lead'), { stage: null })).toBe(true);
    expect(holds(f('stage', 'ne', 'lead'), { stage: 'lead' })).toBe(false);
  });

  it('in / nin', () => {
    expect(holds(f('stage', 'in', ['a', 'b']), { stage: 'b' })).toBe(true);
    expect(holds(f('stage', 'in', ['a', 'b']), {})).toBe(false);
    expect(holds(f('stage', 'nin', ['a', 'b']), {})).toBe(true);
    expect(holds(f('stage', 'nin', ['a', 'b']), { stage: 'a' })).toBe(false);
  });

  it('contains / starts_with fold ASCII letters only and take input literally', () => {
    expect(holds(f('email', 'contains', 'ACME'), { email: 'bob@acme.io' })).toBe(true);
    expect(holds(f('email', 'contains', '.*'), { email: 'bob@acme.io' })).toBe(false);
    expect(holds(f('email', 'contains', 'e.i'), { email: 'bob@acme.io' })).toBe(true);
    expect(holds(f('firstName', 'contains', 'é'), { firstName: 'RENÉ' })).toBe(false);
    expect(holds(f('firstName', 'contains', 'k'), { firstName: '\u212A' })).toBe(false);
    expect(holds(f('firstName', 'starts_with', 'an'), { firstName: 'Anna' })).toBe(true);
    expect(holds(f('firstName', 'starts_with', 'nn'), { firstName: 'Anna' })).toBe(false);
    expect(holds(f('firstName', 'contains', 'a'), {})).toBe(false);
  });

  it('exists / not_exists treat null as absent and "" as a value', () => {
    expect(holds(f('phone', 'exists'), { phone: '' })).toBe(true);
    expect(holds(f('phone', 'exists'), { phone: null })).toBe(false);
    expect(holds(f('phone', 'not_exists'), {})).toBe(true);
  });
});

describe('predicate: numbers and dates', () => {
  it('comparisons never hold for absent values or values of another type', () => {
    expect(holds(f('fit.crm', 'gte', 3), { fit: { crm: 3 } })).toBe(true);
    expect(holds(f('fit.crm', 'gt', 3), { fit: { crm: 3 } })).toBe(false);
    expect(holds(f('fit.crm', 'lt', 3), {})).toBe(false);
    expect(holds(f('custom.score', 'lt', 10), { custom: { score: '5' } })).toBe(false);
    expect(holds(f('custom.score', 'ne', 5), { custom: { score: '5' } })).toBe(true);
    expect(holds(f('birthMonth', 'lte', 6), { birthMonth: 6 })).toBe(true);
  });

  it('birthday: birthDay, and birthday as month × 100 + day for ranges across months', () => {
    const born = { birthMonth: 12, birthDay: 24, birthday: 1224 };
    expect(holds(f('birthDay', 'eq', 24), born)).toBe(true);
    expect(holds(f('birthday', 'between', [1215, 1231]), born)).toBe(true);
    expect(holds(f('birthday', 'between', [101, 1214]), born)).toBe(false);
    expect(holds(f('birthday', 'exists'), {})).toBe(false);
  });

  it('between is inclusive', () => {
    expect(holds(f('birthMonth', 'between', [3, 5]), { birthMonth: 3 })).toBe(true);
    expect(holds(f('birthMonth', 'between', [3, 5]), { birthMonth: 5 })).toBe(true);
    expect(holds(f('birthMonth', 'between', [3, 5]), { birthMonth: 6 })).toBe(false);
    const range = ['2026-01-01', '2026-01-31T23:59:59Z'];
    expect(
      holds(f('createdAt', 'between', range), { createdAt: new Date('2026-01-31T23:59:59Z') }),
    ).toBe(true);
    expect(holds(f('createdAt', 'between', range), { createdAt: new Date('2026-02-01') })).toBe(
      false,
    );
  });

  it('within_last counts back from now, boundaries included, future excluded', () => {
    const week = f('createdAt', 'within_last', { days: 7 });
    expect(holds(week, { createdAt: hoursAgo(24 * 7) })).toBe(true);
    expect(holds(week, { createdAt: hoursAgo(24 * 7 + 1) })).toBe(false);
    expect(holds(week, { createdAt: hoursAgo(0) })).toBe(true);
    expect(holds(week, { createdAt: hoursAgo(-1) })).toBe(false);
    expect(holds(week, {})).toBe(false);
    expect(holds(f('lastTouchAt', 'within_last', { hours: 2 }), { lastTouchAt: hoursAgo(1) })).toBe(
      true,
    );
  });

  it('before / after are strict; dates as strings never compare', () => {
    expect(
      holds(f('createdAt', 'before', '2026-01-01'), {
        createdAt: new Date('2025-12-31T23:59:59Z'),
      }),
    ).toBe(true);
    expect(
      holds(f('createdAt', 'before', '2026-01-01'), { createdAt: new Date('2026-01-01') }),
    ).toBe(false);
    expect(
      holds(f('createdAt', 'after', '2026-01-01T00:00:00+01:00'), {
        createdAt: new Date('2025-12-31T23:30:00Z'),
      }),
    ).toBe(true);
    expect(
      holds(f('custom.renew', 'after', '2020-01-01'), { custom: { renew: '2026-01-01' } }),
    ).toBe(false);
  });
});

describe('predicate: lists, booleans, channels', () => {
  it('has_any / has_all / has_none; no tags at all has none', () => {
    expect(holds(f('tags', 'has_any', ['vip', 'x']), { tags: ['vip'] })).toBe(true);
    expect(holds(f('tags', 'has_all', ['vip', 'x']), { tags: ['vip'] })).toBe(false);
    expect(holds(f('tags', 'has_all', ['vip', 'x']), { tags: ['x', 'vip', 'y'] })).toBe(true);
    expect(holds(f('tags', 'has_none', ['vip']), {})).toBe(true);
    expect(holds(f('tags', 'has_none', ['vip']), { tags: ['VIP'] })).toBe(true);
    expect(
      holds(f('custom.interests', 'has_any', ['golf']), { custom: { interests: ['golf'] } }),
    ).toBe(true);
  });

  it('an empty list is a value: exists holds', () => {
    expect(holds(f('custom.interests', 'exists'), { custom: { interests: [] } })).toBe(true);
  });

  it('booleans: eq false does not hold for absent, ne true does', () => {
    expect(holds(f('custom.active', 'eq', false), { custom: { active: false } })).toBe(true);
    expect(holds(f('custom.active', 'eq', false), {})).toBe(false);
    expect(holds(f('custom.active', 'ne', true), {})).toBe(true);
  });

  it('channels: exists, subscribed, suppressed, each negated by false', () => {
    const channels = [
      { type: 'email', subscribed: false, suppressed: true },
      { type: 'sms', subscribed: true, suppressed: false },
    ];
    expect(holds(f('channels.email', 'exists'), { channels })).toBe(true);
    expect(holds(f('channels.email', 'exists', false), { channels })).toBe(false);
    expect(holds(f('channels.phone', 'not_exists'), { channels })).toBe(true);
    expect(holds(f('channels.email', 'subscribed'), { channels })).toBe(false);
    expect(holds(f('channels.email', 'subscribed', false), { channels })).toBe(true);
    expect(holds(f('channels.sms', 'subscribed', true), { channels })).toBe(true);
    expect(holds(f('channels.email', 'suppressed'), { channels })).toBe(true);
    expect(holds(f('channels.email', 'exists'), {})).toBe(false);
  });

  it('channels: consent opted_in, opted_out, unknown (absent), each negated by false', () => {
    const channels = [
      { type: 'email', subscribed: true, suppressed: false, consent: 'opted_in' as const },
      { type: 'sms', subscribed: false, suppressed: false, consent: 'opted_out' as const },
      { type: 'phone', subscribed: true, suppressed: false },
    ];
    expect(holds(f('channels.email', 'opted_in'), { channels })).toBe(true);
    expect(holds(f('channels.email', 'opted_out'), { channels })).toBe(false);
    expect(holds(f('channels.sms', 'opted_out'), { channels })).toBe(true);
    expect(holds(f('channels.sms', 'opted_in', false), { channels })).toBe(true);
    expect(holds(f('channels.phone', 'consent_unknown'), { channels })).toBe(true);
    expect(holds(f('channels.email', 'consent_unknown'), { channels })).toBe(false);
    expect(holds(f('channels.whatsapp', 'opted_in'), { channels })).toBe(false);
  });
});

describe('predicate: activity, segments, groups', () => {
  const activity = { 'email:opened': { '2026-11-23': 1, '2026-11-10': 2, '2026-10-01': 5 } };

  it('counts the daily buckets of the window, today included', () => {
    const c = (gte: number, days?: number) =>
      ({
        activity: 'email.opened',
        count: { gte },
        ...(days ? { within: { days } } : {}),
      }) as Filter;
    expect(holds(c(3, 30), { activity })).toBe(true);
    expect(holds(c(4, 30), { activity })).toBe(false);
    expect(holds(c(1, 1), { activity })).toBe(true);
    expect(holds(c(2, 13), { activity })).toBe(false); // 11-11 .. 11-23
    expect(holds(c(3, 14), { activity })).toBe(true); // 11-10 .. 11-23
    expect(holds(c(8), { activity })).toBe(true);
    expect(holds(c(1, 30), {})).toBe(false);
    const none = { activity: 'email.opened', count: { eq: 0 }, within: { days: 7 } } as Filter;
    expect(holds(none, {})).toBe(true);
    const range = {
      activity: 'email.opened',
      count: { gt: 0, lt: 3 },
      within: { days: 30 },
    } as Filter;
    expect(holds(range, { activity })).toBe(false);
  });

  it('segment in / not_in read the membership list', () => {
    expect(holds({ segment: 's1', op: 'in' }, { segments: ['s1'] })).toBe(true);
    expect(holds({ segment: 's1', op: 'not_in' }, { segments: ['s1'] })).toBe(false);
    expect(holds({ segment: 's1', op: 'not_in' }, {})).toBe(true);
  });

  it('and / or / not', () => {
    const lead = f('stage', 'eq', 'lead');
    const vip = f('tags', 'has_any', ['vip']);
    expect(holds({ and: [lead, vip] }, { stage: 'lead', tags: ['vip'] })).toBe(true);
    expect(holds({ and: [lead, vip] }, { stage: 'lead' })).toBe(false);
    expect(holds({ or: [lead, vip] }, { tags: ['vip'] })).toBe(true);
    expect(holds({ not: { or: [lead, vip] } }, {})).toBe(true);
  });
});
