import { Injectable, Logger } from '@nestjs/common';
import {
  PERSON_EXPORT_LIST_MAX,
  type TasksPersonData,
  RPC,
  type Actor,
  type CreateTaskInput,
  type ListTasksQuery,
  type Page,
  type ReassignOwnerInput,
  type ReassignOwnerResult,
  type RequestContext,
  type Task,
  type TaskAnchor,
  type UpdateTaskInput,
} from '@switchboard/contracts';
import {
  assertCapability,
  assertMayAssignOwner,
  assertMayWrite,
  mayRead,
  ownerCondition,
} from '@switchboard/access';
import { AppError } from '@switchboard/errors';
import { newId, RpcClient } from '@switchboard/messaging';
import { trusted } from '@switchboard/storage';
import { RemindersRepository } from './reminders.repository';
import { NO_DUE, type TaskDoc } from './task.schema';
import { taskEvent, TaskWriter, type Change } from './task-writer';
import { toTask } from './task.mapper';

const SERVICE_ACTOR: Actor = { type: 'service', id: 'tasks' };

@Injectable()
export class TasksService {
  private readonly logger = new Logger('tasks');

  constructor(
    private readonly writer: TaskWriter,
    private readonly reminders: RemindersRepository,
    private readonly rpc: RpcClient,
  ) {}

  /** The tasks that name one person (their data export). */
  async ofContact(ctx: RequestContext, contactId: string): Promise<TasksPersonData> {
    const max = PERSON_EXPORT_LIST_MAX;
    const docs = await this.writer.ofContactAll(ctx.workspaceId, contactId, max + 1);
    return { tasks: docs.slice(0, max).map(toTask), truncated: docs.length > max };
  }

