import { compilePattern, MAX_PROGRAM_SIZE, unsafePatternReason } from './safe-pattern';

describe('custom-field patterns (RE2)', () => {
  it.each([
    '^[A-Z]{2}-\\d{4}$',
    '[a-z]+@[a-z]+\\.com',
    '\\d+(\\.\\d+)?',
    '(?:ab|cd)-\\d{2}',
    '(?<year>\\d{4})-(?<month>\\d{2})',
    '[(+*]+x',
    // Catastrophic for a backtracking engine, linear for RE2: accepted now.
    '(a+)+$',
    '(a|ab)*c',
    '\\d*\\d*\\d*x',
  ])('accepts %s', (pattern) => {
    expect(unsafePatternReason(pattern)).toBeNull();
  });

  it.each([
    ['(a)\\1', /not a supported regular expression.*escape/],
    ['(?=a)b', /not a supported regular expression.*Perl syntax/],
    ['(?<!a)b', /not a supported regular expression/],
    ['a{0,2000}a{0,2000}a{0,2000}a{0,2000}!', /repeat count/],
    ['a{0,1000}a{0,1000}a{0,1000}a{0,1000}!', /too complex/],
    ['[', /missing closing/],
    ['a'.repeat(201), /longer/],
  ])('refuses %s', (pattern, reason) => {
    expect(unsafePatternReason(pattern)).toMatch(reason);
  });

  it('matches the whole value', () => {
    const re = compilePattern('a|b');
    expect(re.test('a')).toBe(true);
    expect(re.test('ab')).toBe(false);
    expect(compilePattern('\\p{L}+').test('été')).toBe(true);
  });

  it('matches the largest accepted programs over the longest values without stalling', () => {
    // The bypass of the old guard, scaled down to the largest size accepted.
    const quarter = Math.floor((MAX_PROGRAM_SIZE - 3) / 8);
    const pattern = `a{0,${quarter}}`.repeat(4) + '!';
    expect(unsafePatternReason(pattern)).toBeNull();
    const re = compilePattern(pattern);
    // Correctness, not timing: a backtracking engine would still be running on these.
    expect(re.test('a'.repeat(1999) + 'b')).toBe(false);
    expect(re.test('a'.repeat(4 * quarter) + '!')).toBe(true);
    expect(compilePattern('(a+)+$').test('a'.repeat(2000) + 'b')).toBe(false);
  });

  it('refuses every value of a stored pattern RE2 cannot compile, saying why', () => {
    const re = compilePattern('(?=a)a');
    expect(re.test('a')).toBe(false);
    expect(re.problem).toMatch(/Perl syntax/);
  });
});
