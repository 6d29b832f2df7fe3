import {
  isActivity,
  isAnd,
  isField,
  isNot,
  isOr,
  type ActivityCondition,
  type Condition,
  type FieldCondition,
  type Filter,
  type RelativeWindow,
  type SegmentCondition,
} from './ast';
import { activityKey, dayKey, type Profile, type ProfileChannel } from './profile';
import { asciiFold, parseInstant, windowStart } from './values';

export interface EvalOptions {
  /** The instant relative conditions (`within_last`, activity windows) are measured from. */
  now: Date;
}

export type Test = (profile: Profile) => boolean;

/** The value a field path reads from a profile (`custom.plan` → profile.custom.plan). */
export function readField(profile: Profile, field: string): unknown {
  const dot = field.indexOf('.');
  const record = profile as unknown as Record<string, unknown>;
  if (dot < 0) return record[field];
  const inner = record[field.slice(0, dot)];
  if (typeof inner !== 'object' || inner === null || Array.isArray(inner)) return undefined;
  const key = field.slice(dot + 1);
  return Object.prototype.hasOwnProperty.call(inner, key)
    ? (inner as Record<string, unknown>)[key]
    : undefined;
}

/**
 * A stored list matches when any of its items does, as in MongoDB: the semantics are MongoDB's
 * so that the compiled filter can be exact. Scalar-typed fields hold scalars in a well-formed
 * profile, so this only matters for multi-valued fields.
 */
const anyItem = (v: unknown, test: (x: unknown) => boolean): boolean =>
  Array.isArray(v) ? v.some(test) : test(v);

const isNum = (x: unknown): x is number => typeof x === 'number';
const isDate = (x: unknown): x is Date => x instanceof Date;

function compare(value: unknown, bound: number | Date, test: (a: number, b: number) => boolean) {
  if (bound instanceof Date) {
    const b = bound.getTime();
    return anyItem(value, (x) => isDate(x) && test(x.getTime(), b));
  }
  return anyItem(value, (x) => isNum(x) && test(x, bound));
}
const gt = (a: number, b: number) => a > b;
const gte = (a: number, b: number) => a >= b;
const lt = (a: number, b: number) => a < b;
const lte = (a: number, b: number) => a <= b;

/** A predicate for one field condition; values are prepared once, outside the returned test. */
export function fieldTest(c: FieldCondition, options: EvalOptions): Test {
  const { field, op, value } = c;
  const at = (p: Profile) => readField(p, field);
  const list = Array.isArray(value) ? new Set<unknown>(value) : new Set<unknown>();
  const bound = (x: unknown): number | Date => (typeof x === 'number' ? x : parseInstant(x)!);
  if (field.startsWith('channels.')) return channelTest(field.slice(9), op, value !== false);
  switch (op) {
    case 'eq':
      return (p) => anyItem(at(p), (x) => x === value);
    case 'ne':
      return (p) => !anyItem(at(p), (x) => x === value);
    case 'in':
    case 'has_any':
      return (p) => anyItem(at(p), (x) => list.has(x));
    case 'nin':
    case 'has_none':
      return (p) => !anyItem(at(p), (x) => list.has(x));
    case 'has_all':
      return (p) => [...list].every((want) => anyItem(at(p), (x) => x === want));
    case 'gt':
      return (p) => compare(at(p), value as number, gt);
    case 'gte':
      return (p) => compare(at(p), value as number, gte);
    case 'lt':
      return (p) => compare(at(p), value as number, lt);
    case 'lte':
      return (p) => compare(at(p), value as number, lte);
    case 'between': {
      const [lo, hi] = (value as unknown[]).map(bound) as [number | Date, number | Date];
      return (p) => compare(at(p), lo, gte) && compare(at(p), hi, lte);
    }
    case 'within_last': {
      const from = windowStart(options.now, value as RelativeWindow);
      return (p) => compare(at(p), from, gte) && compare(at(p), options.now, lte);
    }
    case 'before':
      return (p) => compare(at(p), bound(value), lt);
    case 'after':
      return (p) => compare(at(p), bound(value), gt);
    case 'contains': {
      const needle = asciiFold(value as string);
      return (p) => anyItem(at(p), (x) => typeof x === 'string' && asciiFold(x).includes(needle));
    }
    case 'starts_with': {
      const needle = asciiFold(value as string);
      return (p) => anyItem(at(p), (x) => typeof x === 'string' && asciiFold(x).startsWith(needle));
    }
    case 'exists':
      return (p) => at(p) != null;
    case 'not_exists':
      return (p) => at(p) == null;
    case 'subscribed':
    case 'suppressed':
    case 'opted_in':
    case 'opted_out':
    case 'consent_unknown':
      throw new Error(`"${op}" applies to channels only`);
  }
}

/**
 * `channels.<type>`: exists = some channel of the type; subscribed / suppressed likewise;
 * opted_in / opted_out / consent_unknown = some channel of the type with that consent.
 */
function channelTest(type: string, op: FieldCondition['op'], wanted: boolean): Test {
  const positive = op === 'not_exists' ? !wanted : wanted;
  const holds = channelFlag(op);
  return (p) => (p.channels ?? []).some((ch) => ch.type === type && holds(ch)) === positive;
}

function channelFlag(op: FieldCondition['op']): (ch: ProfileChannel) => boolean {
  if (op === 'subscribed' || op === 'suppressed') return (ch) => ch[op] === true;
  if (op === 'opted_in' || op === 'opted_out') return (ch) => ch.consent === op;
  if (op === 'consent_unknown') {
    return (ch) => ch.consent === undefined || ch.consent === null || ch.consent === 'unknown';
  }
  // exists / not_exists: any channel of the type.
  return () => true;
}

/** Events counted over the last `within.days` daily buckets, today (UTC) included. */
export function activityCount(c: ActivityCondition, profile: Profile, now: Date): number {
  const buckets = profile.activity?.[activityKey(c.activity)];
  if (!buckets) return 0;
  const first = c.within
    ? dayKey(new Date(now.getTime() - (c.within.days - 1) * 86_400_000))
    : '0000-00-00';
  const last = dayKey(now);
  let total = 0;
  for (const [day, n] of Object.entries(buckets)) if (day >= first && day <= last) total += n;
  return total;
}

export function activityTest(c: ActivityCondition, options: EvalOptions): Test {
  const { eq, gt: g, gte: ge, lt: l, lte: le } = c.count;
  return (p) => {
    const n = activityCount(c, p, options.now);
    return (
      (eq === undefined || n === eq) &&
      (g === undefined || n > g) &&
      (ge === undefined || n >= ge) &&
      (l === undefined || n < l) &&
      (le === undefined || n <= le)
    );
  };
}

export function segmentTest(c: SegmentCondition): Test {
  return (p) => (p.segments ?? []).includes(c.segment) === (c.op === 'in');
}

export function conditionTest(c: Condition, options: EvalOptions): Test {
  if (isField(c)) return fieldTest(c, options);
  if (isActivity(c)) return activityTest(c, options);
  return segmentTest(c);
}

/** The JS predicate: the truth for membership. Expects a filter that passed `validate()`. */
export function toPredicate(filter: Filter, options: EvalOptions): Test {
  if (isAnd(filter)) {
    const parts = filter.and.map((f) => toPredicate(f, options));
    return (p) => parts.every((t) => t(p));
  }
  if (isOr(filter)) {
    const parts = filter.or.map((f) => toPredicate(f, options));
    return (p) => parts.some((t) => t(p));
  }
  if (isNot(filter)) {
    const inner = toPredicate(filter.not, options);
    return (p) => !inner(p);
  }
  return conditionTest(filter, options);
}
