import { Controller } from '@nestjs/common';
import {
  RPC,
  type TasksPersonData,
  type CreateTaskInput,
  type ListTasksQuery,
  type Page,
  type ReassignOwnerInput,
  type ReassignOwnerResult,
  type RequestContext,
  type Task,
  type UpdateTaskInput,
} from '@switchboard/contracts';
import { RpcContext, RpcHandler, RpcInput } from '@switchboard/messaging';
import { TasksService } from './tasks.service';

/** RPC edge of the tasks service: `rpc.tasks.*`. */
@Controller()
export class TasksHandler {
  constructor(private readonly tasks: TasksService) {}

  @RpcHandler(RPC.tasks.create)
  create(@RpcContext() ctx: RequestContext, @RpcInput() input: CreateTaskInput): Promise<Task> {
    return this.tasks.create(ctx, input);
  }

  @RpcHandler(RPC.tasks.get)
  get(@RpcContext() ctx: RequestContext, @RpcInput() input: { id: string }): Promise<Task> {
    return this.tasks.get(ctx, input.id);
  }

  @RpcHandler(RPC.tasks.list)
  list(@RpcContext() ctx: RequestContext, @RpcInput() input: ListTasksQuery): Promise<Page<Task>> {
    return this.tasks.list(ctx, input);
  }

  @RpcHandler(RPC.tasks.update)
  update(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: { id: string; patch: UpdateTaskInput },
  ): Promise<Task> {
    return this.tasks.update(ctx, input.id, input.patch);
  }

  @RpcHandler(RPC.tasks.delete)
  delete(@RpcContext() ctx: RequestContext, @RpcInput() input: { id: string }) {
    return this.tasks.delete(ctx, input.id);
  }

  @RpcHandler(RPC.tasks.claim)
  claim(@RpcContext() ctx: RequestContext, @RpcInput() input: { id: string }): Promise<Task> {
    return this.tasks.claim(ctx, input.id);
  }

  @RpcHandler(RPC.tasks.complete)
  complete(@RpcContext() ctx: RequestContext, @RpcInput() input: { id: string }): Promise<Task> {
    return this.tasks.complete(ctx, input.id);
  }

  @RpcHandler(RPC.tasks.personExport)
  personExport(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: { contactId: string },
  ): Promise<TasksPersonData> {
    return this.tasks.ofContact(ctx, input.contactId);
  }

  @RpcHandler(RPC.tasks.reassignAssignee)
  reassignAssignee(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: ReassignOwnerInput,
  ): Promise<ReassignOwnerResult> {
    return this.tasks.reassignAssignee(ctx, input);
  }
}
