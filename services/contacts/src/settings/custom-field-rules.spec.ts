import { CustomFieldRules, isCalendarDate } from './custom-field-rules';
import type { CustomFieldDoc } from './custom-field.schema';

type Def = Pick<CustomFieldDoc, 'slug' | 'type' | 'options' | 'required' | 'validation' | 'status'>;
const def = (d: Partial<Def> & Pick<Def, 'slug' | 'type'>): Def => ({
  options: [],
  required: false,
  validation: null,
  status: 'active',
  ...d,
});

const rules = new CustomFieldRules([
  def({ slug: 'plan', type: 'select', options: ['free', 'pro'], required: true }),
  def({ slug: 'seats', type: 'number', validation: { min: 1, max: 500 } }),
  def({ slug: 'code', type: 'text', validation: { max: 6, pattern: '[A-Z]+-\\d+' } }),
  def({ slug: 'renews', type: 'date' }),
  def({ slug: 'vip', type: 'boolean' }),
  def({
    slug: 'areas',
    type: 'multi_select',
    options: ['eu', 'us', 'apac'],
    validation: { max: 2 },
  }),
  def({ slug: 'legacy', type: 'text', status: 'retired', required: true }),
]);

const paths = (errors: { path: string }[]) => errors.map((e) => e.path).sort();

describe('custom-field value rules', () => {
  it('accepts values of every type that fit their definitions', () => {
    expect(
      rules.errors(
        {
          plan: 'pro',
          seats: 12,
          code: 'AB-12',
          renews: '2024-02-29',
          vip: false,
          areas: ['eu', 'us'],
        },
        'create',
      ),
    ).toEqual([]);
  });

  it('reports each bad value under customFields.<slug>', () => {
    const errors = rules.errors(
      {
        plan: 'gold',
        seats: 0,
        code: 'ab-1',
        renews: '2023-02-29',
        vip: 'yes',
        areas: ['eu', 'eu'],
        nope: 1,
        legacy: 'x',
      },
      'create',
      'rows.2.',
    );
    expect(paths(errors)).toEqual(
      ['areas', 'code', 'legacy', 'nope', 'plan', 'renews', 'seats', 'vip'].map(
        (s) => `rows.2.customFields.${s}`,
      ),
    );
    expect(errors.find((e) => e.path.endsWith('legacy'))?.message).toMatch(/retired/);
    expect(errors.find((e) => e.path.endsWith('nope'))?.message).toMatch(/no such/);
  });

  it('requires active required fields on create only, and refuses clearing them on update', () => {
    expect(paths(rules.errors({}, 'create'))).toEqual(['customFields.plan']);
    expect(rules.errors({ seats: 3 }, 'update')).toEqual([]);
    expect(paths(rules.errors({ plan: null }, 'update'))).toEqual(['customFields.plan']);
    // A retired field's value may be cleared, never set.
    expect(rules.errors({ legacy: null }, 'update')).toEqual([]);
    expect(paths(rules.errors({ areas: ['eu', 'us', 'apac'] }, 'update'))).toEqual([
      'customFields.areas',
    ]);
  });

  it('reads CSV text in the field type', () => {
    expect(rules.fromText('seats', ' 42 ')).toBe(42);
    expect(rules.fromText('vip', 'Yes')).toBe(true);
    expect(rules.fromText('areas', 'eu|us')).toEqual(['eu', 'us']);
    expect(rules.fromText('seats', 'many')).toBe('many');
    expect(rules.fromText('plan', '')).toBeNull();
  });

  it('knows calendar dates', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2024-2-1')).toBe(false);
  });
});
