import { Filter } from './ast';
import type { CustomFieldDefinition } from './fields';
import { validate, type ValidateOptions } from './validate';

const customFields: CustomFieldDefinition[] = [
  { slug: 'plan', type: 'select', options: ['free', 'pro'] },
  { slug: 'interests', type: 'multi_select', options: ['golf', 'jazz'] },
  { slug: 'score', type: 'number' },
  { slug: 'renew', type: 'date' },
  { slug: 'vip', type: 'boolean' },
  { slug: 'legacy', type: 'text', retired: true },
];
const opts: ValidateOptions = { customFields, segmentIds: ['s1'] };
const errorsOf = (filter: unknown, options: Partial<ValidateOptions> = {}) => {
  const r = validate(filter, { ...opts, ...options });
  return r.ok ? [] : r.errors.map((e) => `${e.path} ${e.code}`);
};
const nest = (depth: number): unknown => {
  let filter: unknown = { field: 'stage', op: 'eq', value: 'x' };
  for (let i = 1; i < depth; i++) filter = { not: filter };
  return filter;
};

describe('validate', () => {
  it('accepts every kind of condition and returns the filter', () => {
    const filter = {
      and: [
        { field: 'stage', op: 'eq', value: 'customer' },
        { field: 'tags', op: 'has_none', value: ['spam'] },
        { field: 'createdAt', op: 'within_last', value: { days: 7 } },
        { field: 'custom.plan', op: 'in', value: ['free', 'pro'] },
        { field: 'custom.interests', op: 'has_all', value: ['golf'] },
        { field: 'custom.score', op: 'between', value: [1, 5] },
        { field: 'custom.renew', op: 'before', value: '2027-01-01' },
        { field: 'custom.vip', op: 'eq', value: true },
        { field: 'custom.legacy', op: 'exists' },
        { field: 'fit.crm', op: 'gte', value: 40 },
        { field: 'channels.email', op: 'subscribed' },
        { field: 'channels.sms', op: 'suppressed', value: false },
        { or: [{ not: { segment: 's1', op: 'in' } }] },
        { activity: 'email.opened', count: { gte: 3 }, within: { days: 30 } },
      ],
    };
    expect(validate(filter, opts)).toEqual({ ok: true, filter });
    expect(Filter.safeParse(filter).success).toBe(true);
  });

  it('reports precise paths for shape errors', () => {
    expect(errorsOf('stage')).toEqual([' invalid_shape']);
    expect(errorsOf({ and: [] })).toEqual(['and invalid_shape']);
    expect(errorsOf({ and: [{ field: 'stage', op: 'eq', value: 'x' }], or: [] })).toEqual([
      ' invalid_shape',
    ]);
    expect(errorsOf({ or: [{ field: 'stage', op: 'equals', value: 'x' }] })).toEqual([
      'or.0.op invalid_value',
    ]);
    expect(errorsOf({ and: [{ field: 'stage', op: 'eq', value: 'x', extra: 1 }] })).toEqual([
      'and.0 invalid_shape',
    ]);
    expect(errorsOf({ not: { hello: 1 } })).toEqual(['not invalid_shape']);
  });

  it('rejects unknown fields and undefined custom fields; retired ones filter', () => {
    expect(errorsOf({ field: 'favouriteColour', op: 'eq', value: 'x' })).toEqual([
      'field unknown_field',
    ]);
    expect(errorsOf({ and: [{ field: 'custom.nope', op: 'eq', value: 'x' }] })).toEqual([
      'and.0.field unknown_custom_field',
    ]);
    expect(errorsOf({ field: 'channels.pigeon', op: 'exists' })).toEqual(['field unknown_field']);
    expect(errorsOf({ field: 'custom.Bad-Slug', op: 'exists' })).toEqual(['field unknown_field']);
    expect(errorsOf({ field: 'custom.legacy', op: 'contains', value: 'x' })).toEqual([]);
  });

  it('rejects operators that do not fit the field type', () => {
    expect(errorsOf({ field: 'stage', op: 'gt', value: 'a' })).toEqual(['op op_not_allowed']);
    expect(errorsOf({ field: 'tags', op: 'eq', value: 'vip' })).toEqual(['op op_not_allowed']);
    expect(errorsOf({ field: 'createdAt', op: 'eq', value: '2026-01-01' })).toEqual([
      'op op_not_allowed',
    ]);
    expect(errorsOf({ field: 'custom.vip', op: 'in', value: [true] })).toEqual([
      'op op_not_allowed',
    ]);
    expect(errorsOf({ field: 'channels.email', op: 'eq', value: 'x' })).toEqual([
      'op op_not_allowed',
    ]);
    expect(errorsOf({ field: 'stage', op: 'subscribed' })).toEqual(['op op_not_allowed']);
  });

  it('checks values against the op and the field type', () => {
    expect(errorsOf({ field: 'custom.score', op: 'eq', value: '3' })).toEqual([
      'value invalid_value',
    ]);
    expect(errorsOf({ field: 'custom.score', op: 'between', value: [5, 1] })).toEqual([
      'value invalid_value',
    ]);
    expect(errorsOf({ field: 'stage', op: 'in', value: ['a', 1] })).toEqual([
      'value.1 invalid_value',
    ]);
    expect(errorsOf({ field: 'stage', op: 'in', value: [] })).toEqual(['value invalid_value']);
    expect(errorsOf({ field: 'stage', op: 'contains', value: '' })).toEqual([
      'value invalid_value',
    ]);
    expect(errorsOf({ field: 'stage', op: 'exists', value: true })).toEqual([
      'value invalid_value',
    ]);
    expect(errorsOf({ field: 'createdAt', op: 'before', value: 'yesterday' })).toEqual([
      'value invalid_value',
    ]);
    expect(errorsOf({ field: 'createdAt', op: 'after', value: '2026-01-01T10:00:00' })).toEqual([
      'value invalid_value',
    ]);
    expect(
      errorsOf({ field: 'createdAt', op: 'within_last', value: { days: 1, hours: 2 } }),
    ).toEqual(['value invalid_value']);
    expect(errorsOf({ field: 'channels.email', op: 'subscribed', value: 'yes' })).toEqual([
      'value invalid_value',
    ]);
    expect(errorsOf({ field: 'fit.crm', op: 'gt', value: Number.NaN })).toEqual([
      'value invalid_value',
    ]);
  });

  it('rejects select values that are not options', () => {
    expect(errorsOf({ field: 'custom.plan', op: 'eq', value: 'gold' })).toEqual([
      'value unknown_option',
    ]);
    expect(
      errorsOf({ field: 'custom.interests', op: 'has_any', value: ['golf', 'chess'] }),
    ).toEqual(['value.1 unknown_option']);
  });

  it('checks segment ids when given, and activity shape', () => {
    expect(errorsOf({ segment: 's2', op: 'in' })).toEqual(['segment unknown_segment']);
    expect(errorsOf({ segment: 's2', op: 'in' }, { segmentIds: undefined })).toEqual([]);
    expect(errorsOf({ segment: 's1', op: 'member' })).toEqual(['op invalid_value']);
    expect(errorsOf({ activity: 'opened', count: { gte: 1 } })).toEqual(['activity invalid_value']);
    expect(errorsOf({ activity: 'email.opened', count: {} })).toEqual(['count invalid_value']);
  });

  it('enforces the limits', () => {
    expect(errorsOf(nest(8))).toEqual([]);
    expect(errorsOf(nest(9))).toEqual(['not.not.not.not.not.not.not.not too_deep']);
    expect(errorsOf(nest(100_000))).toHaveLength(1);
    const many = (n: number) => ({
      or: Array.from({ length: n }, () => ({ field: 'stage', op: 'eq', value: 'x' })),
    });
    expect(errorsOf(many(100))).toEqual([]);
    expect(errorsOf(many(101))).toEqual(['or too_many_conditions']);
    expect(errorsOf({ and: [many(60), many(60)] })).toEqual(['and.1.or.40 too_many_conditions']);
    const list = (n: number) => ({ field: 'stage', op: 'in', value: Array(n).fill('x') });
    expect(errorsOf(list(500))).toEqual([]);
    expect(errorsOf(list(501))).toEqual(['value list_too_long']);
    expect(errorsOf({ field: 'stage', op: 'eq', value: 'x'.repeat(501) })).toEqual([
      'value string_too_long',
    ]);
    expect(errorsOf({ field: 'createdAt', op: 'within_last', value: { days: 366 } })).toEqual([
      'value window_too_long',
    ]);
    expect(errorsOf({ field: 'createdAt', op: 'within_last', value: { hours: 365 * 24 } })).toEqual(
      [],
    );
    expect(
      errorsOf({ activity: 'email.opened', count: { gte: 1 }, within: { days: 400 } }),
    ).toEqual(['within.days window_too_long']);
    expect(errorsOf(nest(3), { limits: { maxDepth: 2 } })).toEqual(['not.not too_deep']);
  });
});
