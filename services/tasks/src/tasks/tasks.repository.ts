import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { QueryFilter, Model } from 'mongoose';
import type { EventEnvelope, Page, TaskAnchor } from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { EventWiring, MongoDatabase } from '@switchboard/runtime';
import {
  CROSS_TENANT,
  paginate,
  VersionedStore,
  type Change,
  type MutateOptions,
} from '@switchboard/storage';
import { taskModel, type TaskDoc } from './task.schema';

const NO_OUTBOX = { outbox: 0, outboxPending: 0 } as const;

export type ArmedReminder = Pick<TaskDoc, '_id' | 'workspaceId' | 'dueAt' | 'reminderVersion'>;

/** Tasks storage. Every write stages its events in the same document write (the outbox). */
@Injectable()
export class TasksRepository implements OnModuleInit {
  readonly model: Model<TaskDoc>;
  private readonly store: VersionedStore<TaskDoc>;

  constructor(
    db: MongoDatabase,
    private readonly wiring: EventWiring,
  ) {
    this.model = taskModel(db.connection);
    this.store = new VersionedStore(this.model, db.connection, { entity: 'task' });
  }

  async onModuleInit(): Promise<void> {
    await this.model.init();
    this.store.relayWith(this.wiring.startOutboxRelay([this.model]));
  }

  async insert(doc: TaskDoc, events: EventEnvelope[]): Promise<void> {
    await this.store.create(doc, events);
  }

  findById(workspaceId: string, id: string): Promise<TaskDoc | null> {
    return this.model.findOne({ workspaceId, _id: id, deleted: false }, NO_OUTBOX).lean<TaskDoc>();
  }

  /**
   * Read, change, compare-and-set through the write kernel: the one conditional single-document
   * write behind claims (exactly one of two concurrent claims wins) and behind firing a reminder
   * once. A deleted task is not found, as for reads.
   */
  mutate(
    workspaceId: string,
    id: string,
    change: (current: TaskDoc) => Change<TaskDoc>,
    options: MutateOptions = {},
  ): Promise<{ doc: TaskDoc; changed: boolean }> {
    return this.store.mutate(
      workspaceId,
      id,
      (current) => {
        if (current.deleted) throw AppError.notFound('task', id);
        return change(current);
      },
      options,
    );
  }

  /** Sorted by due time, tasks without one last. */
  page(
    filter: QueryFilter<TaskDoc> & { workspaceId: string },
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

  /** Every task that names the contact, deleted ones too (erasure, data export). */
  ofContactAll(workspaceId: string, contactId: string, limit: number): Promise<TaskDoc[]> {
    return this.model
      .find({ workspaceId, contactId }, { outbox: 0 })
      .limit(limit)
      .lean<TaskDoc[]>();
  }

  /** Removes the document (erasure): its unsent events go with it. */
  async remove(workspaceId: string, id: string): Promise<void> {
    await this.model.deleteOne({ workspaceId, _id: id });
  }

  /** Clears the contact of a task anchored elsewhere (erasure), without an event. */
  async clearContact(workspaceId: string, id: string, contactId: string): Promise<void> {
    await this.model.updateOne(
      { workspaceId, _id: id, contactId },
      { $set: { contactId: null }, $inc: { rev: 1 } },
    );
  }

  /** Ids of up to `limit` live tasks assigned to `assigneeId` (offboarding moves them). */
  async idsAssignedTo(workspaceId: string, assigneeId: string, limit: number): Promise<string[]> {
    const rows = await this.model
      .find({ workspaceId, assigneeId, deleted: false }, { _id: 1 })
      .limit(limit)
      .lean<{ _id: string }[]>();
    return rows.map((r) => r._id);
  }

  async idsAnchoredTo(workspaceId: string, type: TaskAnchor['type'], id: string, limit: number) {
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
