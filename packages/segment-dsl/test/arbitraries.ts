import fc from 'fast-check';
import type { CustomFieldDefinition, Filter, Profile } from '@switchboard/segment-dsl';

/** Fixed clock for relative conditions. */
export const NOW = new Date('2026-11-23T12:00:00.000Z');
const HOUR = 3_600_000;

export const CUSTOM_FIELDS: CustomFieldDefinition[] = [
  { slug: 'note', type: 'text' },
  { slug: 'score', type: 'number' },
  { slug: 'renew', type: 'date' },
  { slug: 'plan', type: 'select', options: ['free', 'pro', 'team'] },
  { slug: 'interests', type: 'multi_select', options: ['golf', 'jazz', 'wine'] },
  { slug: 'active', type: 'boolean' },
];

// Small pools so that random filters and profiles meet often, with the awkward cases in them:
// case, regex metacharacters, the Kelvin sign (folds to "k" in Go regexp), non-ASCII letters.
const TEXTS = [
  '',
  'a',
  'A',
  'ab',
  'Ab',
  'abc',
  'b',
  'x.y',
  'x*y',
  'k',
  'K',
  '\u212A',
  'é',
  'É',
  'lead',
  'Lead',
];
const NUMBERS = [-1, 0, 0.5, 1, 2, 3, 7, 12];
const HOURS_AGO = [-5, 0, 1, 23, 24, 25, 24 * 7, 24 * 30, 24 * 400];
const TAGS = ['vip', 'VIP', 'a', 'b', 'c'];
const OPTIONS = ['free', 'pro', 'team'];
const INTERESTS = ['golf', 'jazz', 'wine'];
const CHANNELS = ['email', 'sms', 'phone'];

const text = fc.constantFrom(...TEXTS);
const needle = fc.constantFrom(...TEXTS.filter((t) => t !== ''));
const num = fc.constantFrom(...NUMBERS);
const instant = fc.constantFrom(...HOURS_AGO).map((h) => new Date(NOW.getTime() - h * HOUR));
const nullable = <T>(a: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 4, arbitrary: a }, { weight: 1, arbitrary: fc.constant(null) });
/** Values of another type than declared, to hold the two sides to MongoDB's type bracketing. */
const stray = fc.constantFrom<unknown>('5', 'pro', 3, true, false);

export const profileArb = (id: string): fc.Arbitrary<Profile> =>
  fc
    .record(
      {
        firstName: nullable(text),
        email: nullable(text),
        stage: nullable(fc.constantFrom('lead', 'customer', 'Lead')),
        ownerId: nullable(fc.constantFrom('u1', 'u2')),
        birthMonth: nullable(fc.integer({ min: 1, max: 12 })),
        createdAt: nullable(instant),
        lastTouchAt: nullable(instant),
        tags: fc.subarray(TAGS),
        custom: fc.record(
          {
            note: nullable(fc.oneof(text, stray)),
            score: nullable(
              fc.oneof({ weight: 4, arbitrary: num }, { weight: 1, arbitrary: stray }),
            ),
            renew: nullable(
              fc.oneof({ weight: 4, arbitrary: instant }, { weight: 1, arbitrary: stray }),
            ),
            plan: nullable(fc.oneof(fc.constantFrom(...OPTIONS), stray)),
            interests: nullable(fc.subarray(INTERESTS)),
            active: nullable(fc.oneof(fc.boolean(), stray)),
          },
          { requiredKeys: [] },
        ),
        channels: fc.array(
          fc.record({
            type: fc.constantFrom(...CHANNELS),
            subscribed: fc.boolean(),
            suppressed: fc.boolean(),
          }),
          { maxLength: 3 },
        ),
        fit: fc.record({ crm: num }, { requiredKeys: [] }),
        activity: fc.record(
          {
            'email:opened': fc.dictionary(
              fc.constantFrom('2026-11-23', '2026-11-20', '2026-10-01'),
              fc.nat(3),
            ),
          },
          { requiredKeys: [] },
        ),
        segments: fc.subarray(['s1', 's2']),
      },
      { requiredKeys: [] },
    )
    .map((p) => ({ contactId: id, ...p }) as Profile);

const iso = instant.map((d) => d.toISOString());
const list = <T>(a: fc.Arbitrary<T>) => fc.uniqueArray(a, { minLength: 1, maxLength: 3 });
const cond = (field: string, op: string, value?: fc.Arbitrary<unknown>): fc.Arbitrary<Filter> =>
  value
    ? value.map((v) => ({ field, op, value: v }) as Filter)
    : fc.constant({ field, op } as Filter);
