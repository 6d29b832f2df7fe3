import { RE2JS } from 're2js';
import { PATTERN_MAX_LENGTH } from '@switchboard/contracts';

/**
 * The largest compiled program a pattern may have (RE2's "program size": about one instruction
 * per character class, literal or repetition of one). RE2 matches in time linear in the value's
 * length times the program's size, never exponential; capping the size keeps the product small:
 * at 200 the worst pattern measured takes ~20 ms on a 2,000-character value, and ordinary
 * patterns (`^[A-Z]{2}-\d{4}$`, an email shape) are under 20. Long bounded repetitions such as
 * `\w{1,500}` are what the cap refuses: lengths are `validation.min`/`max`.
 */
export const MAX_PROGRAM_SIZE = 200;

/** A compiled custom-field pattern: matches the whole value. */
export interface FieldPattern {
  test(value: string): boolean;
}

type Compiled = { pattern: FieldPattern; size: number } | { error: string };

function compile(pattern: string): Compiled {
  if (pattern.length > PATTERN_MAX_LENGTH) {
    return { error: `longer than ${PATTERN_MAX_LENGTH} characters` };
  }
  let re: RE2JS;
  try {
    re = RE2JS.compile(pattern);
  } catch (err) {
    // RE2 refuses what it cannot match in linear time (backreferences, lookarounds) and repeat
    // counts over 1,000, with its own message: `invalid or unsupported Perl syntax: (?=`.
    const reason = (err as Error).message.replace(/^error parsing regexp: /, '');
    return { error: `not a supported regular expression (RE2 syntax): ${reason}` };
  }
  const size = re.programSize();
  if (size > MAX_PROGRAM_SIZE) {
    return {
      error: `too complex (size ${size}, at most ${MAX_PROGRAM_SIZE}): use validation.min/max for lengths`,
    };
  }
  return { pattern: { test: (value) => re.testExact(value) }, size };
}

/**
 * Why a client's pattern is refused, or null when it is accepted. Patterns are RE2 expressions,
 * compiled and matched by `re2js` (a pure-JS port of RE2): matching never backtracks, so no
 * pattern can stall the event loop (`(a+)+$` is harmless), and what RE2 cannot compile —
 * backreferences, lookarounds, repeat counts over 1,000 — is refused here, at definition time.
 */
export function unsafePatternReason(pattern: string): string | null {
  const c = compile(pattern);
  return 'error' in c ? c.error : null;
}

/**
 * The pattern as applied to values: the whole value must match. A stored pattern that no
 * longer compiles (defined before patterns were RE2) matches nothing, and says why, so a value
 * of that field is refused with the reason rather than checked by a backtracking engine.
 */
export function compilePattern(pattern: string): FieldPattern & { problem?: string } {
  const c = compile(pattern);
  if ('error' in c) return { test: () => false, problem: c.error };
  return c.pattern;
}
