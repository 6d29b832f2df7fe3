import type { FieldError } from '@switchboard/contracts';
import type { CustomFieldDoc } from './custom-field.schema';
import { compilePattern } from './safe-pattern';

/** `create`: required fields must have a value. `update`: absent = unchanged, null = clear. */
export type WriteMode = 'create' | 'update';

type Definition = Pick<
  CustomFieldDoc,
  'slug' | 'type' | 'options' | 'required' | 'validation' | 'status'
>;

/** A definition with its pattern compiled (RE2). */
type Checked = Definition & { regex?: ReturnType<typeof compilePattern> };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date `YYYY-MM-DD` that exists (no 2023-02-30). */
export function isCalendarDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

const isEmpty = (v: unknown): boolean =>
  v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * Custom-field values checked against one entity's definitions of a workspace. Built once per
 * workspace (patterns compiled once), then checks any number of records synchronously — what an
 * import batch needs. Values of retired fields are refused on write (a `null` that clears one
 * is accepted); stored values are never touched here.
 */
export class CustomFieldRules {
  private readonly bySlug = new Map<string, Checked>();

  constructor(definitions: Definition[]) {
    for (const d of definitions) {
      this.bySlug.set(d.slug, {
        ...d,
        ...(d.validation?.pattern ? { regex: compilePattern(d.validation.pattern) } : {}),
      });
    }
  }

  /** The definition of a slug, active or retired. */
  definition(slug: string): Definition | undefined {
    return this.bySlug.get(slug);
  }

  /** Field errors (paths `customFields.<slug>`, prefixed with `prefix`); empty when valid. */
  errors(
    values: Record<string, unknown> | null | undefined,
    mode: WriteMode,
    prefix = '',
  ): FieldError[] {
    const errors: FieldError[] = [];
    const at = (slug: string, message: string) =>
      errors.push({ path: `${prefix}customFields.${slug}`, message });
    const given = values ?? {};
    for (const [slug, value] of Object.entries(given)) {
      const def = this.bySlug.get(slug);
      if (!def) {
        at(slug, 'no such custom field');
        continue;
      }
      if (isEmpty(value)) {
        if (mode === 'update' && def.required && def.status === 'active') {
          at(slug, 'required: it cannot be cleared');
        }
        continue;
      }
      if (def.status === 'retired') {
        at(slug, 'this field is retired: it takes no new values');
        continue;
      }
      const problem = valueProblem(def, value);
      if (problem) at(slug, problem);
    }
    if (mode === 'create') {
      for (const def of this.bySlug.values()) {
        if (def.required && def.status === 'active' && isEmpty(given[def.slug])) {
          at(def.slug, 'required');
        }
      }
    }
    return errors;
  }

  /**
   * A value from text (a CSV cell) in the field's type: numbers and booleans parsed,
   * multi-select split on `|` or `;`. Unknown slugs and unparsable text come back as the text,
   * for `errors` to report. Empty text is null (no value).
   */
  fromText(slug: string, text: string): unknown {
    const def = this.bySlug.get(slug);
    const t = text.trim();
    if (t === '') return null;
    switch (def?.type) {
      case 'number':
        return Number.isFinite(Number(t)) ? Number(t) : t;
      case 'boolean':
        if (/^(true|yes|1)$/i.test(t)) return true;
        if (/^(false|no|0)$/i.test(t)) return false;
        return t;
      case 'multi_select':
        return t
          .split(/[|;]/)
          .map((s) => s.trim())
          .filter(Boolean);
      case 'text':
      case 'date':
      case 'select':
      case undefined:
        return t;
    }
  }
}

function valueProblem(def: Checked, value: unknown): string | null {
  const { min, max } = def.validation ?? {};
  switch (def.type) {
    case 'text': {
      if (typeof value !== 'string') return 'expected text';
      if (min !== undefined && value.length < min) return `at least ${min} characters`;
      if (max !== undefined && value.length > max) return `at most ${max} characters`;
      if (def.regex?.problem)
        return `the field's pattern is no longer supported (${def.regex.problem}): redefine it`;
      if (def.regex && !def.regex.test(value)) return `does not match ${def.validation!.pattern}`;
      return null;
    }
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'expected a number';
      if (min !== undefined && value < min) return `at least ${min}`;
      if (max !== undefined && value > max) return `at most ${max}`;
      return null;
    }
    case 'date':
      return typeof value === 'string' && isCalendarDate(value)
        ? null
        : 'expected a date as YYYY-MM-DD';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'expected true or false';
    case 'select':
      if (typeof value !== 'string') return 'expected one of the options';
      return def.options.includes(value) ? null : `not an option (${def.options.join(', ')})`;
    case 'multi_select': {
      if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
        return 'expected a list of options';
      }
      const unknown = (value as string[]).find((v) => !def.options.includes(v));
      if (unknown !== undefined) return `${String(unknown)} is not an option`;
      if (new Set(value).size !== value.length) return 'an option is chosen twice';
      if (min !== undefined && value.length < min) return `choose at least ${min}`;
      if (max !== undefined && value.length > max) return `choose at most ${max}`;
      return null;
    }
  }
}
