import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { FilterQuery, Model } from 'mongoose';
import type { EventEnvelope, Page } from '@switchboard/contracts';
import { EventWiring, MongoDatabase, type OutboxKick } from '@switchboard/runtime';
import { CROSS_TENANT, paginate, stage, VersionedWriter } from '@switchboard/storage';
import { taskModel, type TaskDoc } from './task.schema';

const NO_OUTBOX = { outbox: 0, outboxPending: 0 } as const;

export type ArmedReminder = Pick<TaskDoc, '_id' | 'workspaceId' | 'dueAt' | 'reminderVersion'>;

/** Tasks storage. Every write stages its events in the same document write (the outbox). */
@Injectable()
export class TasksRepository implements OnModuleInit {
  readonly model: Model<TaskDoc>;
  private relay!: OutboxKick;
  private readonly writer: VersionedWriter<TaskDoc>;

  constructor(
    db: MongoDatabase,
    private readonly wiring: EventWiring,
  ) {
    this.model = taskModel(db.connection);
    this.writer = new VersionedWriter(this.model, db.connection, 'task');
  }

  async onModuleInit(): Promise<void> {
    await this.model.init();
    this.relay = this.wiring.startOutboxRelay([this.model]);
  }

  async insert(doc: TaskDoc, events: EventEnvelope[]): Promise<void> {
    await this.model.create([{ ...doc, outbox: events.map(stage), outboxPending: true }]);
    this.relay.kick();
  }

  findById(workspaceId: string, id: string): Promise<TaskDoc | null> {
    return this.model.findOne({ workspaceId, _id: id, deleted: false }, NO_OUTBOX).lean<TaskDoc>();
  }

  /**
   * Writes the new state with its events if the task is still at `expectedVersion`: the one
   * conditional single-document write behind claims (exactly one of two concurrent claims
   * matches) and behind firing a reminder once.
   */
  async replace(doc: TaskDoc, expectedVersion: number, events: EventEnvelope[]): Promise<boolean> {
    const written = await this.writer.replace(doc, expectedVersion, events);
    if (written) this.relay.kick();
    return written;
  }

  /** Sorted by due time, tasks without one last. */
  page(
    filter: FilterQuery<TaskDoc> & { workspaceId: string },
    limit: number,
    cursor?: string,
  ): Promise<Page<TaskDoc>> {
    return paginate(
      this.model,
      { ...filter, deleted: false },
      {
        sortField: 'dueSort',
        direction: 1,
        limit,
        cursor,
      },
    );
  }

  async idsOfContact(workspaceId: string, contactId: string, limit: number): Promise<string[]> {
    const rows = await this.model
      .find({ workspaceId, contactId, deleted: false }, { _id: 1 })
      .limit(limit)
      .lean<{ _id: string }[]>();
    return rows.map((r) => r._id);
  }

  async idsAnchoredTo(workspaceId: string, type: string, id: string, limit: number) {
    const rows = await this.model
      .find({ workspaceId, 'anchor.type': type, 'anchor.id': id, deleted: false }, { _id: 1 })
      .limit(limit)
      .lean<{ _id: string }[]>();
    return rows.map((r) => r._id);
  }

  /** Every armed reminder, across workspaces, for the sweep that re-queues them. */
  async *armedReminders(): AsyncGenerator<ArmedReminder> {
    const cursor = this.model
      .find({ reminderState: 'armed' }, { _id: 1, workspaceId: 1, dueAt: 1, reminderVersion: 1 })
      .setOptions({ [CROSS_TENANT]: true })
      .lean<ArmedReminder[]>()
      .cursor();
    for await (const doc of cursor) yield doc;
  }
}
