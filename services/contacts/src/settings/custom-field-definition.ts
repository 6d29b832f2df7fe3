import type { CustomFieldType, CustomFieldValidation, FieldError } from '@switchboard/contracts';
import { unsafePatternReason } from './safe-pattern';

const WITH_OPTIONS = new Set<CustomFieldType>(['select', 'multi_select']);
const WITH_BOUNDS = new Set<CustomFieldType>(['text', 'number', 'multi_select']);

/**
 * What is wrong with a definition (pure): options go with select types only (at least one, no
 * duplicates), min/max with text (length), number (value) and multi-select (choices), whole
 * numbers for lengths and counts; a pattern with text only, and only a safe one.
 */
export function definitionErrors(
  type: CustomFieldType,
  options: string[] | undefined,
  validation: CustomFieldValidation | null | undefined,
): FieldError[] {
  const errors: FieldError[] = [];
  const add = (path: string, message: string) => errors.push({ path, message });
  if (WITH_OPTIONS.has(type)) {
    if (!options || options.length === 0) add('options', `a ${type} field needs options`);
    else if (new Set(options).size !== options.length) add('options', 'an option is listed twice');
  } else if (options && options.length > 0) {
    add('options', `a ${type} field takes no options`);
  }
  const { min, max, pattern } = validation ?? {};
  for (const [key, value] of [
    ['min', min],
    ['max', max],
  ] as const) {
    if (value === undefined) continue;
    if (!WITH_BOUNDS.has(type)) add(`validation.${key}`, `a ${type} field takes no ${key}`);
    else if (type !== 'number' && (!Number.isInteger(value) || value < 0)) {
      add(`validation.${key}`, 'a length or count: a whole number ≥ 0');
    }
  }
  if (pattern !== undefined) {
    if (type !== 'text') add('validation.pattern', 'only text fields take a pattern');
    else {
      const reason = unsafePatternReason(pattern);
      if (reason) add('validation.pattern', reason);
    }
  }
  return errors;
}
