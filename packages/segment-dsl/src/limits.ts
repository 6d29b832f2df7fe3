/**
 * Bounds on a user-defined filter so that validating, storing and evaluating it stays cheap:
 * a filter runs against every contact of a workspace, often hundreds of segments per change.
 */
export interface Limits {
  /** Nodes on the longest path from the root to a condition (a lone condition is depth 1). */
  maxDepth: number;
  /** Conditions (field, activity and segment leaves) in the whole filter. */
  maxConditions: number;
  /** Items in one list value (`in`, `has_any`, ...). */
  maxListSize: number;
  /** Characters in one string value. */
  maxStringLength: number;
  /** Longest relative window, in days (`within_last`, activity `within`). */
  maxWindowDays: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxDepth: 8,
  maxConditions: 100,
  maxListSize: 500,
  maxStringLength: 500,
  maxWindowDays: 365,
});
