import { z } from 'zod';
import { Id, Timestamp } from '../common/primitives';
import { Task } from './task';

/**
 * Every task event carries the task after the change and its `contactId` (null for a company
 * anchor), so the activity service can file it on that contact's timeline.
 */
const base = { contactId: Id.nullable(), task: Task };
export const TaskCreatedV1 = z.object(base);
export const TaskAssignedV1 = z.object({
  ...base,
  assigneeId: Id.nullable(),
  previousAssigneeId: Id.nullable(),
  /** `claim` when taken from the pool by the assignee, `assign` otherwise. */
  via: z.enum(['claim', 'assign']),
});
export const TaskUpdatedV1 = z.object({ ...base, changes: z.array(z.string()) });
export const TaskCompletedV1 = z.object(base);
export const TaskDeletedV1 = z.object(base);
/** The due reminder: published once per due time, at that time. */
export const TaskDueV1 = z.object({ ...base, dueAt: Timestamp });

export const TASK_EVENTS = {
  'task.created': { aggregate: 'task', version: 1, data: TaskCreatedV1 },
  'task.assigned': { aggregate: 'task', version: 1, data: TaskAssignedV1 },
  'task.updated': { aggregate: 'task', version: 1, data: TaskUpdatedV1 },
  'task.completed': { aggregate: 'task', version: 1, data: TaskCompletedV1 },
  'task.deleted': { aggregate: 'task', version: 1, data: TaskDeletedV1 },
  'task.due': { aggregate: 'task', version: 1, data: TaskDueV1 },
} as const;
