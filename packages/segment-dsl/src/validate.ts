import { z, type ZodError } from 'zod';
import {
  ActivityCondition,
  FieldCondition,
  RelativeWindow,
  SegmentCondition,
  type Filter,
  type FieldOp,
} from './ast';
import { OPS_BY_KIND, resolveField, type CustomFieldDefinition, type FieldKind } from './fields';
import { DEFAULT_LIMITS, type Limits } from './limits';
import { parseInstant } from './values';

export type ValidationCode =
  | 'invalid_shape'
  | 'unknown_field'
  | 'unknown_custom_field'
  | 'op_not_allowed'
  | 'invalid_value'
  | 'unknown_option'
  | 'unknown_segment'
  | 'too_deep'
  | 'too_many_conditions'
  | 'list_too_long'
  | 'string_too_long'
  | 'window_too_long';

export interface ValidationError {
  /** Dotted path into the filter: `and.0.value`, `or.1.not.field`; `""` for the root. */
  path: string;
  message: string;
  code: ValidationCode;
}

export interface ValidateOptions {
  customFields: readonly CustomFieldDefinition[];
  /** When given, segment conditions must name one of these. */
  segmentIds?: readonly string[];
  limits?: Partial<Limits>;
}

export type ValidationResult =
  { ok: true; filter: Filter } | { ok: false; errors: ValidationError[] };

const MAX_ERRORS = 50;
const FieldShape = FieldCondition.extend({ value: z.unknown() });

/**
 * Checks an untrusted filter: structure, field names, operators by field type, values, custom
 * fields and select options, segment ids, and the complexity limits. Recursion is bounded by
 * `maxDepth` and work by `maxConditions`, so hostile input cannot exhaust the service.
 */
export function validate(raw: unknown, options: ValidateOptions): ValidationResult {
  const v = new Validator(options);
  v.node(raw, [], 1);
  return v.errors.length === 0
    ? { ok: true, filter: raw as Filter }
    : { ok: false, errors: v.errors };
}

type Path = (string | number)[];

/** Items of a list-valued field are checked like a scalar of this kind. */
const itemKind = (kind: FieldKind): FieldKind =>
  kind === 'tags' ? 'text' : kind === 'multi_select' ? 'select' : kind;

class Validator {
  readonly errors: ValidationError[] = [];
  private readonly limits: Limits;
  private conditions = 0;

  constructor(private readonly options: ValidateOptions) {
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
  }

  fail(path: Path, code: ValidationCode, message: string): void {
    if (this.errors.length < MAX_ERRORS) this.errors.push({ path: path.join('.'), code, message });
  }

  node(raw: unknown, path: Path, depth: number): void {
    if (depth > this.limits.maxDepth) {
      return this.fail(path, 'too_deep', `filters nest at most ${this.limits.maxDepth} levels`);
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      return this.fail(path, 'invalid_shape', 'expected a filter object');
    }
    const keys = Object.keys(raw);
    const obj = raw as Record<string, unknown>;
    for (const group of ['and', 'or'] as const) {
      if (group in obj) return this.group(obj, group, keys, path, depth);
    }
    if ('not' in obj) {
      if (keys.length !== 1) return this.fail(path, 'invalid_shape', '"not" stands alone');
      return this.node(obj.not, [...path, 'not'], depth + 1);
    }
    if ('field' in obj || 'activity' in obj || 'segment' in obj) {
      if (++this.conditions > this.limits.maxConditions) {
        if (this.conditions === this.limits.maxConditions + 1) {
          this.fail(path, 'too_many_conditions', `at most ${this.limits.maxConditions} conditions`);
        }
        return;
      }
      if ('field' in obj) return this.field(obj, path);
      if ('activity' in obj) return this.activity(obj, path);
      return this.segment(obj, path);
    }
    this.fail(path, 'invalid_shape', 'expected one of and, or, not, field, activity, segment');
  }

  private group(
    obj: Record<string, unknown>,
    key: 'and' | 'or',
    keys: string[],
    path: Path,
    depth: number,
  ): void {
    const items = obj[key];
    if (keys.length !== 1) return this.fail(path, 'invalid_shape', `"${key}" stands alone`);
    if (!Array.isArray(items) || items.length === 0) {
      return this.fail([...path, key], 'invalid_shape', `"${key}" takes a non-empty list`);
    }
    if (items.length > this.limits.maxConditions) {
      return this.fail(
        [...path, key],
        'too_many_conditions',
        `at most ${this.limits.maxConditions} conditions`,
      );
    }
    items.forEach((item, i) => this.node(item, [...path, key, i], depth + 1));
  }

  private zodErrors(error: ZodError, path: Path): void {
    for (const issue of error.issues) {
      const code = issue.code === 'unrecognized_keys' ? 'invalid_shape' : 'invalid_value';
      this.fail(
        [...path, ...issue.path],
        issue.path.length === 0 ? 'invalid_shape' : code,
        issue.message,
      );
    }
  }

