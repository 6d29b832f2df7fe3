import { boundedJson, jsonProblem } from './bounded-json';

const bounds = { maxBytes: 1024, maxDepth: 4 };

describe('jsonProblem', () => {
  it('accepts plain JSON within bounds', () => {
    expect(jsonProblem({ a: [1, 'x', null, { b: true }] }, bounds)).toBeUndefined();
  });

  it.each([
    ['a dotted key at depth', { a: { b: { 'c.d': 1 } } }, ['a', 'b', 'c.d'], /dot/],
    ['a $ key inside an array', { a: [{ $gt: 1 }] }, ['a', 0, '$gt'], /start with \$/],
    ['an empty key', { a: { '': 1 } }, ['a', ''], /empty/],
    ['an array in an array', { a: [1, [2]] }, ['a', 1], /arrays/],
    ['too deep', { a: { b: { c: { d: {} } } } }, ['a', 'b', 'c', 'd'], /deeper than 4/],
    ['a non-finite number', { a: Infinity }, ['a'], /finite/],
  ])('finds %s, with its path', (_what, value, path, message) => {
    const problem = jsonProblem(value, bounds);
    expect(problem?.path).toEqual(path);
    expect(problem?.message).toMatch(message);
  });

  it('reports the first problem in document order', () => {
    expect(jsonProblem({ x: [[1], [2]], y: { 'a.b': 1 } }, bounds)?.path).toEqual(['x', 0]);
  });

  it('walks 20,000 levels without recursion, refusing at the limit', () => {
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 20_000; i++) deep = deep.a = {};
    expect(jsonProblem(root, bounds)?.message).toMatch(/deeper than 4/);
  });

  it('measures UTF-8 bytes, marking the problem as too large', () => {
    expect(jsonProblem({ s: '€'.repeat(400) }, bounds)).toMatchObject({
      path: [],
      reason: 'too_large',
    });
    expect(jsonProblem({ s: 'e'.repeat(400) }, bounds)).toBeUndefined();
  });
});

describe('boundedJson', () => {
  const schema = boundedJson({ ...bounds, maxEntries: 2 });
  it('carries the reason of a size problem in the issue params', () => {
    const r = schema.safeParse({ s: 'x'.repeat(2000) });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]).toMatchObject({ params: { reason: 'too_large' } });
  });
  it('bounds the top-level keys', () => {
    expect(schema.safeParse({ a: 1, b: 2, c: 3 }).success).toBe(false);
    expect(schema.safeParse({ a: 1, b: 2 }).success).toBe(true);
  });
});
