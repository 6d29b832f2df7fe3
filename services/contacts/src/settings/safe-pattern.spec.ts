import { compilePattern, unsafePatternReason } from './safe-pattern';

describe('custom-field pattern safety', () => {
  it.each([
    '^[A-Z]{2}-\\d{4}$',
    '[a-z]+@[a-z]+\\.com',
    '\\d+(\\.\\d+)?',
    '(?:ab|cd)-\\d{2}',
    '(?<year>\\d{4})-(?<month>\\d{2})',
    '[(+*]+x',
  ])('accepts %s', (pattern) => {
    expect(unsafePatternReason(pattern)).toBeNull();
  });

  it.each([
    ['(a+)+$', /nested/],
    ['(a|ab)*c', /nested/],
    ['(\\w+\\s?)*$', /nested/],
    ['((ab)*)+', /nested/],
    ['(x{1,5}){2,}', /nested/],
    ['\\d*\\d*\\d*x', /unbounded/],
    ['(a)\\1', /backreference/],
    ['[', /not a valid/],
    ['a'.repeat(201), /longer/],
  ])('refuses %s', (pattern, reason) => {
    expect(unsafePatternReason(pattern)).toMatch(reason);
  });

  it('matches the whole value', () => {
    const re = compilePattern('a|b');
    expect(re.test('a')).toBe(true);
    expect(re.test('ab')).toBe(false);
  });
});
