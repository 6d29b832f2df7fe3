import { decide, memberEventId, memberEvent, planEdge, type RuleProfile } from './membership-rule';
import { dependencyOrder } from './dependency-order';

const active: RuleProfile = {
  _id: 'c1',
  status: 'active',
  mergedInto: null,
  displayName: 'Ada',
  channels: [
    { type: 'email', value: 'a@b.co', primary: true, subscribed: true, suppressed: false },
    { type: 'fax', value: '123', primary: false, subscribed: true, suppressed: false },
  ],
  rev: 3,
  segments: [],
};
const at = new Date('2026-12-05T00:00:00Z');

describe('decide', () => {
  it.each([
    // profile, dynamic, ruleMatch, explicit → member, via, reason
    [active, true, true, null, true, 'rule', 'rule'],
    [active, true, false, null, false, 'rule', 'rule'],
    [active, true, false, 'include', true, 'explicit', 'include'],
    [active, true, true, 'exclude', false, 'explicit', 'exclude'],
    [active, false, true, null, false, 'rule', 'rule'],
    [active, false, false, 'include', true, 'explicit', 'include'],
    [{ ...active, status: 'archived' }, true, true, 'include', false, 'rule', 'archived'],
    [{ ...active, mergedInto: 'c2' }, true, true, null, false, 'rule', 'merged'],
    [null, true, true, 'include', false, 'rule', 'archived'],
    // Activity counted before the contact's first event: no status, no member.
    [{ ...active, status: null }, true, true, 'include', false, 'rule', 'archived'],
  ] as const)('%#', (profile, dynamic, match, explicit, member, via, reason) => {
    expect(decide(profile, dynamic, match, explicit)).toMatchObject({ member, via, reason });
  });
});

describe('planEdge', () => {
  it('creates no edge for a contact that never was a member', () => {
    expect(planEdge(null, decide(active, true, false, null), at)).toBeNull();
  });

  it('counts transitions, keeps history and dates, and changes quietly when only the reason moves', () => {
    const join = planEdge(null, decide(active, true, true, null), at)!;
    expect(join.kind).toBe('joined');
    expect(join.next).toMatchObject({
      member: true,
      via: 'rule',
      transitions: 1,
      joinedAt: at,
      leftAt: null,
    });
    const quiet = planEdge(join.next, decide(active, true, true, 'include'), at)!;
    expect(quiet.kind).toBe('quiet');
    expect(quiet.next).toMatchObject({ transitions: 1, via: 'explicit', explicit: 'include' });
    const later = new Date(at.getTime() + 1000);
    const leave = planEdge(
      quiet.next,
      decide({ ...active, status: 'archived' }, true, true, 'include'),
      later,
    )!;
    expect(leave.kind).toBe('left');
    expect(leave.next).toMatchObject({
      member: false,
      via: null,
      transitions: 2,
      joinedAt: at,
      leftAt: later,
    });
    expect(leave.next.history.map((h) => `${h.change}:${h.reason}`)).toEqual([
      'joined:rule',
      'left:archived',
    ]);
    expect(
      planEdge(leave.next, decide({ ...active, status: 'archived' }, true, true, 'include'), later),
    ).toBeNull();
  });
});

describe('member events', () => {
  it('derive their id from segment, contact and transition only', () => {
    const id = memberEventId('s1', 'c1', 1);
    expect(id).toBe(memberEventId('s1', 'c1', 1));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(
      new Set([
        id,
        memberEventId('s1', 'c1', 2),
        memberEventId('s2', 'c1', 1),
        memberEventId('s1', 'c2', 1),
      ]).size,
    ).toBe(4);
  });

  it('carry the contact channels of known types with their consent state', () => {
    const e = memberEvent(
      { _id: 's1', workspaceId: 'w1', name: 'VIP' },
      active,
      'joined',
      { transitions: 1, via: 'rule' },
      'rule',
      at,
    );
    expect(e).toMatchObject({
      type: 'segment.member.joined',
      workspaceId: 'w1',
      aggregate: { type: 'segment', id: 's1', version: 1 },
    });
    expect(e.data.contact).toEqual({
      displayName: 'Ada',
      channels: [
        {
          type: 'email',
          value: 'a@b.co',
          subscribed: true,
          suppressed: false,
          consent: 'unknown',
        },
      ],
    });
  });

  it('carry a recorded consent of a channel', () => {
    const optedOut = {
      ...active,
      channels: [{ ...active.channels[0], subscribed: false, consent: 'opted_out' as const }],
    };
    const e = memberEvent(
      { _id: 's1', workspaceId: 'w1', name: 'VIP' },
      optedOut,
      'joined',
      { transitions: 1, via: 'rule' },
      'rule',
      at,
    );
    expect(e.data.contact.channels).toEqual([
      {
        type: 'email',
        value: 'a@b.co',
        subscribed: false,
        suppressed: false,
        consent: 'opted_out',
      },
    ]);
  });
});

describe('dependencyOrder', () => {
  const seg = (id: string, deps: string[] = []) => ({ _id: id, dependsOn: { segments: deps } });

  it('puts every segment after the segments it reads', () => {
    const order = dependencyOrder([
      seg('c', ['b']),
      seg('b', ['a']),
      seg('a'),
      seg('d', ['a', 'c']),
    ]).map((s) => s._id);
    const pos = (x: string) => order.indexOf(x);
    expect(order).toHaveLength(4);
    expect(pos('a')).toBeLessThan(pos('b'));
    expect(pos('b')).toBeLessThan(pos('c'));
    expect(pos('c')).toBeLessThan(pos('d'));
  });

  it('ignores references to segments not in the list and survives a cycle', () => {
    expect(dependencyOrder([seg('a', ['gone'])]).map((s) => s._id)).toEqual(['a']);
    expect(
      dependencyOrder([seg('a', ['b']), seg('b', ['a'])])
        .map((s) => s._id)
        .sort(),
    ).toEqual(['a', 'b']);
  });
});