  async create(ctx: RequestContext, input: CreateTaskInput): Promise<Task> {
    assertMayAssignOwner(ctx, input.assigneeId, 'task');
    const contactId = await this.resolveAnchor(ctx, input.anchor);
    const now = new Date();
    const dueAt = input.dueAt ? new Date(input.dueAt) : null;
    const doc: TaskDoc = {
      _id: newId(),
      workspaceId: ctx.workspaceId,
      title: input.title,
      description: input.description ?? null,
      priority: input.priority ?? 'normal',
      status: 'open',
      dueAt,
      dueSort: dueAt ?? NO_DUE,
      assigneeId: input.assigneeId ?? null,
      anchor: input.anchor,
      contactId,
      completedAt: null,
      completedBy: null,
      deleted: false,
      reminderState: dueAt ? 'armed' : 'none',
      reminderVersion: dueAt ? 1 : 0,
      reminderFiredAt: null,
      createdBy: ctx.actor,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await this.writer.insert(doc, [taskEvent('task.created', ctx.actor, doc, {})]);
    await this.syncReminder(null, doc);
    return toTask(doc);
  }

  /** A task outside the caller's read scope (by assignee) is not found (decision 0106). */
  async get(ctx: RequestContext, id: string): Promise<Task> {
    const doc = await this.writer.load(ctx.workspaceId, id);
    if (!mayRead(ctx, doc.assigneeId)) throw AppError.notFound('task', id);
    return toTask(doc);
  }

  async list(ctx: RequestContext, q: ListTasksQuery): Promise<Page<Task>> {
    const asked = q.pool ? null : q.assigneeId === 'me' ? ctx.actor.id : q.assigneeId;
    // The read scope in the query (decision 0106): a scoped caller sees its readable assignees'
    // tasks only, so the pool (unassigned) is empty for it, as unowned contacts are.
    const assignees = ownerCondition(ctx, asked);
    const filter = {
      workspaceId: ctx.workspaceId,
      ...(assignees === undefined
        ? {}
        : { assigneeId: assignees.length === 1 ? assignees[0] : trusted({ $in: assignees }) }),
      ...(q.anchorType ? { 'anchor.type': q.anchorType, 'anchor.id': q.anchorId } : {}),
      ...(q.status ? { status: q.status } : {}),
    };
    const page = await this.writer.page(filter, q.limit, q.cursor);
    return { items: page.items.map(toTask), nextCursor: page.nextCursor };
  }

  async update(ctx: RequestContext, id: string, patch: UpdateTaskInput): Promise<Task> {
    if (patch.assigneeId !== undefined) assertMayAssignOwner(ctx, patch.assigneeId, 'task');
    return this.change(ctx.workspaceId, id, (task) => {
      assertMayWrite(ctx, task.assigneeId, 'task');
      const next: TaskDoc = { ...task };
      if (patch.title !== undefined) next.title = patch.title;
      if (patch.description !== undefined) next.description = patch.description;
      if (patch.priority !== undefined) next.priority = patch.priority;
      if (patch.assigneeId !== undefined) next.assigneeId = patch.assigneeId;
      if (patch.dueAt !== undefined) {
        next.dueAt = patch.dueAt ? new Date(patch.dueAt) : null;
        next.dueSort = next.dueAt ?? NO_DUE;
      }
      const dueMoved = (next.dueAt?.getTime() ?? null) !== (task.dueAt?.getTime() ?? null);
      if (dueMoved) {
        // A new due time is a new reminder: the old job turns stale by version.
        next.reminderVersion = task.reminderVersion + 1;
        next.reminderState = next.dueAt && task.status === 'open' ? 'armed' : 'none';
        next.reminderFiredAt = null;
      }
      const changes = (['title', 'description', 'priority', 'dueAt'] as const).filter(
        (k) => k in patch && JSON.stringify(next[k]) !== JSON.stringify(task[k]),
      );
      const reassigned = next.assigneeId !== task.assigneeId;
      if (changes.length === 0 && !reassigned) return null;
      return {
        next: { ...next, version: task.version + 1, updatedAt: new Date() },
        events: (doc) => [
          ...(changes.length > 0
            ? [taskEvent('task.updated', ctx.actor, doc, { changes: [...changes] })]
            : []),
          ...(reassigned
            ? [
                taskEvent('task.assigned', ctx.actor, doc, {
                  assigneeId: doc.assigneeId,
                  previousAssigneeId: task.assigneeId,
                  via: 'assign' as const,
                }),
              ]
            : []),
        ],
      };
    });
  }

  async delete(ctx: RequestContext, id: string): Promise<{ id: string }> {
    await this.change(ctx.workspaceId, id, (task) => {
      assertMayWrite(ctx, task.assigneeId, 'task');
      const next = { ...this.disarmed(task), deleted: true };
      return { next, events: (doc) => [taskEvent('task.deleted', ctx.actor, doc, {})] };
    });
    return { id };
  }

  /** Offboarding: a departing member's tasks move (members.manage, decision 0135). */
  reassignAssignee(ctx: RequestContext, input: ReassignOwnerInput): Promise<ReassignOwnerResult> {
    assertCapability(ctx, 'members.manage', 'moving a member’s tasks');
    return this.writer.reassignAssignee(ctx.workspaceId, ctx.actor, input);
  }

  /** Takes a pool task; of two concurrent claims exactly one wins (version-checked write). */
  async claim(ctx: RequestContext, id: string): Promise<Task> {
    return this.change(ctx.workspaceId, id, (task) => {
      if (task.status !== 'open') throw new AppError('conflict', `task ${id} is completed`);
      if (task.assigneeId !== null) {
        throw new AppError('conflict', `task ${id} is not in the pool`, {
          assigneeId: task.assigneeId,
        });
      }
      const next = {
        ...task,
        assigneeId: ctx.actor.id,
        version: task.version + 1,
        updatedAt: new Date(),
      };
      const data = { assigneeId: ctx.actor.id, previousAssigneeId: null, via: 'claim' as const };
      return { next, events: (doc) => [taskEvent('task.assigned', ctx.actor, doc, data)] };
    });
  }

  async complete(ctx: RequestContext, id: string): Promise<Task> {
    return this.change(ctx.workspaceId, id, (task) => {
      assertMayWrite(ctx, task.assigneeId, 'task');
      if (task.status === 'completed') {
        throw new AppError('conflict', `task ${id} is already completed`);
      }
      const now = new Date();
      const next: TaskDoc = {
        ...this.disarmed(task),
        status: 'completed',
        completedAt: now,
        completedBy: ctx.actor,
        updatedAt: now,
      };
      return { next, events: (doc) => [taskEvent('task.completed', ctx.actor, doc, {})] };
    });
  }

  /**
   * A reminder job came due. Fires `task.due` only if the task still has this reminder armed,
   * staged in the same version-checked write that marks it fired: once, whatever the queue does.
   */
  async fireReminder(workspaceId: string, taskId: string, version: number): Promise<boolean> {
    let fired = false;
    await this.writer
      .mutate(workspaceId, taskId, (task) => {
        if (task.reminderState !== 'armed' || task.reminderVersion !== version) return null;
        fired = true;
        const now = new Date();
        const next: TaskDoc = {
          ...task,
          reminderState: 'fired',
          reminderFiredAt: now,
          version: task.version + 1,
          updatedAt: now,
        };
        const data = { dueAt: task.dueAt!.toISOString() };
        return { next, events: (doc) => [taskEvent('task.due', SERVICE_ACTOR, doc, data)] };
      })
      .catch((err: unknown) => {
        if (AppError.from(err).code !== 'not_found') throw err; // deleted meanwhile: nothing due
      });
    return fired;
  }

  /** Re-queues an armed reminder (sweep); the job id makes it a no-op when already queued. */
  rearm(r: { _id: string; workspaceId: string; dueAt: Date | null; reminderVersion: number }) {
    if (!r.dueAt) return Promise.resolve();
    const job = { workspaceId: r.workspaceId, taskId: r._id, version: r.reminderVersion };
    return this.reminders.schedule(job, new Date(r.dueAt));
  }

  private disarmed(task: TaskDoc): TaskDoc {
    return {
      ...task,
      reminderState: task.reminderState === 'armed' ? 'none' : task.reminderState,
      version: task.version + 1,
      updatedAt: new Date(),
    };
  }

  private async change(
    workspaceId: string,
    id: string,
    fn: (task: TaskDoc) => Change,
  ): Promise<Task> {
    const { before, after } = await this.writer.mutate(workspaceId, id, fn);
    await this.syncReminder(before, after);
    return toTask(after);
  }

  /**
   * Brings the queue in line with the task after a write. Failures are logged, not thrown: the
   * task is already right, and the sweep re-queues armed reminders from the documents.
   */
  private async syncReminder(before: TaskDoc | null, after: TaskDoc): Promise<void> {
    const wasArmed = before?.reminderState === 'armed';
    const isArmed = after.reminderState === 'armed';
    const same = wasArmed && isArmed && before.reminderVersion === after.reminderVersion;
    try {
      if (wasArmed && !same) await this.reminders.cancel(before._id, before.reminderVersion);
      if (isArmed && !same) await this.rearm(after);
    } catch (err) {
      this.logger.warn({ err, taskId: after._id }, 'reminder queue update failed; sweep will heal');
    }
  }

  /** The anchor must exist in the caller's workspace; returns the contact the task concerns. */
  private async resolveAnchor(ctx: RequestContext, anchor: TaskAnchor): Promise<string | null> {
    try {
      switch (anchor.type) {
        case 'contact':
          return (await this.rpc.call(RPC.contacts.get, ctx, { id: anchor.id })).id;
        case 'deal':
          return (await this.rpc.call(RPC.deals.get, ctx, { id: anchor.id })).contactId;
        case 'company':
          return null; // companies are not built yet: the id's format is all we can check
      }
    } catch (err) {
      if (AppError.from(err).code !== 'not_found') throw err;
      throw AppError.validation(`no such ${anchor.type}`, [
        { path: 'anchor.id', message: `${anchor.type} ${anchor.id} not found in this workspace` },
      ]);
    }
  }
}
