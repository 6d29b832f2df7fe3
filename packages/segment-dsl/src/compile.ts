import type { Filter } from './ast';
import { dependenciesOf, type FilterDependencies } from './dependencies';
import { toMongo, type MongoFilter } from './mongo-filter';
import { toPredicate, type EvalOptions } from './predicate';
import type { Profile } from './profile';

export interface CompiledFilter {
  /** The truth for membership. */
  predicate(profile: Profile): boolean;
  /**
   * A query over stored Profiles selecting a superset of the members (`undefined`: no
   * prefilter, scan everything); when `exact`, exactly the members.
   */
  mongo: MongoFilter | undefined;
  exact: boolean;
  dependsOn: FilterDependencies;
}

/**
 * Compiles a filter that passed `validate()`. Relative conditions are fixed at `options.now`:
 * compile again to move the clock (`dependsOn.relativeTime` says when that matters).
 */
export function compile(filter: Filter, options: EvalOptions): CompiledFilter {
  const { mongo, exact } = toMongo(filter, options);
  return {
    predicate: toPredicate(filter, options),
    mongo,
    exact,
    dependsOn: dependenciesOf(filter),
  };
}
