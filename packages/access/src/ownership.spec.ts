import { AppError } from '@switchboard/errors';
import { assertMayWrite, mayWrite, type OwnershipContext } from './ownership';

const ctx = (scope: 'all' | 'own'): OwnershipContext => ({
  scope,
  actor: { type: 'user', id: 'u1' },
});

describe('ownership rule', () => {
  it.each([
    ['all', 'u1', true],
    ['all', 'u2', true],
    ['all', null, true],
    ['own', 'u1', true],
    ['own', null, true],
    ['own', undefined, true],
    ['own', 'u2', false],
    ['own', '', false],
  ] as const)('scope %s, owner %p → %p', (scope, owner, allowed) => {
    expect(mayWrite(ctx(scope), owner)).toBe(allowed);
  });

  it('throws forbidden for a record owned by someone else', () => {
    const err = (() => {
      try {
        assertMayWrite(ctx('own'), 'u2', 'contact');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('forbidden');
  });
});
