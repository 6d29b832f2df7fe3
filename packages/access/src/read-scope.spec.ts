import type { OwnershipScope } from '@switchboard/contracts';
import { mayWrite } from './ownership';
import { mayRead, readableOwners } from './read-scope';

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
