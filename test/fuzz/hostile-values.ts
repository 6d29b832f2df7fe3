import fc from 'fast-check';
import { deepNesting, RawJson } from './raw-json';

/**
 * The catalogue of hostile values the fuzzer puts anywhere a value goes: query operators, odd
 * keys, strings that break parsers and storage, numbers at the edges of the double range,
 * nesting past any sane depth, wrong types. Sizes are integers so fast-check shrinks them.
 */

/** Mongo query operators and their friends, as a client would smuggle them in. */
export const operatorObject: fc.Arbitrary<unknown> = fc.constantFrom<unknown>(
  { $gt: '' },
  { $ne: null },
  { $where: 'sleep(1000) || true' },
  { $regex: '.*' },
  { $in: [] },
  { $exists: true },
  { $expr: { $eq: [1, 1] } },
  { $function: { body: 'function(){return true}', args: [], lang: 'js' } },
  { nested: { $gt: '' } },
  ['$gt', ''],
  { 'a.b': 1 },
  { $: 1 },
);

/** Keys no schema has: operators, dotted paths, prototype names, empty, NUL, huge. */
export const oddKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '$gt',
    '$where',
    '$set',
    'a.b',
    'a..b',
    '.',
    '$',
    '__proto__',
    'constructor',
    'prototype',
    'toString',
    'hasOwnProperty',
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\u202e',
    '😀',
    '_id',
    'workspaceId',
    'id',
    'version',
    'createdAt',
  ),
  fc.string({ maxLength: 12 }),
  fc.integer({ min: 200, max: 5000 }).map((n) => 'k'.repeat(n)),
);

/** Strings that upset parsers, storage, logs, CSV and rendering. */
export const weirdString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\u202eevil.exe',
    '\u200b',
    '\ufeff',
    '\ud800',
    '\udfff',
    'e\u0301\u0301\u0301',
    '😀'.repeat(50),
    '𝕏𝕐ℤ',
    'Ω≈ç√∫˜µ≤',
    'مرحبا',
    '\r\n',
    '\t',
    '\\',
    '"',
    "'",
    'null',
    'undefined',
    'NaN',
    'Infinity',
    '-1',
    '0',
    'true',
    '[]',
    '{}',
    '%00',
    '%',
    '../../etc/passwd',
    '<script>alert(1)</script>',
    "'; DROP TABLE x; --",
    "=cmd|' /C calc'!A0",
    '$' + '{jndi:ldap://x}', // log4j-style lookup
    '{"$gt":""}',
    'me',
    'none',
    '1970-01-01T00:00:00.000Z',
    '9999-12-31T23:59:59.999Z',
    '0000-00-00',
    'x@y',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);

/** A string of `n` characters (`n` shrinks): from a little past most limits to ~300 KB. */
export const hugeString: fc.Arbitrary<string> = fc
  .integer({ min: 201, max: 300_000 })
  .map((n) => 'x'.repeat(n));

/** Numbers at the edges, including text no double holds. */
export const edgeNumber: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    0,
    -0,
    -1,
    0.5,
    1.5,
    2 ** 31,
    -(2 ** 31) - 1,
    2 ** 53 + 2,
    -(2 ** 53) - 2,
    1e308,
    -1e308,
    5e-324,
    Number.MAX_VALUE,
    new RawJson('1e400', '1e400'),
    new RawJson('-1e400', '-1e400'),
    new RawJson(`1${'0'.repeat(400)}`, '1 followed by 400 zeros'),
    new RawJson('0.0000000000000000000000000000001e-400', 'tiny past the double range'),
  ),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

/** Deep nesting: real objects to a few hundred levels, raw text up to 20,000. */
export const deepValue: fc.Arbitrary<unknown> = fc.oneof(
  fc
    .tuple(
      fc.integer({ min: 33, max: 20_000 }),
      fc.constantFrom('object' as const, 'array' as const),
    )
    .map(([depth, kind]) => deepNesting(depth, kind)),
  // Arrays of arrays and dotted or `$` keys below the first level.
  fc.constantFrom<unknown>(
    [[1]],
    [['a', ['b']]],
    { a: [[1, 2]] },
    { a: { 'b.c': 1 } },
    { a: { $b: 1 } },
    { a: [{ 'x.y': 1 }] },
    { a: { b: { c: { d: { e: { f: { g: { h: 1 } } } } } } } },
  ),
);

/** Any value of another JSON type than `type`. */
export function wrongTypeOf(type: string | undefined): fc.Arbitrary<unknown> {
  const all: Record<string, fc.Arbitrary<unknown>> = {
    string: fc.oneof(fc.string({ maxLength: 8 }), weirdString),
    number: edgeNumber,
    integer: edgeNumber,
    boolean: fc.boolean(),
    null: fc.constant(null),
    array: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
    object: fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), {
      maxKeys: 3,
    }),
  };
  const others = Object.entries(all)
    .filter(([t]) => t !== type && !(type === 'integer' && t === 'number'))
    .map(([, a]) => a);
  return fc.oneof(...others);
}

/** Anything hostile, of any type. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: operatorObject, weight: 3 },
  { arbitrary: weirdString, weight: 3 },
  { arbitrary: hugeString, weight: 1 },
  { arbitrary: edgeNumber, weight: 2 },
  { arbitrary: deepValue, weight: 2 },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 2 },
);

const b64 = (text: string) => Buffer.from(text).toString('base64url');

/** Cursors no list issued: garbage, forged payloads of every plausible shape, operators. */
export const forgedCursor: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'x',
    '%%%',
    '====',
    'x'.repeat(512),
    'x'.repeat(513),
    b64('null'),
    b64('[]'),
    b64('{}'),
    b64('"s"'),
    b64('{"v":"x","t":"d","id":"a"}'),
    b64('{"v":"not a date","t":"d","id":"a"}'),
    b64('{"v":1e308,"t":"n","id":"a"}'),
    b64('{"v":{"$gt":""},"t":"s","id":"a"}'),
    b64('{"v":"a","t":"s","id":{"$ne":null}}'),
    b64('{"v":"a","t":"x","id":"a"}'),
    b64('{"createdAt":"2020-01-01","id":"a"}'),
    b64('{"offset":-1}'),
    b64('{"score":"NaN","id":"a"}'),
    b64('{"k":[1,2,3]}'),
    b64('{"v":"a","t":"s","id":"'.concat('a'.repeat(300), '"}')),
  ),
  fc.jsonValue({ maxDepth: 2 }).map((v) => b64(JSON.stringify(v))),
  fc
    .record({
      v: fc.oneof(fc.string({ maxLength: 10 }), fc.double(), fc.integer(), weirdString),
      t: fc.constantFrom('s', 'n', 'd', 'x', ''),
      id: fc.oneof(fc.string({ maxLength: 10 }), weirdString),
    })
    .map((p) => b64(JSON.stringify(p))),
  fc.string({ minLength: 1, maxLength: 40 }),
  fc.uint8Array({ minLength: 1, maxLength: 64 }).map((a) => Buffer.from(a).toString('base64url')),
);

/** Ids no record has: empty, huge, traversal, operators, unicode, reserved words. */
export const oddId: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '.',
    '..',
    '%2e%2e',
    '%2F',
    'a%00b',
    'me',
    'none',
    'null',
    'undefined',
    '0',
    '-1',
    '$gt',
    '__proto__',
    'constructor',
    'a.b',
    '😀',
    '\u202e',
    'a'.repeat(64),
    'a'.repeat(65),
    'a'.repeat(2000),
    '000000000000000000000000',
    'ffffffffffffffffffffffff',
  ),
  fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
  weirdString,
);
