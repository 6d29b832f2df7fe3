import type { OwnershipScope } from '@switchboard/contracts';
import { mayWrite } from './ownership';
import { mayRead, ownerCondition, readableOwners } from './read-scope';

const ctx = (readScope?: OwnershipScope) => ({
  ...(readScope ? { readScope } : {}),
  actor: { type: 'user' as const, id: 'u1' },
});

describe('read scope', () => {
  it('reads everything without a read scope or with "all"', () => {
    expect(readableOwners(ctx())).toBeNull();
    expect(readableOwners(ctx('all'))).toBeNull();
  });

  it.each([
    ['all', 'u2', true],
    ['all', null, true],
    ['own', 'u1', true],
    ['own', 'u2', false],
    ['own', null, false],
    ['own', undefined, false],
  ] as const)('scope %s, owner %p → %p', (scope, owner, allowed) => {
    expect(mayRead(ctx(scope), owner)).toBe(allowed);
  });
});

describe('team scope', () => {
  const team = {
    readScope: 'team' as const,
    scope: 'team' as const,
    actor: { type: 'user' as const, id: 'u1' },
    teamMemberIds: ['u1', 'u2'],
  };

  it('reads what the team owns, not unowned records', () => {
    expect([...(readableOwners(team) ?? [])].sort()).toEqual(['u1', 'u2']);
    expect(mayRead(team, 'u2')).toBe(true);
    expect(mayRead(team, 'u3')).toBe(false);
    expect(mayRead(team, null)).toBe(false);
  });

  it('writes what the team owns and unowned records', () => {
    expect(mayWrite(team, 'u2')).toBe(true);
    expect(mayWrite(team, null)).toBe(true);
    expect(mayWrite(team, 'u3')).toBe(false);
    expect(mayWrite({ ...team, teamMemberIds: undefined }, 'u2')).toBe(false);
  });
});

describe('the owner condition of a list query', () => {
  const own = { readScope: 'own' as const, actor: { type: 'user' as const, id: 'u1' } };
  const all = { ...own, readScope: 'all' as const };

  it('adds nothing for "all" unless the query asks for an owner', () => {
    expect(ownerCondition(all)).toBeUndefined();
    expect(ownerCondition(all, 'u2')).toEqual(['u2']);
    expect(ownerCondition(all, null)).toEqual([null]);
  });

  it('narrows a scoped caller to its owners, and to nothing when it asks for others', () => {
    expect(ownerCondition(own)).toEqual(['u1']);
    expect(ownerCondition(own, 'u1')).toEqual(['u1']);
    expect(ownerCondition(own, 'u2')).toEqual([]);
    expect(ownerCondition(own, null)).toEqual([]);
  });
});
