import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Model } from 'mongoose';
import type { EventEnvelope } from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { EventWiring, MongoDatabase } from '@switchboard/runtime';
import {
  isDuplicateKeyError,
  VersionedStore,
  type Change,
  type MutateOptions,
} from '@switchboard/storage';
import { contactModel, type ContactDoc } from './contact.schema';

export type InsertResult = { inserted: true } | { inserted: false; duplicateOf: string };

/** Fields kept from other services' events: written without moving the contact's version. */
export const CONTACT_CACHE_FIELDS = [
  'lastTouchAt',
  'lastTouchSortKey',
  'segmentIds',
  'segmentSeenAt',
] as const;

/** Contacts storage. Every write stages its events in the same document write (the outbox). */
@Injectable()
export class ContactsRepository implements OnModuleInit {
  readonly model: Model<ContactDoc>;
  private readonly store: VersionedStore<ContactDoc>;

  constructor(
    db: MongoDatabase,
    private readonly wiring: EventWiring,
  ) {
    this.model = contactModel(db.connection);
    this.store = new VersionedStore(this.model, db.connection, {
      entity: 'contact',
      cacheFields: CONTACT_CACHE_FIELDS,
    });
  }

  async onModuleInit(): Promise<void> {
    await this.model.init();
    this.store.relayWith(this.wiring.startOutboxRelay([this.model]));
  }

  /** Inserts the contact with its events; a clash on the dedup key reports the existing contact. */
  async insert(
    doc: Omit<ContactDoc, 'outbox' | 'outboxPending'>,
    events: EventEnvelope[],
  ): Promise<InsertResult> {
    try {
      await this.store.create(doc, events);
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      const existing = await this.model
        .findOne({ workspaceId: doc.workspaceId, dedupKey: doc.dedupKey }, { _id: 1 })
        .lean();
      if (!existing) throw err;
      return { inserted: false, duplicateOf: existing._id };
    }
    return { inserted: true };
  }

  findById(workspaceId: string, id: string): Promise<ContactDoc | null> {
    return this.store.load(workspaceId, id);
  }

  /**
   * Read, change, compare-and-set through the write kernel (`VersionedStore.mutate`). A new dedup
   * key that another contact holds answers `duplicate_contact` with `duplicateOf`.
   */
  async mutate(
    workspaceId: string,
    id: string,
    change: (current: ContactDoc) => Change<ContactDoc> | Promise<Change<ContactDoc>>,
    options: MutateOptions = {},
  ): Promise<{ doc: ContactDoc; changed: boolean }> {
    let next: ContactDoc | undefined;
    try {
      return await this.store.mutate(
        workspaceId,
        id,
        async (current) => {
          const result = await change(current);
          next = result?.next;
          return result;
        },
        options,
      );
    } catch (err) {
      if (!isDuplicateKeyError(err) || !next) throw err;
      const holder = await this.model
        .findOne({ workspaceId, dedupKey: next.dedupKey }, { _id: 1 })
        .lean();
      const rule = next.dedupKey.slice(0, next.dedupKey.indexOf(':'));
      throw new AppError('duplicate_contact', `a contact with the same ${rule} exists`, {
        duplicateOf: holder?._id ?? null,
      });
    }
  }

  /** Writes cache fields only (`CONTACT_CACHE_FIELDS`): version, ETag and events stay. */
  mutateCache(
    workspaceId: string,
    id: string,
    change: (current: ContactDoc) => Partial<ContactDoc> | null,
  ): Promise<boolean> {
    return this.store.mutateCache(workspaceId, id, change);
  }
}
