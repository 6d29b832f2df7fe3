import type { FieldError, FitCriterionInput } from '@switchboard/contracts';
import {
  dependenciesOf,
  validate,
  type CustomFieldDefinition,
  type Filter,
} from '@switchboard/segment-dsl';
import type { CriterionDoc, ScoreDoc } from './fit.schema';

/**
 * Criteria as stored, after checking each derived criterion's filter like a segment filter
 * (fields, operators, values, custom fields, limits). Activity conditions are refused: the
 * contacts service keeps no behavioural counters (the segments projection does).
 */
export function criteriaOf(
  inputs: FitCriterionInput[],
  customFields: readonly CustomFieldDefinition[],
): { criteria: CriterionDoc[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const criteria = inputs.map((c, i): CriterionDoc => {
    if (c.filter === undefined) {
      return { key: c.key, label: c.label, weight: c.weight, how: 'manual', filterJson: null };
    }
    const checked = validate(c.filter, { customFields });
    if (!checked.ok) {
      for (const e of checked.errors) {
        errors.push({
          path: `criteria.${i}.filter${e.path ? `.${e.path}` : ''}`,
          message: e.message,
          code: e.code,
        });
      }
    } else if (dependenciesOf(checked.filter).activity) {
      errors.push({
        path: `criteria.${i}.filter`,
        message: 'activity conditions cannot be derived from the contact; use a segment',
        code: 'op_not_allowed',
      });
    }
    return {
      key: c.key,
      label: c.label,
      weight: c.weight,
      how: 'derived',
      filterJson: JSON.stringify(c.filter),
    };
  });
  return { criteria, errors };
}

/**
 * The scores of one assessment: manual criteria from `manual` (every one required, 0–100),
 * derived ones from `holds` (100 when the filter holds for the contact, else 0). A score for a
 * derived or unknown criterion is an error.
 */
export function scoresOf(
  criteria: CriterionDoc[],
  manual: Record<string, number>,
  holds: (filter: Filter) => boolean,
): { scores: ScoreDoc[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const byKey = new Map(criteria.map((c) => [c.key, c]));
  for (const key of Object.keys(manual)) {
    const c = byKey.get(key);
    if (!c) errors.push({ path: `scores.${key}`, message: 'no such criterion on this product' });
    else if (c.how === 'derived') {
      errors.push({
        path: `scores.${key}`,
        message: 'derived from the contact; not scored by hand',
      });
    }
  }
  const scores = criteria.map((c): ScoreDoc => {
    let score: number;
    if (c.how === 'derived') {
      score = holds(JSON.parse(c.filterJson!) as Filter) ? 100 : 0;
    } else if (manual[c.key] === undefined) {
      errors.push({ path: `scores.${c.key}`, message: `a score 0–100 for "${c.label}" is needed` });
      score = 0;
    } else {
      score = manual[c.key]!;
    }
    return { key: c.key, label: c.label, weight: c.weight, how: c.how, score };
  });
  return { scores, errors };
}

/** Σ weight × score / Σ weight, rounded to two decimals (0 without weight). */
export function weightedTotal(scores: Pick<ScoreDoc, 'weight' | 'score'>[]): number {
  const weight = scores.reduce((s, c) => s + c.weight, 0);
  if (weight === 0) return 0;
  const sum = scores.reduce((s, c) => s + c.weight * c.score, 0);
  return Math.round((sum / weight) * 100) / 100;
}
