import { Injectable } from '@nestjs/common';
import type { QueryFilter } from 'mongoose';
import type { Actor, EventData, EventEnvelope } from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { buildEvent } from '@switchboard/messaging';
import { toTask } from './task.mapper';
import type { TaskDoc } from './task.schema';
import { TasksRepository } from './tasks.repository';

export type Change = { next: TaskDoc; events: (doc: TaskDoc) => EventEnvelope[] } | null;
type TaskEventType =
  | 'task.created'
  | 'task.assigned'
  | 'task.updated'
  | 'task.completed'
  | 'task.deleted'
  | 'task.due';

/** A task event with the task as stored after the change and its contact at the top. */
export function taskEvent<T extends TaskEventType>(
  type: T,
  actor: Actor,
  doc: TaskDoc,
  extra: Omit<EventData<T>, 'task' | 'contactId'>,
): EventEnvelope {
  const task = toTask(doc);
  return buildEvent(type, {
    workspaceId: doc.workspaceId,
    actor,
    aggregateId: doc._id,
    aggregateVersion: doc.version,
    occurredAt: doc.updatedAt,
    data: { ...extra, contactId: task.contactId, task },
  });
}

/** Read, change, write with a version check; retried by the write kernel. */
@Injectable()
export class TaskWriter {
  constructor(private readonly tasks: TasksRepository) {}

  insert(doc: TaskDoc, events: EventEnvelope[]): Promise<void> {
    return this.tasks.insert(doc, events);
  }

  page(filter: QueryFilter<TaskDoc> & { workspaceId: string }, limit: number, cursor?: string) {
    return this.tasks.page(filter, limit, cursor);
  }

  async load(workspaceId: string, id: string): Promise<TaskDoc> {
    const doc = await this.tasks.findById(workspaceId, id);
    if (!doc) throw AppError.notFound('task', id);
    return doc;
  }

  async mutate(
    workspaceId: string,
    id: string,
    change: (task: TaskDoc) => Change,
  ): Promise<{ before: TaskDoc; after: TaskDoc }> {
    let before: TaskDoc | undefined;
    const { doc } = await this.tasks.mutate(workspaceId, id, (task) => {
      before = task;
      return change(task);
    });
    return { before: before ?? doc, after: doc };
  }

  /** A deal moved to another contact: its tasks now concern that contact. Idempotent. */
  async followDealContact(workspaceId: string, actor: Actor, dealId: string, contactId: string) {
    for (const id of await this.tasks.idsAnchoredTo(workspaceId, 'deal', dealId, 1000)) {
      await this.mutate(workspaceId, id, (task) => {
        if (task.contactId === contactId) return null;
        const next = { ...task, contactId, version: task.version + 1, updatedAt: new Date() };
        const changes = ['contactId'];
        return { next, events: (doc) => [taskEvent('task.updated', actor, doc, { changes })] };
      }).catch((err: unknown) => {
        if (AppError.from(err).code !== 'not_found') throw err;
      });
    }
  }

  /**
   * Offboarding (decision 0135): up to `limit` tasks assigned to `from` go to `to` (null: the
   * pool), each with its `task.assigned`. Idempotent: a task assigned elsewhere meanwhile stays.
   */
  async reassignAssignee(
    workspaceId: string,
    actor: Actor,
    input: { from: string; to: string | null; limit: number },
  ): Promise<{ moved: number; done: boolean }> {
    const ids = await this.tasks.idsAssignedTo(workspaceId, input.from, input.limit);
    let moved = 0;
    for (const id of ids) {
      await this.mutate(workspaceId, id, (task) => {
        if (task.assigneeId !== input.from) return null;
        moved += 1;
        const next = {
          ...task,
          assigneeId: input.to,
          version: task.version + 1,
          updatedAt: new Date(),
        };
        const data = {
          assigneeId: input.to,
          previousAssigneeId: input.from,
          via: 'assign' as const,
        };
        return { next, events: (doc) => [taskEvent('task.assigned', actor, doc, data)] };
      }).catch((err: unknown) => {
        if (AppError.from(err).code !== 'not_found') throw err;
      });
    }
    return { moved, done: ids.length < input.limit };
  }

  /** Moves the duplicate contact's tasks (anchor and contact) to the survivor. Idempotent. */
  async reassignContact(
    workspaceId: string,
    actor: Actor,
    duplicateId: string,
    survivorId: string,
  ) {
    for (;;) {
      const ids = await this.tasks.idsOfContact(workspaceId, duplicateId, 100);
      if (ids.length === 0) return;
      for (const id of ids) {
        await this.mutate(workspaceId, id, (task) => {
          if (task.contactId !== duplicateId) return null;
          const anchored = task.anchor.type === 'contact' && task.anchor.id === duplicateId;
          const next: TaskDoc = {
            ...task,
            contactId: survivorId,
            anchor: anchored ? { type: 'contact', id: survivorId } : task.anchor,
            version: task.version + 1,
            updatedAt: new Date(),
          };
          const changes = anchored ? ['anchor', 'contactId'] : ['contactId'];
          return { next, events: (doc) => [taskEvent('task.updated', actor, doc, { changes })] };
        }).catch((err: unknown) => {
          if (AppError.from(err).code !== 'not_found') throw err;
        });
      }
    }
  }

  /** Every task that names the contact (the person's data export). */
  ofContactAll(workspaceId: string, contactId: string, limit: number): Promise<TaskDoc[]> {
    return this.tasks.ofContactAll(workspaceId, contactId, limit);
  }

  /** A company merged away: tasks anchored to it now anchor to the survivor. Idempotent. */
  async reassignCompany(
    workspaceId: string,
    actor: Actor,
    duplicateId: string,
    survivorId: string,
  ) {
    for (;;) {
      const ids = await this.tasks.idsAnchoredTo(workspaceId, 'company', duplicateId, 100);
      if (ids.length === 0) return;
      for (const id of ids) {
        await this.mutate(workspaceId, id, (task) => {
          if (task.anchor.type !== 'company' || task.anchor.id !== duplicateId) return null;
          const next: TaskDoc = {
            ...task,
            anchor: { type: 'company', id: survivorId },
            version: task.version + 1,
            updatedAt: new Date(),
          };
          const changes = ['anchor'];
          return { next, events: (doc) => [taskEvent('task.updated', actor, doc, { changes })] };
        }).catch((err: unknown) => {
          if (AppError.from(err).code !== 'not_found') throw err;
        });
      }
    }
  }

  /**
   * A contact erased: tasks anchored to it are deleted (they are about the person), tasks
   * anchored to a deal or company keep no reference to it. No events (the erasure is the
   * event; a task event now would repeat a title that may name the person). Idempotent.
   */
  async forgetContact(workspaceId: string, contactId: string): Promise<void> {
    for (;;) {
      const tasks = await this.tasks.ofContactAll(workspaceId, contactId, 100);
      if (tasks.length === 0) return;
      for (const t of tasks) {
        if (t.anchor.type === 'contact') await this.tasks.remove(workspaceId, t._id);
        else await this.tasks.clearContact(workspaceId, t._id, contactId);
      }
    }
  }
}
