import {
  isActivity,
  isAnd,
  isField,
  isNot,
  isOr,
  isSegment,
  type FieldCondition,
  type Filter,
  type RelativeWindow,
} from './ast';
import type { EvalOptions } from './predicate';
import { foldedPattern, parseInstant, windowStart } from './values';

/** A MongoDB query document over a collection of stored Profiles (no driver types: pure). */
export type MongoFilter = Record<string, unknown>;

/**
 * `mongo` selects a superset of the documents the predicate accepts (`undefined` = no
 * constraint, i.e. every document); `exact` says it selects exactly those documents.
 */
export interface MongoCompilation {
  mongo: MongoFilter | undefined;
  exact: boolean;
}

/** Matches no document: every stored document has an `_id`. */
const NOTHING: MongoFilter = { _id: { $exists: false } };
const ALL_INEXACT: MongoCompilation = { mongo: undefined, exact: false };

/**
 * Compiles a validated filter to the portable query subset: equality, `$ne`, `$in`, `$nin`,
 * `$gt(e)`/`$lt(e)`, `$all`, `$regex` (case-sensitive, letters as `[aA]` classes), `$and`,
 * `$or`, `$nor`. Never `$elemMatch`, `$expr`, `$where`, `$not`, `$type` or regex options.
 */
export function toMongo(filter: Filter, options: EvalOptions): MongoCompilation {
  if (isAnd(filter)) {
    const parts = filter.and.map((f) => toMongo(f, options));
    const defined = parts.flatMap((p) => (p.mongo ? [p.mongo] : []));
    return {
      mongo:
        defined.length === 0 ? undefined : defined.length === 1 ? defined[0] : { $and: defined },
      exact: parts.every((p) => p.exact),
    };
  }
  if (isOr(filter)) {
    const parts = filter.or.map((f) => toMongo(f, options));
    const unconstrained = parts.filter((p) => !p.mongo);
    if (unconstrained.length > 0) {
      // One branch admits everything; exactly so only if that branch is exact.
      return { mongo: undefined, exact: unconstrained.some((p) => p.exact) };
    }
    const defined = parts.map((p) => p.mongo!);
    return {
      mongo: defined.length === 1 ? defined[0] : { $or: defined },
      exact: parts.every((p) => p.exact),
    };
  }
  if (isNot(filter)) {
    const inner = toMongo(filter.not, options);
    // The complement of a superset is not a superset of the complement: only exact negates.
    if (!inner.exact) return ALL_INEXACT;
    return { mongo: inner.mongo ? { $nor: [inner.mongo] } : NOTHING, exact: true };
  }
  // Daily buckets in a window and other segments' membership are evaluated in JS only.
  if (isActivity(filter) || isSegment(filter)) return ALL_INEXACT;
  if (isField(filter)) return fieldToMongo(filter, options);
  return ALL_INEXACT;
}

function fieldToMongo(c: FieldCondition, options: EvalOptions): MongoCompilation {
  const { field, op, value } = c;
  const exact = (q: unknown): MongoCompilation => ({ mongo: { [field]: q }, exact: true });
  if (field.startsWith('channels.')) return channelToMongo(field.slice(9), op, value !== false);
  const instant = (x: unknown) => (typeof x === 'number' ? x : parseInstant(x)!);
  switch (op) {
    case 'eq':
      return exact(value);
    case 'ne':
      return exact({ $ne: value });
    case 'in':
    case 'has_any':
      return exact({ $in: value });
    case 'nin':
    case 'has_none':
      return exact({ $nin: value });
    case 'has_all':
      return exact({ $all: value });
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return exact({ [`$${op}`]: value });
    case 'between': {
      const [lo, hi] = (value as unknown[]).map(instant);
      return exact({ $gte: lo, $lte: hi });
    }
    case 'within_last':
      return exact({ $gte: windowStart(options.now, value as RelativeWindow), $lte: options.now });
    case 'before':
      return exact({ $lt: instant(value) });
    case 'after':
      return exact({ $gt: instant(value) });
    case 'contains':
      return exact({ $regex: foldedPattern(value as string) });
    case 'starts_with':
      return exact({ $regex: `^${foldedPattern(value as string)}` });
    case 'exists':
      return exact({ $ne: null });
    case 'not_exists':
      return exact(null);
    case 'subscribed':
    case 'suppressed':
    case 'opted_in':
    case 'opted_out':
    case 'consent_unknown':
      return ALL_INEXACT;
  }
}

/**
 * Channels are an array of `{type, subscribed, suppressed}`. "Some channel of this type" is
 * `{"channels.type": type}` and its negation `$nor` of it (FerretDB 1.24 answers `$ne` on a
 * path through an array differently from MongoDB). "Some channel of this type that is
 * subscribed" needs `$elemMatch`, which is not portable: the two-path query is a superset.
 */
function channelToMongo(type: string, op: FieldCondition['op'], wanted: boolean): MongoCompilation {
  const some: MongoFilter = { 'channels.type': type };
  if (op === 'exists' || op === 'not_exists') {
    const positive = op === 'exists' ? wanted : !wanted;
    return { mongo: positive ? some : { $nor: [some] }, exact: true };
  }
  if (!wanted) return ALL_INEXACT;
  if (op === 'opted_in' || op === 'opted_out') {
    return { mongo: { ...some, 'channels.consent': op }, exact: false };
  }
  // Unknown consent is an absent field: "some channel without it" is not portable either.
  if (op === 'consent_unknown') return { mongo: some, exact: false };
  return { mongo: { ...some, [`channels.${op}`]: true }, exact: false };
}
