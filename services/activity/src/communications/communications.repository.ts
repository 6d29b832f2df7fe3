import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { QueryFilter, Model } from 'mongoose';
import type { EventEnvelope, Page } from '@switchboard/contracts';
import { EventWiring, MongoDatabase, type OutboxKick } from '@switchboard/runtime';
import { insertIfAbsent, paginate, stage, VersionedWriter } from '@switchboard/storage';
import { communicationModel, type CommunicationDoc } from './communication.schema';

@Injectable()
export class CommunicationsRepository implements OnModuleInit {
  readonly model: Model<CommunicationDoc>;
  private readonly writer: VersionedWriter<CommunicationDoc>;
  private relay!: OutboxKick;

  constructor(
    db: MongoDatabase,
    private readonly wiring: EventWiring,
  ) {
    this.model = communicationModel(db.connection);
    this.writer = new VersionedWriter(this.model, db.connection, 'communication');
  }

  async onModuleInit(): Promise<void> {
    await this.model.init();
    this.relay = this.wiring.startOutboxRelay([this.model]);
  }

  /** Inserts with its events; false when the entry it supersedes was superseded already. */
  async insert(doc: CommunicationDoc, events: EventEnvelope[]): Promise<boolean> {
    const inserted = await insertIfAbsent(this.model, {
      ...doc,
      outbox: events.map(stage),
      outboxPending: true,
    });
    if (inserted) this.relay.kick();
    return inserted;
  }

  findById(workspaceId: string, id: string): Promise<CommunicationDoc | null> {
    return this.model.findOne({ workspaceId, _id: id }, { outbox: 0 }).lean<CommunicationDoc>();
  }

  async replace(
    doc: CommunicationDoc,
    expectedVersion: number,
    events: EventEnvelope[],
  ): Promise<boolean> {
    const written = await this.writer.replace(doc, expectedVersion, events);
    if (written) this.relay.kick();
    return written;
  }

  page(
    workspaceId: string,
    contactId: string,
    opts: { limit: number; cursor?: string; channel?: string; history: boolean },
  ): Promise<Page<CommunicationDoc>> {
    const filter: QueryFilter<CommunicationDoc> = {
      workspaceId,
      contactId,
      ...(opts.history ? {} : { supersededBy: null, deleted: false }),
      ...(opts.channel ? { channel: opts.channel as CommunicationDoc['channel'] } : {}),
    };
    return paginate(this.model, filter, {
      sortField: 'occurredAt',
      direction: -1,
      limit: opts.limit,
      cursor: opts.cursor,
    });
  }
}
