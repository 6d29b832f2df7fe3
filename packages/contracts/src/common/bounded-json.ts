import { z } from 'zod';

/**
 * Limits of a free-form JSON value (metadata, lead form fields, inbound message details). Every
 * such value is stored as it came, so it must be storable on MongoDB and FerretDB alike (no `.`
 * or leading `$` in keys, no array directly inside an array), serialisable without exhausting
 * the stack (bounded depth), and small enough that the documents, events and replies that carry
 * it stay far below the NATS payload limit (bounded bytes). README "Security" lists the values.
 */
export interface JsonBounds {
  /** Largest UTF-8 size of the value as JSON text. */
  maxBytes: number;
  /** Deepest nesting: the value itself is depth 1, its children depth 2, … */
  maxDepth: number;
  /** Longest key, at every level. */
  maxKeyLength?: number;
}

/** The issue `params.reason` of a value over its byte limit: the HTTP edge answers 413 for it. */
export const TOO_LARGE = 'too_large';

/** What is wrong with a JSON value, and where (relative to the value). */
export interface JsonProblem {
  path: (string | number)[];
  message: string;
  reason?: typeof TOO_LARGE;
}

const keyProblem = (key: string, maxKeyLength: number): string | undefined => {
  if (key.length === 0) return 'keys may not be empty';
  if (key.startsWith('$')) return 'keys may not start with $';
  if (key.includes('.')) return 'keys may not contain a dot';
  if (key.includes('\0')) return 'keys may not contain NUL';
  if (key.length > maxKeyLength) return `keys are at most ${maxKeyLength} characters`;
  return undefined;
};

/**
 * The first problem of `value` against `bounds`, or undefined. Walks with an explicit stack (a
 * value nested 20,000 deep is refused, not a stack overflow) and measures bytes only once the
 * shape is known to be sound.
 */
export function jsonProblem(value: unknown, bounds: JsonBounds): JsonProblem | undefined {
  const maxKeyLength = bounds.maxKeyLength ?? 100;
  const stack: { v: unknown; path: (string | number)[]; depth: number; inArray: boolean }[] = [
    { v: value, path: [], depth: 1, inArray: false },
  ];
  while (stack.length > 0) {
    const { v, path, depth, inArray } = stack.pop()!;
    if (v === null || typeof v === 'string' || typeof v === 'boolean') continue;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return { path, message: 'numbers must be finite' };
      continue;
    }
    if (typeof v !== 'object') return { path, message: `${typeof v} is not a JSON value` };
    if (depth > bounds.maxDepth) {
      return { path, message: `nested deeper than ${bounds.maxDepth} levels` };
    }
    if (Array.isArray(v)) {
      if (inArray) return { path, message: 'arrays may not directly contain arrays' };
      // Pushed last to first, so problems are found in document order.
      for (let i = v.length - 1; i >= 0; i--) {
        stack.push({ v: v[i], path: [...path, i], depth: depth + 1, inArray: true });
      }
      continue;
    }
    const proto = Object.getPrototypeOf(v) as unknown;
    if (proto !== Object.prototype && proto !== null) {
      return { path, message: 'only plain JSON objects are accepted' };
    }
    const entries: [string, unknown][] = Object.entries(v as Record<string, unknown>);
    for (const [key] of entries) {
      const problem = keyProblem(key, maxKeyLength);
      if (problem) return { path: [...path, key], message: problem };
    }
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i];
      stack.push({ v: child, path: [...path, key], depth: depth + 1, inArray: false });
    }
  }
  const bytes = Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
  if (bytes > bounds.maxBytes) {
    return {
      path: [],
      message: `larger than ${bounds.maxBytes} bytes of JSON (${bytes})`,
      reason: TOO_LARGE,
    };
  }
  return undefined;
}

/** Adds the problem of `value`, if any, as a zod issue under the value's path. */
export const checkJson =
  (bounds: JsonBounds) =>
  (value: unknown, ctx: z.RefinementCtx): void => {
    const problem = jsonProblem(value, bounds);
    if (!problem) return;
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      path: problem.path,
      message: problem.message,
      ...(problem.reason ? { params: { reason: problem.reason } } : {}),
    });
  };

/**
 * A free-form JSON object with bounds checked at every level: `boundedJson({ maxBytes: 16384,
 * maxDepth: 8 })`. `maxEntries` bounds the keys of the top level.
 */
export const boundedJson = (bounds: JsonBounds & { maxEntries?: number }) =>
  z.record(z.unknown()).superRefine((value, ctx) => {
    const entries = Object.keys(value).length;
    if (bounds.maxEntries !== undefined && entries > bounds.maxEntries) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: `at most ${bounds.maxEntries} keys` });
      return;
    }
    checkJson(bounds)(value, ctx);
  });
