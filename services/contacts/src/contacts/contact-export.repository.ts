import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Model } from 'mongoose';
import type { EventEnvelope } from '@switchboard/contracts';
import { EventWiring, MongoDatabase, type OutboxKick } from '@switchboard/runtime';
import { insertIfAbsent, stage } from '@switchboard/storage';
import { contactExportModel, type ContactExportDoc } from './contact-export.schema';

/** Export records; each carries its audit event in its own outbox. */
@Injectable()
export class ContactExportRepository implements OnModuleInit {
  private readonly model: Model<ContactExportDoc>;
  private relay!: OutboxKick;

  constructor(
    db: MongoDatabase,
    private readonly wiring: EventWiring,
  ) {
    this.model = contactExportModel(db.connection);
  }

  async onModuleInit(): Promise<void> {
    await this.model.init();
    this.relay = this.wiring.startOutboxRelay([this.model]);
  }

  /** Inserts the record with its events; an export recorded before is returned as it was. */
  async record(
    doc: Omit<ContactExportDoc, 'outbox' | 'outboxPending'>,
    events: EventEnvelope[],
  ): Promise<ContactExportDoc | null> {
    const inserted = await insertIfAbsent(this.model, {
      ...doc,
      outbox: events.map(stage),
      outboxPending: events.length > 0,
    });
    if (inserted) {
      this.relay.kick();
      return doc;
    }
    return this.model
      .findOne({ workspaceId: doc.workspaceId, _id: doc._id }, { outbox: 0 })
      .lean<ContactExportDoc>();
  }
}
