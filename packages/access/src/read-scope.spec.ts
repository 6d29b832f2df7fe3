import type { OwnershipScope } from '@switchboard/contracts';
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
