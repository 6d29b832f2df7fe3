import { Injectable } from '@nestjs/common';
import type { QueryFilter } from 'mongoose';
import { trusted } from '@switchboard/storage';
import type { ContactDoc } from './contact.schema';
import { ContactsRepository } from './contacts.repository';

/** Which contacts a bulk action over a filter takes, one page at a time. */
@Injectable()
export class ContactBulkRepository {
  constructor(private readonly contacts: ContactsRepository) {}

  /**
   * Ids matching `filter` (already scoped to the workspace), in id order, after `afterId`: a
   * keyset on `_id` alone, so contacts the action takes out of the filter (untag, archive) or
   * brings into it never make a page skip or repeat one.
   */
  async idsMatching(
    filter: QueryFilter<ContactDoc>,
    afterId: string | undefined,
    limit: number,
  ): Promise<string[]> {
    const query: QueryFilter<ContactDoc> = afterId
      ? { ...filter, $and: [...(filter.$and ?? []), { _id: trusted({ $gt: afterId }) }] }
      : filter;
    const rows = await this.contacts.model
      .find(query, { _id: 1 })
      .sort({ _id: 1 })
      .limit(limit)
      .lean<{ _id: string }[]>();
    return rows.map((r) => r._id);
  }
}
