import { criteriaOf, scoresOf, weightedTotal } from './fit-score';

describe('fit scoring', () => {
  const { criteria } = criteriaOf(
    [
      { key: 'budget', label: 'Budget', weight: 2 },
      {
        key: 'vip',
        label: 'VIP',
        weight: 1,
        filter: { field: 'tags', op: 'has_any', value: ['vip'] },
      },
    ],
    [],
  );

  it('weights manual and derived scores, two decimals', () => {
    const { scores, errors } = scoresOf(criteria, { budget: 50 }, () => true);
    expect(errors).toEqual([]);
    expect(scores.map((s) => [s.key, s.how, s.score])).toEqual([
      ['budget', 'manual', 50],
      ['vip', 'derived', 100],
    ]);
    expect(weightedTotal(scores)).toBe(66.67);
    expect(weightedTotal([])).toBe(0);
  });

  it('passes the stored filter to the predicate and names every bad score', () => {
    const seen: unknown[] = [];
    const { errors } = scoresOf(criteria, { vip: 10, nope: 3 }, (f) => {
      seen.push(f);
      return false;
    });
    expect(seen).toEqual([{ field: 'tags', op: 'has_any', value: ['vip'] }]);
    expect(errors.map((e) => e.path).sort()).toEqual([
      'scores.budget',
      'scores.nope',
      'scores.vip',
    ]);
  });

  it('refuses activity conditions in derived criteria', () => {
    const { errors } = criteriaOf(
      [
        {
          key: 'opens',
          label: 'Opens',
          weight: 1,
          filter: { activity: 'email.opened', count: { gte: 1 } },
        },
      ],
      [],
    );
    expect(errors).toEqual([expect.objectContaining({ path: 'criteria.0.filter' })]);
  });
});
