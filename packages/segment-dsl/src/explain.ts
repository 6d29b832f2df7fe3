import { isActivity, isAnd, isField, isNot, isOr, type Condition, type Filter } from './ast';
import { activityCount, conditionTest, readField, type EvalOptions } from './predicate';
import type { Profile } from './profile';

/** Why a profile is (not) in: every node of the filter with whether it held. */
export interface ExplainNode {
  /** `and` / `or` / `not` for groups, the condition itself for leaves. */
  condition: 'and' | 'or' | 'not' | Condition;
  held: boolean;
  children?: ExplainNode[];
  /** For leaves, what was observed: the field's value, the event count, the membership. */
  actual?: unknown;
}

/**
 * Evaluates every node (no short-circuit, so the answer shows all conditions). `held` at the
 * root equals the compiled predicate's answer.
 */
export function explain(filter: Filter, profile: Profile, options: EvalOptions): ExplainNode {
  if (isAnd(filter) || isOr(filter)) {
    const group = isAnd(filter) ? 'and' : 'or';
    const children = (isAnd(filter) ? filter.and : filter.or).map((f) =>
      explain(f, profile, options),
    );
    const held = group === 'and' ? children.every((c) => c.held) : children.some((c) => c.held);
    return { condition: group, held, children };
  }
  if (isNot(filter)) {
    const child = explain(filter.not, profile, options);
    return { condition: 'not', held: !child.held, children: [child] };
  }
  return {
    condition: filter,
    held: conditionTest(filter, options)(profile),
    actual: observed(filter, profile, options),
  };
}

function observed(c: Condition, profile: Profile, options: EvalOptions): unknown {
  if (isField(c)) {
    if (c.field.startsWith('channels.')) {
      const type = c.field.slice('channels.'.length);
      return (profile.channels ?? []).filter((ch) => ch.type === type);
    }
    return readField(profile, c.field) ?? null;
  }
  if (isActivity(c)) return activityCount(c, profile, options.now);
  return (profile.segments ?? []).includes(c.segment);
}
