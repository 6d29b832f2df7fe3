export {
  ActivityCondition,
  ActivityName,
  ConditionValue,
  CountBounds,
  FIELD_OPS,
  FieldCondition,
  FieldOp,
  Filter,
  RelativeWindow,
  SegmentCondition,
} from './ast';
export type { Condition } from './ast';
export { compile } from './compile';
export type { CompiledFilter } from './compile';
export { dependenciesOf, findCycle, segmentDependencies } from './dependencies';
export type { FilterDependencies } from './dependencies';
export { explain } from './explain';
export type { ExplainNode } from './explain';
export { CONTACT_FIELDS, CUSTOM_FIELD_TYPES, OPS_BY_KIND, resolveField } from './fields';
export type { CustomFieldDefinition, CustomFieldType, FieldKind } from './fields';
export { DEFAULT_LIMITS } from './limits';
export type { Limits } from './limits';
export { toMongo } from './mongo-filter';
export type { MongoCompilation, MongoFilter } from './mongo-filter';
export { toPredicate } from './predicate';
export type { EvalOptions } from './predicate';
export { activityKey, CustomValue, dayKey, DayKey, Profile, ProfileChannel } from './profile';
export { validate } from './validate';
export type {
  ValidateOptions,
  ValidationCode,
  ValidationError,
  ValidationResult,
} from './validate';
