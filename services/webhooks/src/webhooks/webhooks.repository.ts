import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Model } from 'mongoose';
import type { EventEnvelope, Page } from '@switchboard/contracts';
import { EventWiring, MongoDatabase, type OutboxKick } from '@switchboard/runtime';
import { CROSS_TENANT, paginate, trusted, VersionedWriter } from '@switchboard/storage';
import { webhookModel, type WebhookDoc } from './webhook.schema';

const NO_OUTBOX = { outbox: 0, outboxPending: 0 } as const;

/** Webhook endpoints. Writes are version-checked and stage their events in the same write. */
@Injectable()
export class WebhooksRepository implements OnModuleInit {
  readonly model: Model<WebhookDoc>;
  private relay!: OutboxKick;
  private readonly writer: VersionedWriter<WebhookDoc>;

  constructor(
    db: MongoDatabase,
    private readonly wiring: EventWiring,
  ) {
    this.model = webhookModel(db.connection);
    this.writer = new VersionedWriter(this.model, db.connection, 'webhook');
  }

  async onModuleInit(): Promise<void> {
    await this.model.init();
    this.relay = this.wiring.startOutboxRelay([this.model]);
  }

  async insert(doc: WebhookDoc): Promise<void> {
    await this.model.create([doc]);
  }

  findById(workspaceId: string, id: string): Promise<WebhookDoc | null> {
    return this.model
      .findOne({ workspaceId, _id: id, deleted: false }, NO_OUTBOX)
      .lean<WebhookDoc>();
  }

  async replace(doc: WebhookDoc, expectedVersion: number, events: EventEnvelope[]) {
    const written = await this.writer.replace(doc, expectedVersion, events);
    if (written && events.length > 0) this.relay.kick();
    return written;
  }

  page(workspaceId: string, limit: number, cursor?: string): Promise<Page<WebhookDoc>> {
    return paginate(
      this.model,
      { workspaceId, deleted: false },
      { sortField: '_id', direction: 1, limit, cursor },
    );
  }

  /** Live endpoints, across workspaces, whose secrets another key than `kid` sealed (or none). */
  async *sealedOtherwise(kid: string): AsyncGenerator<Pick<WebhookDoc, '_id' | 'workspaceId'>> {
    const cursor = this.model
      .find({ deleted: false, secretKid: trusted({ $ne: kid }) }, { _id: 1, workspaceId: 1 })
      .setOptions({ [CROSS_TENANT]: true })
      .lean<Pick<WebhookDoc, '_id' | 'workspaceId'>[]>()
      .cursor();
    for await (const doc of cursor) yield doc;
  }

  /** The enabled endpoints of a workspace (the event consumer asks once per batch). */
  enabledIn(workspaceId: string): Promise<WebhookDoc[]> {
    return this.model
      .find({ workspaceId, enabled: true, deleted: false }, NO_OUTBOX)
      .lean<WebhookDoc[]>();
  }
}
