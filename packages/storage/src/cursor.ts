import type { FilterQuery, Model } from 'mongoose';
import { z } from 'zod';
import { AppError } from '@switchboard/errors';
import type { Page } from '@switchboard/contracts';
import { trusted } from './connection';
import { rowsWithinBudget } from './page-budget';

const CursorPayload = z.object({
  v: z.union([z.string(), z.number()]),
  t: z.enum(['s', 'n', 'd']),
  id: z.string().min(1).max(200),
});
type CursorPayload = z.infer<typeof CursorPayload>;
type SortValue = string | number | Date;

/** Opaque cursor: the sort key of the last item plus its id, base64url JSON. */
export function encodeCursor(value: SortValue, id: string): string {
  const payload: CursorPayload =
    value instanceof Date
      ? { v: value.toISOString(), t: 'd', id }
      : { v: value, t: typeof value === 'number' ? 'n' : 's', id };
  return Buffer.from(JSON.stringify(payload)).toString('base64url');
}

export function decodeCursor(cursor: string): { value: SortValue; id: string } {
  try {
    const p = CursorPayload.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return { value: p.t === 'd' ? new Date(p.v) : p.v, id: p.id };
  } catch {
    throw AppError.validation('invalid cursor', [
      { path: 'cursor', message: 'not a cursor this API issued' },
    ]);
  }
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
  filter: FilterQuery<T>,
  req: PageRequest<T>,
): Promise<Page<T>> {
  const { sortField, direction, limit } = req;
  const cmp = direction === 1 ? '$gt' : '$lt';
  let query: FilterQuery<T> = filter;
  if (req.cursor) {
    const { value, id } = decodeCursor(req.cursor);
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
