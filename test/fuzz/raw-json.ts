/**
 * JSON text the fuzzer sends, including what `JSON.stringify` cannot write: nesting tens of
 * thousands deep (the native serializer would overflow), duplicated keys, numbers out of the
 * double range. A `RawJson` value is spliced into the text as it is; `label` is how failure
 * reports show it (the text itself may be megabytes).
 */
export class RawJson {
  constructor(
    readonly text: string,
    readonly label: string,
  ) {}
}

/** The JSON text of `value`, with `RawJson` parts spliced in verbatim. */
export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
  const parts = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${JSON.stringify(k)}:${toJsonText(v)}`);
  return `{${parts.join(',')}}`;
}

/** A short, readable rendering for failure reports: long strings and raw parts abbreviated. */
export function describeValue(value: unknown, max = 120): string {
  if (value instanceof RawJson) return `«${value.label}»`;
  if (typeof value === 'string')
    return value.length > max
      ? `${JSON.stringify(value.slice(0, 40))}…(${value.length} chars)`
      : JSON.stringify(value);
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? typeof value;
  if (Array.isArray(value)) {
    const items = value.slice(0, 20).map((v) => describeValue(v, max));
    if (value.length > 20) items.push(`…(${value.length} items)`);
    return `[${items.join(',')}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  const parts = entries
    .slice(0, 30)
    .map(([k, v]) => `${JSON.stringify(k)}:${describeValue(v, max)}`);
  if (entries.length > 30) parts.push(`…(${entries.length} keys)`);
  return `{${parts.join(',')}}`;
}

/** `{"a":{"a":…1…}}` or `[[[…]]]`, `depth` levels: built as text, never as objects. */
export function deepNesting(depth: number, kind: 'object' | 'array'): RawJson {
  const text =
    kind === 'object'
      ? `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`
      : `${'['.repeat(depth)}1${']'.repeat(depth)}`;
  return new RawJson(text, `${kind}s nested ${depth} deep`);
}

/** `object` with `key` written once more at the end, as `second` (JSON.parse keeps the last). */
export function withDuplicatedKey(
  object: Record<string, unknown>,
  key: string,
  second: unknown,
): RawJson {
  const inner = toJsonText(object).slice(1, -1);
  const extra = `${JSON.stringify(key)}:${toJsonText(second)}`;
  const text = `{${inner}${inner ? ',' : ''}${extra}}`;
  const shown = describeValue(object).slice(0, -1);
  return new RawJson(
    text,
    `${shown}${shown.length > 1 ? ',' : ''}${JSON.stringify(key)}:${describeValue(second)}} (key twice)`,
  );
}
