import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Model } from 'mongoose';
import type { EventEnvelope } from '@switchboard/contracts';
import { EventWiring, MongoDatabase, type OutboxKick } from '@switchboard/runtime';
import { insertIfAbsent, stage } from '@switchboard/storage';
import {
  contactExportEndModel,
  contactExportModel,
  type ContactExportDoc,
  type ContactExportEndDoc,
} from './contact-export.schema';

/** Export records; each carries its audit event in its own outbox. */
@Injectable()
export class ContactExportRepository implements OnModuleInit {
  private readonly model: Model<ContactExportDoc>;
  private readonly ends: Model<ContactExportEndDoc>;
  private relay!: OutboxKick;

  constructor(
    db: MongoDatabase,
    private readonly wiring: EventWiring,
  ) {
    this.model = contactExportModel(db.connection);
    this.ends = contactExportEndModel(db.connection);
  }

  async onModuleInit(): Promise<void> {
    await Promise.all([this.model.init(), this.ends.init()]);
    this.relay = this.wiring.startOutboxRelay([this.model, this.ends]);
  }

  /** Inserts the record with its events; an export recorded before is returned as it was. */
  async record(
    doc: Omit<ContactExportDoc, 'outbox' | 'outboxPending'>,
    events: EventEnvelope[],
  ): Promise<ContactExportDoc | null> {
    if (await this.insertStaged(this.model, doc, events)) return doc;
    return this.find(doc.workspaceId, doc._id);
  }

  /** The end of a started export with its event, once (a second call returns the first). */
  async finish(
    doc: Omit<ContactExportEndDoc, 'outbox' | 'outboxPending'>,
    events: EventEnvelope[],
  ): Promise<ContactExportEndDoc | null> {
    if (await this.insertStaged(this.ends, doc, events)) return doc;
    return this.ends
      .findOne({ workspaceId: doc.workspaceId, _id: doc._id }, { outbox: 0 })
      .lean<ContactExportEndDoc>();
  }

  /** Inserts a document with its staged events unless it exists; true when this call wrote it. */
  private async insertStaged<T>(
    model: Model<T>,
    doc: Omit<T, 'outbox' | 'outboxPending'>,
    events: EventEnvelope[],
  ): Promise<boolean> {
    const staged = { ...doc, outbox: events.map(stage), outboxPending: events.length > 0 };
    // Both record types carry `outbox` and `outboxPending`; TS cannot see it through Omit<T>.
    const inserted = await insertIfAbsent(model, staged as unknown as Partial<T>);
    if (inserted) this.relay.kick();
    return inserted;
  }

  find(workspaceId: string, id: string): Promise<ContactExportDoc | null> {
    return this.model.findOne({ workspaceId, _id: id }, { outbox: 0 }).lean<ContactExportDoc>();
  }
}