const presence = (field: string) => [cond(field, 'exists'), cond(field, 'not_exists')];
const pick = (field: string, ...ops: ((f: string) => fc.Arbitrary<Filter>)[]) =>
  ops.map((o) => o(field));

const textOps = (field: string) => [
  cond(field, 'eq', text),
  cond(field, 'ne', text),
  cond(field, 'in', list(text)),
  cond(field, 'nin', list(text)),
  cond(field, 'contains', needle),
  cond(field, 'starts_with', needle),
  ...presence(field),
];
const numberOps = (field: string) => [
  ...(['eq', 'ne', 'gt', 'gte', 'lt', 'lte'] as const).map((op) => cond(field, op, num)),
  cond(field, 'in', list(num)),
  cond(field, 'nin', list(num)),
  cond(
    field,
    'between',
    fc.tuple(num, num).map(([a, b]) => [Math.min(a, b), Math.max(a, b)]),
  ),
  ...presence(field),
];
const dateOps = (field: string) => [
  cond(field, 'before', iso),
  cond(field, 'after', iso),
  cond(
    field,
    'between',
    fc.tuple(iso, iso).map(([a, b]) => (a < b ? [a, b] : [b, a])),
  ),
  cond(
    field,
    'within_last',
    fc.oneof(
      fc.constantFrom(1, 7, 30).map((days) => ({ days })),
      fc.constantFrom(1, 24).map((hours) => ({ hours })),
    ),
  ),
  ...presence(field),
];
const setOps = (field: string, items: string[]) =>
  (['has_any', 'has_all', 'has_none'] as const).map((op) =>
    cond(field, op, list(fc.constantFrom(...items))),
  );

/** Conditions whose MongoDB form is exact. */
export const exactCondition: fc.Arbitrary<Filter> = fc.oneof(
  ...textOps('firstName'),
  ...textOps('email'),
  ...textOps('custom.note'),
  ...pick(
    'stage',
    (f) => cond(f, 'eq', fc.constantFrom('lead', 'customer')),
    (f) => cond(f, 'in', list(fc.constantFrom('lead', 'Lead'))),
  ),
  ...pick(
    'ownerId',
    (f) => cond(f, 'ne', fc.constantFrom('u1', 'u2')),
    (f) => cond(f, 'nin', list(fc.constantFrom('u1', 'u3'))),
  ),
  ...numberOps('birthMonth'),
  ...numberOps('custom.score'),
  ...numberOps('fit.crm'),
  ...dateOps('createdAt'),
  ...dateOps('lastTouchAt'),
  ...dateOps('custom.renew'),
  cond('custom.active', 'eq', fc.boolean()),
  cond('custom.active', 'ne', fc.boolean()),
  ...presence('custom.active'),
  cond('custom.plan', 'eq', fc.constantFrom(...OPTIONS)),
  cond('custom.plan', 'nin', list(fc.constantFrom(...OPTIONS))),
  ...setOps('tags', TAGS),
  ...setOps('custom.interests', INTERESTS),
  ...presence('custom.interests'),
  ...CHANNELS.map((t) => cond(`channels.${t}`, 'exists', fc.constantFrom(true, false, undefined))),
  ...CHANNELS.map((t) => cond(`channels.${t}`, 'not_exists')),
);

/** Conditions evaluated in JS only, or with a superset query. */
export const inexactCondition: fc.Arbitrary<Filter> = fc.oneof(
  cond('channels.email', 'subscribed', fc.constantFrom(true, false, undefined)),
  cond('channels.sms', 'suppressed', fc.constantFrom(true, false)),
  fc.record({
    activity: fc.constant('email.opened'),
    count: fc.record({ gte: fc.nat(4) }),
    within: fc.record({ days: fc.constantFrom(1, 7, 30) }),
  }) as fc.Arbitrary<Filter>,
  fc.record({
    segment: fc.constantFrom('s1', 's2'),
    op: fc.constantFrom('in', 'not_in'),
  }) as fc.Arbitrary<Filter>,
);

/** Nested and/or/not over the given conditions, at most `depth` levels. */
export function filterArb(leaf: fc.Arbitrary<Filter>, depth = 4): fc.Arbitrary<Filter> {
  const { node } = fc.letrec<{ node: Filter }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', maxDepth: depth, withCrossShrink: true },
      leaf,
      fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((and) => ({ and })),
      fc.array(tie('node'), { minLength: 1, maxLength: 3 }).map((or) => ({ or })),
      tie('node').map((not) => ({ not })),
    ),
  }));
  return node;
}
