import { z } from 'zod';
import { PageQuery } from '../common/pagination';
import { Id, NonEmptyText, Timestamp } from '../common/primitives';
import { Actor } from '../context/request-context';

export const TaskPriority = z.enum(['low', 'normal', 'high', 'urgent']);
export type TaskPriority = z.infer<typeof TaskPriority>;
export const TaskStatus = z.enum(['open', 'completed']);
export type TaskStatus = z.infer<typeof TaskStatus>;

/** What a task is about. Companies are not built yet: their ids are checked for format only. */
export const TaskAnchor = z
  .object({ type: z.enum(['contact', 'deal', 'company']), id: Id })
  .strict();
export type TaskAnchor = z.infer<typeof TaskAnchor>;

/**
 * What a stored task is about: an anchor a caller may give, or a webhook endpoint (the task the
 * tasks service makes for the endpoint's owner when it is switched off; decision 0147).
 */
export const TaskAnchorRef = z
  .object({ type: z.enum(['contact', 'deal', 'company', 'webhook']), id: Id })
  .strict();
export type TaskAnchorRef = z.infer<typeof TaskAnchorRef>;

/** `POST /v1/tasks`: no assignee puts the task in the pool. */
export const CreateTaskInput = z
  .object({
    title: NonEmptyText(300),
    description: z.string().max(5000).optional(),
    anchor: TaskAnchor,
    assigneeId: Id.optional(),
    dueAt: Timestamp.optional(),
    priority: TaskPriority.optional(),
  })
  .strict();
export type CreateTaskInput = z.infer<typeof CreateTaskInput>;

/** `PATCH /v1/tasks/:id`: absent = unchanged, `null` = clear (assignee null returns it to the pool). */
export const UpdateTaskInput = z
  .object({
    title: NonEmptyText(300).optional(),
    description: z.string().max(5000).nullable().optional(),
    assigneeId: Id.nullable().optional(),
    dueAt: Timestamp.nullable().optional(),
    priority: TaskPriority.optional(),
  })
  .strict();
export type UpdateTaskInput = z.infer<typeof UpdateTaskInput>;

export const Task = z.object({
  id: Id,
  workspaceId: Id,
  title: z.string(),
  description: z.string().nullable(),
  priority: TaskPriority,
  status: TaskStatus,
  dueAt: Timestamp.nullable(),
  assigneeId: Id.nullable(),
  anchor: TaskAnchorRef,
  /** The contact the task concerns: the anchor itself, or the anchored deal's contact. */
  contactId: Id.nullable(),
  completedAt: Timestamp.nullable(),
  completedBy: Actor.nullable(),
  /** When the due reminder fired (`task.due`), null until then. */
  reminderFiredAt: Timestamp.nullable(),
  createdBy: Actor,
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Task = z.infer<typeof Task>;

export const TaskIdParams = z.object({ id: Id }).strict();

const Bool = z.enum(['true', 'false']).transform((v) => v === 'true');

/** `GET /v1/tasks`, sorted by due time (tasks without one last). */
export const ListTasksQuery = PageQuery.extend({
  pool: z.union([z.boolean(), Bool]).optional(),
  assigneeId: z.union([Id, z.literal('me')]).optional(),
  anchorType: TaskAnchorRef.shape.type.optional(),
  anchorId: Id.optional(),
  status: TaskStatus.optional(),
})
  .strict()
  .refine((q) => (q.anchorType === undefined) === (q.anchorId === undefined), {
    message: 'anchorType and anchorId go together',
    path: ['anchorId'],
  })
  .refine((q) => !(q.pool && q.assigneeId), {
    message: 'pool=true lists unassigned tasks: drop assigneeId',
    path: ['assigneeId'],
  });
export type ListTasksQuery = z.infer<typeof ListTasksQuery>;
