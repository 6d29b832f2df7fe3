import { Schema, type Connection, type Model } from 'mongoose';
import { idField, outboxPlugin, tenantGuard, type OutboxFields } from '@switchboard/storage';
import type { Actor, TaskAnchorRef, TaskPriority, TaskStatus } from '@switchboard/contracts';

/** `armed`: a due reminder is pending for `reminderVersion`; `fired`: task.due went out. */
export type ReminderState = 'none' | 'armed' | 'fired';

export interface TaskDoc extends OutboxFields {
  _id: string;
  workspaceId: string;
  title: string;
  description: string | null;
  priority: TaskPriority;
  status: TaskStatus;
  dueAt: Date | null;
  /** `dueAt`, or the far future without one: lists sort on a value every task has. */
  dueSort: Date;
  assigneeId: string | null;
  anchor: TaskAnchorRef;
  contactId: string | null;
  completedAt: Date | null;
  completedBy: Actor | null;
  deleted: boolean;
  reminderState: ReminderState;
  /** Bumped whenever the due time changes: the job id carries it, so stale jobs do nothing. */
  reminderVersion: number;
  reminderFiredAt: Date | null;
  createdBy: Actor;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export const NO_DUE = new Date('9999-12-31T00:00:00.000Z');

const ActorSchema = new Schema<Actor>({ type: { type: String }, id: String }, { _id: false });

const TaskSchema = new Schema<TaskDoc>(
  {
    ...idField,
    workspaceId: { type: String, required: true, immutable: true },
    title: { type: String, required: true },
    description: { type: String, default: null },
    priority: { type: String, required: true },
    status: { type: String, required: true },
    dueAt: { type: Date, default: null },
    dueSort: { type: Date, required: true },
    assigneeId: { type: String, default: null },
    anchor: { type: new Schema({ type: String, id: String }, { _id: false }), required: true },
    contactId: { type: String, default: null },
    completedAt: { type: Date, default: null },
    completedBy: { type: ActorSchema, default: null },
    deleted: { type: Boolean, default: false },
    reminderState: { type: String, default: 'none' },
    reminderVersion: { type: Number, default: 0 },
    reminderFiredAt: { type: Date, default: null },
    createdBy: { type: ActorSchema, required: true },
    version: { type: Number, required: true },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { collection: 'tasks', versionKey: false, minimize: false },
);
TaskSchema.plugin(tenantGuard);
TaskSchema.plugin(outboxPlugin);
TaskSchema.index({ workspaceId: 1, dueSort: 1, _id: 1 });
TaskSchema.index({ workspaceId: 1, assigneeId: 1, dueSort: 1, _id: 1 });
TaskSchema.index({ workspaceId: 1, 'anchor.type': 1, 'anchor.id': 1 });
TaskSchema.index({ workspaceId: 1, contactId: 1 });
// The reminder sweep's only query, across tenants (like the outbox relay's).
TaskSchema.index({ reminderState: 1 });

export const taskModel = (connection: Connection): Model<TaskDoc> =>
  connection.model<TaskDoc>('Task', TaskSchema);
