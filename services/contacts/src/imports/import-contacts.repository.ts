import { Injectable } from '@nestjs/common';
import { trusted } from '@switchboard/storage';
import { ContactsRepository } from '../contacts/contacts.repository';
import type { ContactDoc } from '../contacts/contact.schema';

/** Up to this many values are looked up one by one; more in one `$in`. */
const FEW = 16;

interface BulkWriteErrorLike {
  code?: unknown;
  writeErrors?: { index: number; code: number }[] | { index: number; code: number };
}

/**
 * The contacts side of an import batch: new contacts in one unordered insert, and the lookups
 * that tell a taken `_id` (this row, inserted by an earlier attempt) from a taken dedup key (a
 * duplicate). FerretDB and MongoDB both report unordered duplicate-key failures per document
 * (with its index) but word the message differently, so the cause is found by looking, not
 * by parsing the message.
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
    const found = await this.lookup(workspaceId, '_id', ids);
    return new Set(found.map((d) => d._id));
  }

  /** The contact holding each dedup key, if any. */
  async holders(workspaceId: string, keys: string[]): Promise<Map<string, string>> {
    const found = await this.lookup(workspaceId, 'dedupKey', keys);
    return new Map(found.map((d) => [d.dedupKey, d._id]));
  }

  /**
   * Contacts by one field's values. A few: one equality query each (on FerretDB 1.24 each scans
   * in the database and returns its match); many: one `$in` (FerretDB returns the workspace's
   * contacts for it and filters them itself — one heavy query beats hundreds of scans).
   * MongoDB answers both from the indexes (decision 48).
   */
  private async lookup(
    workspaceId: string,
    field: '_id' | 'dedupKey',
    values: string[],
  ): Promise<{ _id: string; dedupKey: string }[]> {
    if (values.length === 0) return [];
    const projection = { _id: 1, dedupKey: 1 };
    if (values.length > FEW) {
      return this.contacts.model
        .find({ workspaceId, [field]: trusted({ $in: values }) }, projection)
        .lean<{ _id: string; dedupKey: string }[]>();
    }
    const found = await Promise.all(
      values.map((value) =>
        this.contacts.model
          .findOne({ workspaceId, [field]: value }, projection)
          .lean<{ _id: string; dedupKey: string }>(),
      ),
    );
    return found.filter((d): d is { _id: string; dedupKey: string } => d !== null);
  }
}
