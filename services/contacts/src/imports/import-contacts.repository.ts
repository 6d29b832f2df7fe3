import { Injectable } from '@nestjs/common';
import { ContactsRepository } from '../contacts/contacts.repository';
import type { ContactDoc } from '../contacts/contact.schema';

/** Lookups run this many at a time (each an equality query FerretDB pushes down). */
const LOOKUP_CONCURRENCY = 8;

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
    const found = await this.each(ids, (id) =>
      this.contacts.model.exists({ workspaceId, _id: id }).then((r) => (r ? id : null)),
    );
    return new Set(found.filter((id): id is string => id !== null));
  }

  /** The contact holding each dedup key, if any. */
  async holders(workspaceId: string, keys: string[]): Promise<Map<string, string>> {
    const found = await this.each(keys, async (dedupKey) => {
      const doc = await this.contacts.model
        .findOne({ workspaceId, dedupKey }, { _id: 1 })
        .lean<{ _id: string }>();
      return doc ? ([dedupKey, doc._id] as const) : null;
    });
    return new Map(found.filter((f): f is readonly [string, string] => f !== null));
  }

  private async each<T, R>(items: T[], fn: (item: T) => Promise<R>): Promise<R[]> {
    const out: R[] = [];
    for (let i = 0; i < items.length; i += LOOKUP_CONCURRENCY) {
      out.push(...(await Promise.all(items.slice(i, i + LOOKUP_CONCURRENCY).map(fn))));
    }
    return out;
  }
}
