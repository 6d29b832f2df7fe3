import { z } from 'zod';
import type { RelativeWindow } from './ast';

const IsoDate = z.string().date();
const IsoDateTime = z.string().datetime({ offset: true });

/** An absolute instant from `2026-01-31` (UTC midnight) or an ISO date-time with offset. */
export function parseInstant(value: unknown): Date | undefined {
  if (IsoDate.safeParse(value).success) return new Date(`${value as string}T00:00:00.000Z`);
  if (IsoDateTime.safeParse(value).success) return new Date(value as string);
  return undefined;
}

/** The start of `within_last` relative to `now`. */
export function windowStart(now: Date, window: RelativeWindow): Date {
  const ms = 'days' in window ? window.days * 86_400_000 : window.hours * 3_600_000;
  return new Date(now.getTime() - ms);
}

/**
 * Text matching folds ASCII letters only. Unicode case folding differs between MongoDB (PCRE),
 * FerretDB (Go regexp: the Kelvin sign K matches "k") and JavaScript, so neither side uses it.
 */
export function asciiFold(s: string): string {
  return s.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/**
 * A case-sensitive regular expression that matches `needle` with ASCII letters folded:
 * letters become `[aA]`, ASCII punctuation is escaped, everything else is literal. Its meaning
 * is the same in PCRE and RE2/Go, so no `i` option is needed.
 */
export function foldedPattern(needle: string): string {
  let out = '';
  for (const ch of needle) {
    if (/[a-zA-Z]/.test(ch)) out += `[${ch.toLowerCase()}${ch.toUpperCase()}]`;
    else if (/[!-/:-@[-`{-~]/.test(ch)) out += `\\${ch}`;
    else out += ch;
  }
  return out;
}
