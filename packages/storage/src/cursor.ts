import type { QueryFilter, Model, Schema } from 'mongoose';
import { z } from 'zod';
import { AppError } from '@switchboard/errors';
import type { Page } from '@switchboard/contracts';
import { trusted } from './connection';
import { rowsWithinBudget } from './page-budget';

/** What a cursor's sort key is: the type of the field the list is ordered by. */
export type CursorKind = 'string' | 'number' | 'date';
const KIND_OF_TAG = { s: 'string', n: 'number', d: 'date' } as const;

/** A tie-breaking id: printable, bounded (it is compared with `_id`, never interpreted). */
const CursorId = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^\u0000-\u001f]+$/);
const CursorPayload = z.discriminatedUnion('t', [
  z.object({
    t: z.literal('s'),
    v: z
      .string()
      .max(1000)
      .regex(/^[^\u0000]*$/),
    id: CursorId,
  }),
  z.object({ t: z.literal('n'), v: z.number().finite(), id: CursorId }),
  z.object({
    t: z.literal('d'),
    v: z
      .string()
      .datetime()
      .refine((v) => !Number.isNaN(Date.parse(v))),
    id: CursorId,
  }),
]);
type CursorPayload = z.infer<typeof CursorPayload>;
type SortValue = string | number | Date;

/** Opaque cursor: the sort key of the last item plus its id, base64url JSON. */
export function encodeCursor(value: SortValue, id: string): string {
  const payload: CursorPayload =
    value instanceof Date
      ? { v: value.toISOString(), t: 'd', id }
      : typeof value === 'number'
        ? { v: value, t: 'n', id }
        : { v: value, t: 's', id };
  return Buffer.from(JSON.stringify(payload)).toString('base64url');
}

const BASE64URL = /^[A-Za-z0-9_-]{1,1024}$/;

/**
 * THE cursor decoder (every keyset list uses it). Anything but a cursor this API issued for a
 * list of this kind is a 400 `validation_failed`, never a query: a forged sort key of the wrong
 * type (a string against a date field) or an invalid date would otherwise fail in the driver's
 * cast, a 500. `kind`, when given, is the type of the list's sort field.
 */
export function decodeCursor(cursor: string, kind?: CursorKind): { value: SortValue; id: string } {
  const refuse = (message = 'not a cursor this API issued') =>
    AppError.validation('invalid cursor', [{ path: 'cursor', message }]);
  if (typeof cursor !== 'string' || !BASE64URL.test(cursor)) throw refuse();
  let p: CursorPayload;
  try {
    p = CursorPayload.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw refuse();
  }
  if (kind && KIND_OF_TAG[p.t] !== kind) throw refuse('not a cursor of this list');
  return { value: p.t === 'd' ? new Date(p.v) : p.v, id: p.id };
}

/** The cursor kind of a schema path (Date, Number, anything else compared as a string). */
export function cursorKindOf(model: { schema: Schema }, path: string): CursorKind {
  const instance = (model.schema.path(path) as { instance?: string } | undefined)?.instance;
  return instance === 'Date' ? 'date' : instance === 'Number' ? 'number' : 'string';
}

export interface PageRequest<T> {
  /** A field with a value on every document (createdAt, occurredAt, …); `_id` breaks ties. */
  sortField: keyof T & string;
  direction: 1 | -1;
  limit: number;
  cursor?: string;
  /** Bytes of JSON one page may carry (REPLY_PAGE_BUDGET_BYTES): a page stops early past it. */
  budgetBytes?: number;
}

/**
 * Keyset pagination: `(sortField, _id) > (last value, last id)`, one extra row to know whether
 * there is a next page. Never skips or repeats under concurrent inserts, unlike offsets. A page
 * also stops once its rows reach the reply budget, with a cursor to the rest.
 */
export async function paginate<T extends { _id: string }>(
  model: Model<T>,
  filter: QueryFilter<T>,
  req: PageRequest<T>,
): Promise<Page<T>> {
  const { sortField, direction, limit } = req;
  const cmp = direction === 1 ? '$gt' : '$lt';
  let query: QueryFilter<T> = filter;
  if (req.cursor) {
    const { value, id } = decodeCursor(req.cursor, cursorKindOf(model, sortField));
    query = {
      ...filter,
      // Each operator object is marked trusted: sanitizeFilter would neutralise it otherwise.
      $or: [
        { [sortField]: trusted({ [cmp]: value }) },
        { [sortField]: value, _id: trusted({ [cmp]: id }) },
      ],
    };
  }
  const rows = (await model
    .find(query)
    .sort({ [sortField]: direction, _id: direction })
    .limit(limit + 1)
    .lean()) as unknown as T[];
  const items = rows.slice(0, rowsWithinBudget(rows.slice(0, limit), req.budgetBytes));
  const last = items[items.length - 1];
  const nextCursor =
    rows.length > items.length && last
      ? encodeCursor(last[sortField] as unknown as SortValue, last._id)
      : null;
  return { items, nextCursor };
}