  private segment(obj: Record<string, unknown>, path: Path): void {
    const parsed = SegmentCondition.safeParse(obj);
    if (!parsed.success) return this.zodErrors(parsed.error, path);
    const ids = this.options.segmentIds;
    if (ids && !ids.includes(parsed.data.segment)) {
      this.fail([...path, 'segment'], 'unknown_segment', `no segment "${parsed.data.segment}"`);
    }
  }

  private activity(obj: Record<string, unknown>, path: Path): void {
    const parsed = ActivityCondition.safeParse(obj);
    if (!parsed.success) return this.zodErrors(parsed.error, path);
    const days = parsed.data.within?.days;
    if (days !== undefined && days > this.limits.maxWindowDays) {
      this.fail(
        [...path, 'within', 'days'],
        'window_too_long',
        `at most ${this.limits.maxWindowDays} days`,
      );
    }
  }

  private field(obj: Record<string, unknown>, path: Path): void {
    // The value is checked below against field and op, for a message that says what was expected.
    const parsed = FieldShape.safeParse(obj);
    if (!parsed.success) return this.zodErrors(parsed.error, path);
    const { field, op, value } = parsed.data;
    const resolved = resolveField(field, this.options.customFields);
    if (!resolved.ok) return this.fail([...path, 'field'], resolved.code, resolved.message);
    if (!OPS_BY_KIND[resolved.kind].includes(op)) {
      return this.fail(
        [...path, 'op'],
        'op_not_allowed',
        `"${op}" does not apply to ${resolved.kind} field "${field}"`,
      );
    }
    this.value(resolved.kind, op, value, resolved.options, [...path, 'value']);
  }

  private value(
    kind: FieldKind,
    op: FieldOp,
    value: unknown,
    options: string[] | undefined,
    path: Path,
  ): void {
    const bad = (message: string) => this.fail(path, 'invalid_value', message);
    switch (op) {
      case 'exists':
      case 'subscribed':
      case 'suppressed':
      case 'opted_in':
      case 'opted_out':
      case 'consent_unknown':
        if (value !== undefined && (kind !== 'channel' || typeof value !== 'boolean')) {
          bad(kind === 'channel' ? 'expected true, false or no value' : 'takes no value');
        }
        return;
      case 'not_exists':
        if (value !== undefined) bad('takes no value');
        return;
      case 'eq':
      case 'ne':
        return this.scalar(kind, value, options, path);
      case 'in':
      case 'nin':
      case 'has_any':
      case 'has_all':
      case 'has_none':
        if (!Array.isArray(value) || value.length === 0) return bad('expected a non-empty list');
        if (value.length > this.limits.maxListSize) {
          return this.fail(path, 'list_too_long', `at most ${this.limits.maxListSize} items`);
        }
        value.forEach((item, i) => this.scalar(itemKind(kind), item, options, [...path, i]));
        return;
      case 'gt':
      case 'gte':
      case 'lt':
      case 'lte':
        return this.scalar(kind, value, options, path);
      case 'between': {
        if (!Array.isArray(value) || value.length !== 2) return bad('expected [low, high]');
        value.forEach((item, i) =>
          kind === 'date'
            ? this.instant(item, [...path, i])
            : this.scalar(kind, item, options, [...path, i]),
        );
        const [lo, hi] = (value as unknown[]).map((x) =>
          kind === 'date' ? parseInstant(x)?.getTime() : x,
        );
        if (typeof lo === 'number' && typeof hi === 'number' && lo > hi) bad('low is above high');
        return;
      }
      case 'contains':
      case 'starts_with':
        if (typeof value !== 'string' || value.length === 0)
          return bad('expected a non-empty string');
        return this.string(value, path);
      case 'before':
      case 'after':
        return this.instant(value, path);
      case 'within_last': {
        const parsed = RelativeWindow.safeParse(value);
        if (!parsed.success) return bad('expected { days: n } or { hours: n }');
        const days = 'days' in parsed.data ? parsed.data.days : parsed.data.hours / 24;
        if (days > this.limits.maxWindowDays) {
          this.fail(path, 'window_too_long', `at most ${this.limits.maxWindowDays} days`);
        }
        return;
      }
    }
  }

  private scalar(kind: FieldKind, value: unknown, options: string[] | undefined, path: Path): void {
    const expected = kind === 'number' ? 'number' : kind === 'boolean' ? 'boolean' : 'string';
    if (typeof value !== expected || (typeof value === 'number' && !Number.isFinite(value))) {
      return this.fail(path, 'invalid_value', `expected a ${expected}`);
    }
    if (typeof value === 'string') {
      this.string(value, path);
      if ((kind === 'select' || kind === 'multi_select') && options && !options.includes(value)) {
        this.fail(
          path,
          'unknown_option',
          `"${value.slice(0, 100)}" is not an option of this field`,
        );
      }
    }
  }

  private string(value: string, path: Path): void {
    if (value.length > this.limits.maxStringLength) {
      this.fail(path, 'string_too_long', `at most ${this.limits.maxStringLength} characters`);
    }
  }

  private instant(value: unknown, path: Path): void {
    if (!parseInstant(value)) {
      this.fail(
        path,
        'invalid_value',
        'expected an ISO date (2026-01-31) or date-time with offset',
      );
    }
  }
}
