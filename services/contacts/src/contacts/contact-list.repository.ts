import { Injectable } from '@nestjs/common';
import type { QueryFilter } from 'mongoose';
import type { ContactSort, Page } from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { decodeCursor, encodeCursor, rowsWithinBudget, trusted } from '@switchboard/storage';
import type { ContactDoc } from './contact.schema';
import { ContactsRepository } from './contacts.repository';

type SortField = 'createdAt' | 'updatedAt' | 'lastTouchSortKey' | 'nameSortKey';

/**
 * What each sort orders by: stored fields that every contact has (never null), so the keyset
 * `(field, _id) > (last value, last id)` means the same on FerretDB and MongoDB. `lastTouchAt`
 * sorts by `lastTouchSortKey` (never-touched contacts by their creation, decision 0125) and
 * `displayName` by the folded `nameSortKey`; `_id` breaks ties.
 */
const SORTS: Record<ContactSort, { field: SortField; direction: 1 | -1 }> = {
  createdAt: { field: 'createdAt', direction: 1 },
  '-createdAt': { field: 'createdAt', direction: -1 },
  updatedAt: { field: 'updatedAt', direction: 1 },
  '-updatedAt': { field: 'updatedAt', direction: -1 },
  lastTouchAt: { field: 'lastTouchSortKey', direction: 1 },
  '-lastTouchAt': { field: 'lastTouchSortKey', direction: -1 },
  displayName: { field: 'nameSortKey', direction: 1 },
  '-displayName': { field: 'nameSortKey', direction: -1 },
};

/** Fields a page never needs: the outbox (relay state) and the derived keys. */
const HIDDEN = { outbox: 0, outboxPending: 0, searchKeys: 0 } as const;

/**
 * A cursor is `<sort>.<keyset cursor>`: it names the sort it was issued for, so one from
 * another sort is refused instead of silently skipping rows (`.` is not in base64url).
 */
function decode(cursor: string, sort: ContactSort): { value: string | number | Date; id: string } {
  const dot = cursor.indexOf('.');
  if (dot < 0 || cursor.slice(0, dot) !== sort) {
    throw AppError.validation('invalid cursor', [
      { path: 'cursor', message: `not a cursor of sort=${sort}` },
    ]);
  }
  return decodeCursor(
    cursor.slice(dot + 1),
    SORTS[sort].field === 'nameSortKey' ? 'string' : 'date',
  );
}

/** Keyset pages of contacts in any of the list sorts. */
@Injectable()
export class ContactListRepository {
  constructor(private readonly contacts: ContactsRepository) {}

  async page(
    filter: QueryFilter<ContactDoc>,
    sort: ContactSort,
    limit: number,
    cursor?: string,
  ): Promise<Page<ContactDoc>> {
    const { field, direction } = SORTS[sort];
    let query = filter;
    if (cursor) {
      const { value, id } = decode(cursor, sort);
      const cmp = direction === 1 ? '$gt' : '$lt';
      const after = {
        $or: [
          { [field]: trusted({ [cmp]: value }) },
          { [field]: value, _id: trusted({ [cmp]: id }) },
        ],
      };
      query = { ...filter, $and: [...(filter.$and ?? []), after] };
    }
    const rows = await this.contacts.model
      .find(query, HIDDEN)
      .sort({ [field]: direction, _id: direction })
      .limit(limit + 1)
      .lean<ContactDoc[]>();
    // A page also stops at the reply budget: large contacts come in smaller pages.
    const items = rows.slice(0, rowsWithinBudget(rows.slice(0, limit)));
    const last = items[items.length - 1];
    const nextCursor =
      rows.length > items.length && last ? `${sort}.${encodeCursor(last[field], last._id)}` : null;
    return { items, nextCursor };
  }
}
