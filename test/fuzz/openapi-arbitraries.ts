import fc from 'fast-check';
import { hostileValue, oddKey, weirdString, wrongTypeOf } from './hostile-values';
import { withDuplicatedKey } from './raw-json';

/**
 * JSON Schema (the subset docs/openapi.json uses) → fast-check arbitraries, in two flavours:
 * `validOf` draws values the schema accepts, boundaries included (strings of exactly the
 * maximum length, numbers at the limits, arrays at their item limit); `mutatedOf` draws a value
 * that is valid except in one place, and that place holds something hostile: another type,
 * one past a limit, an operator object, an unknown or duplicated key, a missing required key.
 */
export type Schema = { [key: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any

export interface SchemaContext {
  schemas: Record<string, Schema>;
  /** Ids for a property named `name` whose schema is the `Id` component: real records first. */
  id(name: string | undefined): fc.Arbitrary<string>;
  /** Generators for components the schema leaves open (e.g. the segment filter AST). */
  named?: Record<string, fc.Arbitrary<unknown>>;
}

const MAX_DEPTH = 8;
/** Arrays drawn at their item limit only up to this limit (bigger ones cost without finding more). */
const MAX_FULL_ARRAY = 200;

/** The schema behind `$ref`s and `allOf`s, with the component's name when it was one. */
export function resolve(schema: Schema, ctx: SchemaContext): { s: Schema; ref?: string } {
  let ref: string | undefined;
  let s = schema;
  for (let hops = 0; s.$ref && hops < 20; hops++) {
    ref = String(s.$ref).split('/').pop();
    s = { ...ctx.schemas[ref!], ...withoutKey(s, '$ref') };
  }
  if (Array.isArray(s.allOf)) {
    let merged: Schema = withoutKey(s, 'allOf');
    for (const part of s.allOf as Schema[]) {
      const r = resolve(part, ctx);
      ref ??= r.ref;
      merged = mergeSchemas(merged, r.s);
    }
    s = merged;
  }
  return { s, ref };
}

function withoutKey(s: Schema, key: string): Schema {
  const { [key]: _drop, ...rest } = s;
  return rest;
}

function mergeSchemas(a: Schema, b: Schema): Schema {
  const out: Schema = { ...a, ...b };
  const ta = typesOf(a);
  const tb = typesOf(b);
  if (ta && tb) {
    const both = ta.filter((t) => tb.includes(t));
    out.type = both.length > 0 ? both : ta;
  } else out.type = a.type ?? b.type;
  if (a.properties || b.properties) out.properties = { ...a.properties, ...b.properties };
  if (a.required || b.required) out.required = [...(a.required ?? []), ...(b.required ?? [])];
  return out;
}

function typesOf(s: Schema): string[] | undefined {
  if (Array.isArray(s.type)) return s.type as string[];
  if (typeof s.type === 'string') return [s.type];
  if (s.properties || s.additionalProperties) return ['object'];
  if (s.items) return ['array'];
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Valid values

/** A value `schema` accepts; `name` is the property (or parameter) it is for. */
export function validOf(
  schema: Schema,
  ctx: SchemaContext,
  name?: string,
  depth = 0,
): fc.Arbitrary<unknown> {
  const { s, ref } = resolve(schema, ctx);
  if (ref && ctx.named?.[ref]) return ctx.named[ref];
  if (ref === 'Id') return ctx.id(name);
  if ('const' in s) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  const branches = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
  if (branches) return fc.oneof(...branches.map((b) => validOf(b, ctx, name, depth + 1)));
  const types = typesOf(s);
  if (!types) return fc.jsonValue({ maxDepth: 2 });
  return fc.oneof(...types.map((t) => validOfType(t, s, ctx, name, depth)));
}

function validOfType(
  type: string,
  s: Schema,
  ctx: SchemaContext,
  name: string | undefined,
  depth: number,
): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string':
      return validString(s);
    case 'integer':
    case 'number':
      return validNumber(s, type === 'integer');
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return validArray(s, ctx, name, depth);
    case 'object':
      return validObject(s, ctx, depth);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function lengthsOf(s: Schema): { min: number; max: number } {
  const min = typeof s.minLength === 'number' ? s.minLength : 0;
  const max = typeof s.maxLength === 'number' ? s.maxLength : Math.max(min, 2000);
  return { min, max };
}

function validString(s: Schema): fc.Arbitrary<string> {
  const { min, max } = lengthsOf(s);
  const fits = (v: string) => v.length >= min && v.length <= max;
  // Mapped into the limits, never filtered (a filter that rarely passes never ends): repeating
  // a string of a `^[…]+$` pattern still matches it.
  const fit = (v: string) => {
    let out = v || 'y';
    while (out.length < min) out += out;
    return out.slice(0, max);
  };
  if (typeof s.pattern === 'string') return fc.stringMatching(new RegExp(s.pattern)).map(fit);
  switch (s.format) {
    case 'email':
      return fc.emailAddress().map(fit);
    case 'date-time':
      return fc
        .integer({ min: 0, max: Date.UTC(2100, 0, 1) })
        .map((t) => new Date(t).toISOString());
    case 'uri':
      return fc.webUrl().map(fit);
    case 'ip':
      return fc.ipV4();
  }
  const typical = Math.min(max, min + 30);
  return fc.oneof(
    { arbitrary: fc.string({ minLength: min, maxLength: typical }), weight: 4 },
    {
      arbitrary: fc.string({ unit: 'grapheme', minLength: min, maxLength: typical }).map(fit),
      weight: 2,
    },
    { arbitrary: weirdString.map((v) => (fits(v) ? v : fit(v))), weight: 1 },
    // Boundaries: exactly the shortest and the longest accepted.
    {
      arbitrary: fc.constantFrom('y'.repeat(Math.max(min, 1)), 'z'.repeat(max)).map(fit),
      weight: 1,
    },
  );
}

function numberBounds(s: Schema, integer: boolean): { min: number; max: number } {
  const step = integer ? 1 : 1e-9;
  let min = typeof s.minimum === 'number' ? s.minimum : integer ? -(2 ** 31) : -1e9;
  let max = typeof s.maximum === 'number' ? s.maximum : integer ? 2 ** 31 : 1e9;
  if (typeof s.exclusiveMinimum === 'number') min = s.exclusiveMinimum + step;
  if (typeof s.exclusiveMaximum === 'number') max = s.exclusiveMaximum - step;
  return { min, max };
}

function validNumber(s: Schema, integer: boolean): fc.Arbitrary<number> {
  const { min, max } = numberBounds(s, integer);
  const typical = integer
    ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
    : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  const edges = integer ? [Math.ceil(min), Math.floor(max)] : [min, max];
  return fc.oneof(
    { arbitrary: typical, weight: 4 },
    { arbitrary: fc.constantFrom(...edges), weight: 1 },
  );
}

function validArray(
  s: Schema,
  ctx: SchemaContext,
  name: string | undefined,
  depth: number,
): fc.Arbitrary<unknown[]> {
  const items = (s.items ?? {}) as Schema;
  const minItems = typeof s.minItems === 'number' ? s.minItems : 0;
  const maxItems = typeof s.maxItems === 'number' ? s.maxItems : 20;
  if (depth >= MAX_DEPTH) return fc.constant([]);
  const item = validOf(items, ctx, name, depth + 1);
  const typical = fc.array(item, {
    minLength: minItems,
    maxLength: Math.min(maxItems, minItems + 3),
  });
  if (maxItems > MAX_FULL_ARRAY || maxItems <= minItems + 3) return typical;
  return fc.oneof(
    { arbitrary: typical, weight: 5 },
    { arbitrary: fc.array(item, { minLength: maxItems, maxLength: maxItems }), weight: 1 },
  );
}

function validObject(s: Schema, ctx: SchemaContext, depth: number): fc.Arbitrary<unknown> {
  const props = (s.properties ?? {}) as Record<string, Schema>;
  const required = new Set((s.required ?? []) as string[]);
  const names = Object.keys(props);
  if (depth >= MAX_DEPTH) return fc.constant({});
  const additional = s.additionalProperties;
  if (names.length === 0) {
    if (additional === false || additional === undefined) return fc.constant({});
    const values = additional === true ? {} : (additional as Schema);
    return fc.dictionary(
      fc.stringMatching(/^[a-z][a-z0-9_]{0,20}$/),
      validOf(values, ctx, undefined, depth + 1),
      { maxKeys: 4 },
    );
  }
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const n of names) model[n] = validOf(props[n], ctx, n, depth + 1);
  return fc.record(model, { requiredKeys: names.filter((n) => required.has(n)) });
}

// ---------------------------------------------------------------------------------------------
// Mutated values

/** A value valid but for one place, which holds something hostile. */
export function mutatedOf(
  schema: Schema,
  ctx: SchemaContext,
  name?: string,
  depth = 0,
): fc.Arbitrary<unknown> {
  const { s } = resolve(schema, ctx);
  const types = typesOf(s) ?? [];
  const here: { arbitrary: fc.Arbitrary<unknown>; weight: number }[] = [
    { arbitrary: wrongTypeOf(types[0]), weight: 2 },
    { arbitrary: hostileValue, weight: 3 },
  ];
  const outside = outOfBounds(s);
  if (outside) here.push({ arbitrary: outside, weight: 2 });
  if (depth < MAX_DEPTH) {
    if (types.includes('object') && s.properties && Object.keys(s.properties).length > 0)
      here.push({ arbitrary: mutatedObject(s, ctx, depth), weight: 6 });
    else if (types.includes('object'))
      here.push({ arbitrary: objectWithHostileKeys(s, ctx, depth), weight: 3 });
    if (types.includes('array'))
      here.push({ arbitrary: mutatedArray(s, ctx, name, depth), weight: 3 });
    const branches = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
    if (branches)
      here.push({
        arbitrary: fc.oneof(...branches.map((b) => mutatedOf(b, ctx, name, depth + 1))),
        weight: 2,
      });
  }
  return fc.oneof(...here);
}

/** Just past a limit the schema states: one character, one item, one unit, a foreign enum. */
function outOfBounds(s: Schema): fc.Arbitrary<unknown> | undefined {
  const out: unknown[] = [];
  if (typeof s.maxLength === 'number') out.push('w'.repeat(s.maxLength + 1));
  if (typeof s.minLength === 'number' && s.minLength > 0) out.push('w'.repeat(s.minLength - 1));
  if (typeof s.maximum === 'number') out.push(s.maximum + 1);
  if (typeof s.minimum === 'number') out.push(s.minimum - 1);
  if (typeof s.exclusiveMinimum === 'number') out.push(s.exclusiveMinimum);
  if (typesOf(s)?.includes('integer')) out.push(1.5);
  if (Array.isArray(s.enum)) out.push(`${String(s.enum[0])}x`, String(s.enum[0]).toUpperCase());
  if (typeof s.maxItems === 'number' && s.maxItems <= 1000)
    out.push(new Array(s.maxItems + 1).fill('a'));
  if (typeof s.minItems === 'number' && s.minItems > 0) out.push([]);
  if (typeof s.pattern === 'string') out.push('Not Matching!', 'a b', '-');
  return out.length > 0 ? fc.constantFrom(...out) : undefined;
}

function mutatedObject(s: Schema, ctx: SchemaContext, depth: number): fc.Arbitrary<unknown> {
  const props = s.properties as Record<string, Schema>;
  const names = Object.keys(props);
  const base = validObject(s, ctx, depth) as fc.Arbitrary<Record<string, unknown>>;
  const required = (s.required ?? []) as string[];
  const options: fc.Arbitrary<unknown>[] = [
    // One property mutated, the others valid.
    fc
      .constantFrom(...names)
      .chain((n) => fc.tuple(base, fc.constant(n), mutatedOf(props[n], ctx, n, depth + 1)))
      .map(([o, n, v]) => ({ ...o, [n]: v })),
    objectWithHostileKeys(s, ctx, depth),
    // A key written twice: a valid value first, a hostile one last (JSON.parse keeps the last).
    fc
      .tuple(base, fc.constantFrom(...names), hostileValue)
      .map(([o, n, v]) => withDuplicatedKey(o, n, v)),
  ];
  if (required.length > 0)
    options.push(
      fc.tuple(base, fc.constantFrom(...required)).map(([o, n]) => {
        const copy = { ...o };
        delete copy[n];
        return copy;
      }),
    );
  return fc.oneof(...options);
}

/** A valid object plus keys no schema has (operators, dotted, prototype names) with hostile values. */
function objectWithHostileKeys(
  s: Schema,
  ctx: SchemaContext,
  depth: number,
): fc.Arbitrary<unknown> {
  return fc
    .tuple(
      validObject(s, ctx, depth) as fc.Arbitrary<Record<string, unknown>>,
      fc.array(fc.tuple(oddKey, hostileValue), { minLength: 1, maxLength: 3 }),
    )
    .map(([o, extra]) => {
      const out: Record<string, unknown> = { ...o };
      // defineProperty: `__proto__` stays an own key (assignment would set the prototype).
      for (const [k, v] of extra)
        Object.defineProperty(out, k, {
          value: v,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      return out;
    });
}

function mutatedArray(
  s: Schema,
  ctx: SchemaContext,
  name: string | undefined,
  depth: number,
): fc.Arbitrary<unknown> {
  const items = (s.items ?? {}) as Schema;
  return fc
    .tuple(
      fc.array(validOf(items, ctx, name, depth + 1), { maxLength: 3 }),
      mutatedOf(items, ctx, name, depth + 1),
      fc.nat(),
    )
    .map(([valid, bad, at]) => {
      const out = [...valid];
      out.splice(at % (out.length + 1), 0, bad);
      return out;
    });
}
