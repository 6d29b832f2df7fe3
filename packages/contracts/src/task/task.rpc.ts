import { z } from 'zod';
import { TasksPersonData, PersonExportInput } from '../contact/contact-erase';
import { ReassignOwnerInput, ReassignOwnerResult } from '../offboarding/offboarding';
import { pageOf } from '../common/pagination';
import { Id } from '../common/primitives';
import { CreateTaskInput, ListTasksQuery, Task, UpdateTaskInput } from './task';

const ById = z.object({ id: Id }).strict();

/** `rpc.tasks.*`: served by the tasks service. */
export const TASKS_RPC = {
  /** What this service holds about one person (their data export). */
  personExport: {
    subject: 'rpc.tasks.person.export',
    input: PersonExportInput,
    output: TasksPersonData,
  },
  create: { subject: 'rpc.tasks.create', input: CreateTaskInput, output: Task },
  get: { subject: 'rpc.tasks.get', input: ById, output: Task },
  list: { subject: 'rpc.tasks.list', input: ListTasksQuery, output: pageOf(Task) },
  update: {
    subject: 'rpc.tasks.update',
    input: z.object({ id: Id, patch: UpdateTaskInput }).strict(),
    output: Task,
  },
  delete: { subject: 'rpc.tasks.delete', input: ById, output: z.object({ id: Id }) },
  claim: { subject: 'rpc.tasks.claim', input: ById, output: Task },
  complete: { subject: 'rpc.tasks.complete', input: ById, output: Task },
  /** Offboarding: tasks assigned to a departing member move (decision 0135). */
  reassignAssignee: {
    subject: 'rpc.tasks.assignee.reassign',
    input: ReassignOwnerInput,
    output: ReassignOwnerResult,
  },
} as const;
