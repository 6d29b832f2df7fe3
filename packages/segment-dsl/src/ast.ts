import { z } from 'zod';

/**
 * Operators on fields (the contract's list) plus the channel-only `subscribed` / `suppressed` and
 * the consent ones `opted_in` / `opted_out` / `consent_unknown` (decision 0120).
 */
export const FIELD_OPS = [
  'eq',
  'ne',
  'in',
  'nin',
  'gt',
  'gte',
  'lt',
  'lte',
  'between',
  'contains',
  'starts_with',
  'exists',
  'not_exists',
  'within_last',
  'before',
  'after',
  'has_any',
  'has_all',
  'has_none',
  'subscribed',
  'suppressed',
  'opted_in',
  'opted_out',
  'consent_unknown',
] as const;
export const FieldOp = z.enum(FIELD_OPS);
export type FieldOp = z.infer<typeof FieldOp>;

/** `{ days: 7 }` or `{ hours: 12 }`: exactly one unit. */
export const RelativeWindow = z.union([
  z.object({ days: z.number().int().positive() }).strict(),
  z.object({ hours: z.number().int().positive() }).strict(),
]);
export type RelativeWindow = z.infer<typeof RelativeWindow>;

const Scalar = z.union([z.string(), z.number().finite(), z.boolean()]);
export const ConditionValue = z.union([
  Scalar,
  z.array(z.union([z.string(), z.number().finite()])),
  RelativeWindow,
]);
export type ConditionValue = z.infer<typeof ConditionValue>;

/** `{ field: "stage", op: "eq", value: "customer" }`; the value's type depends on field and op. */
export const FieldCondition = z
  .object({ field: z.string().min(1), op: FieldOp, value: ConditionValue.optional() })
  .strict();
export type FieldCondition = z.infer<typeof FieldCondition>;

const Count = z.number().int().nonnegative();
/** Bounds on an event count; every bound given must hold. */
export const CountBounds = z
  .object({
    eq: Count.optional(),
    gt: Count.optional(),
    gte: Count.optional(),
    lt: Count.optional(),
    lte: Count.optional(),
  })
  .strict()
  .refine((c) => Object.values(c).some((v) => v !== undefined), 'give at least one bound');
export type CountBounds = z.infer<typeof CountBounds>;

/** Activity event names: dotted lower-case words (`email.opened`, `form.submitted`). */
export const ActivityName = z
  .string()
  .regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/, 'an event name like email.opened')
  .max(100);

/** `{ activity: "email.opened", count: { gte: 3 }, within: { days: 30 } }`; no window = all kept days. */
export const ActivityCondition = z
  .object({
    activity: ActivityName,
    count: CountBounds,
    within: z.object({ days: z.number().int().positive() }).strict().optional(),
  })
  .strict();
export type ActivityCondition = z.infer<typeof ActivityCondition>;

/** `{ segment: "<id>", op: "in" | "not_in" }`: membership of another segment. */
export const SegmentCondition = z
  .object({ segment: z.string().min(1).max(64), op: z.enum(['in', 'not_in']) })
  .strict();
export type SegmentCondition = z.infer<typeof SegmentCondition>;

export type Condition = FieldCondition | ActivityCondition | SegmentCondition;
export type Filter = { and: Filter[] } | { or: Filter[] } | { not: Filter } | Condition;

/**
 * The shape of a filter, for contracts and OpenAPI. It checks structure only; `validate()` is
 * what a service calls (field types, custom fields, limits, precise error paths).
 */
export const Filter: z.ZodType<Filter> = z.lazy(() =>
  z.union([
    z.object({ and: z.array(Filter).min(1) }).strict(),
    z.object({ or: z.array(Filter).min(1) }).strict(),
    z.object({ not: Filter }).strict(),
    FieldCondition,
    ActivityCondition,
    SegmentCondition,
  ]),
);

export const isAnd = (f: Filter): f is { and: Filter[] } => 'and' in f;
export const isOr = (f: Filter): f is { or: Filter[] } => 'or' in f;
export const isNot = (f: Filter): f is { not: Filter } => 'not' in f;
export const isField = (f: Filter): f is FieldCondition => 'field' in f;
export const isActivity = (f: Filter): f is ActivityCondition => 'activity' in f;
export const isSegment = (f: Filter): f is SegmentCondition => 'segment' in f;
