import { Injectable } from '@nestjs/common';
import { trusted } from '@switchboard/storage';
import { ContactsRepository } from '../contacts/contacts.repository';
import type { ContactDoc } from '../contacts/contact.schema';

interface BulkWriteErrorLike {
  code?: unknown;
  writeErrors?: { index: number; code: number }[] | { index: number; code: number };
}

/**
 * The contacts side of an import batch: new contacts in one unordered insert, and the lookups
 * that tell a taken `_id` (this row, inserted by an earlier attempt) from a taken dedup key (a
 * duplicate). FerretDB and MongoDB both report unordered duplicate-key failures per document
 * (with its index) but word the message differently, so the cause is found by looking, not
 * by parsing the message. Each is one `$in` query per batch: MongoDB answers it from the
 * indexes; FerretDB 1.24 scans the collection for any filter (decision 48), once per batch
 * instead of once per row.
 */
@Injectable()
export class ImportContactsRepository {
  constructor(private readonly contacts: ContactsRepository) {}

  /**
   * Inserts the documents (their events are staged in the batch report, not in them); returns
   * the indexes of those refused for a duplicate key. Any other failure throws.
   */
  async insertNew(docs: ContactDoc[]): Promise<Set<number>> {
    if (docs.length === 0) return new Set();
    try {
      await this.contacts.model.collection.insertMany(
        // String ids, not ObjectIds: the driver's default document type does not know them.
        docs.map((d) => ({ ...d, outbox: [], outboxPending: false })) as never[],
        // ignoreUndefined: an absent optional field stays absent (not null), as mongoose stores it.
        { ordered: false, ignoreUndefined: true },
      );
      return new Set();
    } catch (err) {
      const raw = (err as BulkWriteErrorLike).writeErrors;
      const writeErrors = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
      if (writeErrors.length === 0 || writeErrors.some((e) => e.code !== 11000)) throw err;
      return new Set(writeErrors.map((e) => e.index));
    }
  }

  /** Of the given ids, those that exist in the workspace. */
  async existing(workspaceId: string, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const docs = await this.contacts.model
      .find({ workspaceId, _id: trusted({ $in: ids }) }, { _id: 1 })
      .lean<{ _id: string }[]>();
    return new Set(docs.map((d) => d._id));
  }

  /** The contact holding each dedup key, if any. */
  async holders(workspaceId: string, keys: string[]): Promise<Map<string, string>> {
    if (keys.length === 0) return new Map();
    const docs = await this.contacts.model
      .find({ workspaceId, dedupKey: trusted({ $in: keys }) }, { _id: 1, dedupKey: 1 })
      .lean<{ _id: string; dedupKey: string }[]>();
    return new Map(docs.map((d) => [d.dedupKey, d._id]));
  }
}
