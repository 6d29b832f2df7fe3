import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Model } from 'mongoose';
import type { EventEnvelope } from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { EventWiring, MongoDatabase, type OutboxKick } from '@switchboard/runtime';
import { isDuplicateKeyError, stage, VersionedWriter } from '@switchboard/storage';
import { contactModel, type ContactDoc } from './contact.schema';

export type InsertResult = { inserted: true } | { inserted: false; duplicateOf: string };

/** Contacts storage. Every write stages its events in the same document write (the outbox). */
@Injectable()
export class ContactsRepository implements OnModuleInit {
  readonly model: Model<ContactDoc>;
  private relay!: OutboxKick;
  private readonly writer: VersionedWriter<ContactDoc>;

  constructor(
    db: MongoDatabase,
    private readonly wiring: EventWiring,
  ) {
    this.model = contactModel(db.connection);
    this.writer = new VersionedWriter(this.model, db.connection, 'contact');
  }

  async onModuleInit(): Promise<void> {
    await this.model.init();
    this.relay = this.wiring.startOutboxRelay([this.model]);
  }

  /** Inserts the contact with its events; a clash on the dedup key reports the existing contact. */
  async insert(
    doc: Omit<ContactDoc, 'outbox' | 'outboxPending'>,
    events: EventEnvelope[],
  ): Promise<InsertResult> {
    try {
      await this.model.create([
        { ...doc, outbox: events.map(stage), outboxPending: events.length > 0 },
      ]);
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      const existing = await this.model
        .findOne({ workspaceId: doc.workspaceId, dedupKey: doc.dedupKey }, { _id: 1 })
        .lean();
      if (!existing) throw err;
      return { inserted: false, duplicateOf: existing._id };
    }
    this.relay.kick();
    return { inserted: true };
  }

  findById(workspaceId: string, id: string): Promise<ContactDoc | null> {
    return this.model
      .findOne({ workspaceId, _id: id }, { outbox: 0, outboxPending: 0 })
      .lean<ContactDoc>();
  }

  /**
   * Writes the new state with its events if nobody changed the contact since `expectedVersion`
   * was read (optimistic concurrency on one document; see docs/architecture.md). A new dedup
   * key that another contact holds answers `duplicate_contact` with `duplicateOf`.
   */
  async replace(
    doc: ContactDoc,
    expectedVersion: number,
    events: EventEnvelope[],
  ): Promise<boolean> {
    let written: boolean;
    try {
      written = await this.writer.replace(doc, expectedVersion, events);
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      const holder = await this.model
        .findOne({ workspaceId: doc.workspaceId, dedupKey: doc.dedupKey }, { _id: 1 })
        .lean();
      const rule = doc.dedupKey.slice(0, doc.dedupKey.indexOf(':'));
      throw new AppError('duplicate_contact', `a contact with the same ${rule} exists`, {
        duplicateOf: holder?._id ?? null,
      });
    }
    if (written) this.relay.kick();
    return written;
  }
}
