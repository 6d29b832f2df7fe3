import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Model } from 'mongoose';
import type { EventEnvelope } from '@switchboard/contracts';
import { EventWiring, MongoDatabase, type OutboxKick } from '@switchboard/runtime';
import { isDuplicateKeyError, stage } from '@switchboard/storage';
import { workspaceModel, type WorkspaceDoc } from './workspace.schema';

@Injectable()
export class WorkspacesRepository implements OnModuleInit {
  readonly model: Model<WorkspaceDoc>;

  private relay!: OutboxKick;

  constructor(
    db: MongoDatabase,
    private readonly wiring: EventWiring,
  ) {
    this.model = workspaceModel(db.connection);
  }

  async onModuleInit(): Promise<void> {
    await this.model.init();
    this.relay = this.wiring.startOutboxRelay([this.model]);
  }

  /**
   * Inserts under a pre-chosen id with its `workspace.created` event staged in the same write;
   * a retry finds the first attempt's workspace (and event) and returns it.
   */
  async insertOnce(doc: WorkspaceDoc, events: EventEnvelope[] = []): Promise<WorkspaceDoc> {
    try {
      await this.model.create([
        { ...doc, outbox: events.map(stage), outboxPending: events.length > 0 },
      ]);
      this.relay.kick();
      return doc;
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      const existing = await this.findById(doc._id);
      if (!existing) throw err;
      return existing;
    }
  }

  findById(id: string): Promise<WorkspaceDoc | null> {
    return this.model.findOne({ _id: id }, { outbox: 0, outboxPending: 0 }).lean<WorkspaceDoc>();
  }
}
