import { PATTERN_MAX_LENGTH } from '@switchboard/contracts';

/** At most this many unbounded quantifiers (`*`, `+`, `{n,}`) per pattern. */
const MAX_UNBOUNDED = 2;

/**
 * Why a client's pattern is refused, or null when it is accepted. Patterns run in the service's
 * event loop (V8 backtracks), so `(a+)+$` could stall it for minutes on a 2,000-character value.
 * Besides the length cap, a pattern may not hold the constructs that make backtracking explode:
 * a repeated group containing a quantifier or an alternation (`(a+)+`, `(a|ab)*`, `(\w+\s?)*`),
 * a backreference, or more than two unbounded quantifiers (`\d*\d*\d*x` is cubic). This is
 * conservative (some harmless patterns are refused: write `[ab]+` rather than `(a|b)+`) and keeps
 * the worst case about quadratic in the value's length, which the contract caps at 2,000.
 */
export function unsafePatternReason(pattern: string): string | null {
  if (pattern.length > PATTERN_MAX_LENGTH) return `longer than ${PATTERN_MAX_LENGTH} characters`;
  try {
    new RegExp(pattern, 'u');
  } catch (err) {
    return `not a valid regular expression (${(err as Error).message})`;
  }
  if (/\\[1-9]|\\k</.test(pattern)) return 'backreferences are not allowed';
  // Per open group: does it contain a quantifier or an alternation?
  const groups: { risky: boolean }[] = [];
  let unbounded = 0;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '[') {
      i = endOfClass(pattern, i);
      continue;
    }
    if (ch === '(') {
      groups.push({ risky: false });
      i += groupPrefixLength(pattern, i + 1);
      continue;
    }
    const q = quantifierAt(pattern, i);
    if (q.unbounded) unbounded++;
    if (ch === ')') {
      const group = groups.pop();
      const next = quantifierAt(pattern, i + 1);
      if (group?.risky && next.repeats) {
        return 'nested quantifiers (a repeated group containing a quantifier or |) are not allowed';
      }
      const parent = groups[groups.length - 1];
      if (parent && (group?.risky || next.any)) parent.risky = true;
      continue;
    }
    const top = groups[groups.length - 1];
    if (top && (ch === '|' || q.any)) top.risky = true;
  }
  if (unbounded > MAX_UNBOUNDED)
    return `more than ${MAX_UNBOUNDED} unbounded quantifiers (*, +, {n,})`;
  return null;
}

/** Length of `?:`, `?=`, `?!`, `?<=`, `?<!` or `?<name>` after an opening parenthesis. */
function groupPrefixLength(p: string, i: number): number {
  if (p[i] !== '?') return 0;
  const m = /^\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>)/.exec(p.slice(i));
  return m ? m[0].length : 0;
}

/** What quantifier starts at `i`: any at all, one that repeats (max > 1), one without a max. */
function quantifierAt(
  p: string,
  i: number,
): { any: boolean; repeats: boolean; unbounded: boolean } {
  const ch = p[i];
  if (ch === '*' || ch === '+') return { any: true, repeats: true, unbounded: true };
  if (ch === '?') return { any: true, repeats: false, unbounded: false };
  const m = ch === '{' ? /^\{(\d+)(,(\d*))?\}/.exec(p.slice(i)) : null;
  if (!m) return { any: false, repeats: false, unbounded: false };
  const max = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
  return { any: true, repeats: max > 1, unbounded: max === Infinity };
}

/** Index of the `]` closing the class opened at `start` (escapes inside are skipped). */
function endOfClass(p: string, start: number): number {
  for (let i = start + 1; i < p.length; i++) {
    if (p[i] === '\\') i++;
    else if (p[i] === ']') return i;
  }
  return p.length;
}

/** The pattern as applied: the whole value must match. */
export const compilePattern = (pattern: string): RegExp => new RegExp(`^(?:${pattern})$`, 'u');
