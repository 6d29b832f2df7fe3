import type { Actor, Task } from '@switchboard/contracts';
import type { TaskDoc } from './task.schema';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
const actor = (a: Actor): Actor => ({ type: a.type, id: a.id });

/** Stored document → the contract's Task (no outbox, no reminder bookkeeping). */
export function toTask(doc: TaskDoc): Task {
  return {
    id: doc._id,
    workspaceId: doc.workspaceId,
    title: doc.title,
    description: doc.description ?? null,
    priority: doc.priority,
    status: doc.status,
    dueAt: iso(doc.dueAt),
    assigneeId: doc.assigneeId ?? null,
    anchor: { type: doc.anchor.type, id: doc.anchor.id },
    contactId: doc.contactId ?? null,
    completedAt: iso(doc.completedAt),
    completedBy: doc.completedBy ? actor(doc.completedBy) : null,
    reminderFiredAt: iso(doc.reminderFiredAt),
    createdBy: actor(doc.createdBy),
    version: doc.version,
    createdAt: iso(doc.createdAt)!,
    updatedAt: iso(doc.updatedAt)!,
  };
}
