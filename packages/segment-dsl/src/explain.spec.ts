import type { Filter } from './ast';
import { compile } from './compile';
import { findCycle, segmentDependencies } from './dependencies';
import { explain } from './explain';
import type { Profile } from './profile';

const now = new Date('2026-11-23T12:00:00.000Z');
const profile: Profile = {
  contactId: 'c1',
  stage: 'lead',
  tags: ['vip'],
  channels: [{ type: 'email', subscribed: true, suppressed: false }],
  activity: { 'email:opened': { '2026-11-22': 2 } },
  segments: ['s1'],
};
const opened = { activity: 'email.opened', count: { gte: 3 }, within: { days: 30 } } as Filter;
const filter: Filter = {
  and: [
    { field: 'stage', op: 'eq', value: 'lead' },
    { or: [opened, { not: { segment: 's2', op: 'in' } }] },
    { field: 'channels.email', op: 'subscribed' },
  ],
};

describe('explain', () => {
  it('shows every condition with what was observed, and agrees with the predicate', () => {
    const tree = explain(filter, profile, { now });
    expect(tree).toEqual({
      condition: 'and',
      held: true,
      children: [
        { condition: filter.and[0], held: true, actual: 'lead' },
        {
          condition: 'or',
          held: true,
          children: [
            { condition: opened, held: false, actual: 2 },
            {
              condition: 'not',
              held: true,
              children: [{ condition: { segment: 's2', op: 'in' }, held: false, actual: false }],
            },
          ],
        },
        { condition: filter.and[2], held: true, actual: profile.channels },
      ],
    });
    expect(compile(filter, { now }).predicate(profile)).toBe(true);
    expect(explain(filter, { contactId: 'c2' }, { now }).held).toBe(false);
    expect(explain({ field: 'custom.plan', op: 'exists' }, profile, { now })).toEqual({
      condition: { field: 'custom.plan', op: 'exists' },
      held: false,
      actual: null,
    });
  });
});

describe('dependencies', () => {
  it('lists segments and flags time and activity', () => {
    expect(segmentDependencies(filter)).toEqual(['s2']);
    expect(compile(filter, { now }).dependsOn).toEqual({
      segments: ['s2'],
      relativeTime: true,
      activity: true,
    });
    const plain = compile({ field: 'createdAt', op: 'before', value: '2026-01-01' }, { now });
    expect(plain.dependsOn).toEqual({ segments: [], relativeTime: false, activity: false });
    const recent = compile({ field: 'createdAt', op: 'within_last', value: { days: 1 } }, { now });
    expect(recent.dependsOn.relativeTime).toBe(true);
  });

  it('finds cycles in the segment graph', () => {
    expect(
      findCycle(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', []],
        ]),
      ),
    ).toBeNull();
    expect(
      findCycle(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', ['a']],
        ]),
      ),
    ).toEqual(['a', 'b', 'c', 'a']);
    expect(findCycle(new Map([['a', ['a']]]))).toEqual(['a', 'a']);
    expect(
      findCycle(
        new Map([
          ['x', ['b']],
          ['b', ['c', 'd']],
          ['d', ['b']],
        ]),
      ),
    ).toEqual(['b', 'd', 'b']);
    const chain = new Map(Array.from({ length: 50_000 }, (_, i) => [`s${i}`, [`s${i + 1}`]]));
    expect(findCycle(chain)).toBeNull();
    chain.set('s50000', ['s0']);
    expect(findCycle(chain)).toHaveLength(50_002);
  });
});
