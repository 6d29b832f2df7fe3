import { REPLY_PAGE_BUDGET_BYTES } from '@switchboard/contracts';

/** Encoded size of a stored row as a reply would carry it (relay state left out). */
export const rowBytes = (row: unknown): number =>
  Buffer.byteLength(
    JSON.stringify(row, function (this: unknown, key, value: unknown) {
      return this === row && (key === 'outbox' || key === 'outboxPending') ? undefined : value;
    }) ?? '',
    'utf8',
  );

/**
 * How many of `rows` (in page order) one reply may carry: the first ones whose JSON together
 * stays within `budget` bytes, and always at least one (a single row over the payload limit is
 * answered `payload_too_large` by the reply path). Rows after the cut are reached through the
 * page's next cursor, so paging by size loses nothing (docs/decisions/0071).
 */
export function rowsWithinBudget(
  rows: readonly unknown[],
  budget: number = REPLY_PAGE_BUDGET_BYTES,
  measure: (row: unknown) => number = rowBytes,
): number {
  let used = 0;
  for (let i = 0; i < rows.length; i++) {
    used += measure(rows[i]);
    if (used > budget && i > 0) return i;
  }
  return rows.length;
}
