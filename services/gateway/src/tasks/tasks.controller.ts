import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ChecksMemberIds } from '../access/member-ids.interceptor';
import {
  CreateTaskInput,
  ListTasksQuery,
  pageOf,
  RPC,
  Task,
  TaskIdParams,
  UpdateTaskInput,
  type Page,
  type RequestContext,
} from '@switchboard/contracts';
import { RpcClient } from '@switchboard/messaging';
import { Ctx, RequiresCapability } from '../access/access.decorators';
import { Operation, ValidBody, ValidParams, ValidQuery } from '../http/route-contract';

type Id = { id: string };

@Controller('v1/tasks')
export class TasksController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @ChecksMemberIds()
  @RequiresCapability('tasks.write')
  @Operation({ summary: 'Create a task (no assignee = the pool)', response: Task })
  create(
    @Ctx() ctx: RequestContext,
    @ValidBody(CreateTaskInput) body: CreateTaskInput,
  ): Promise<Task> {
    return this.rpc.call(RPC.tasks.create, ctx, body);
  }

  @Get()
  @RequiresCapability('tasks.read')
  @Operation({
    summary: 'List tasks (pool, assigneeId=me, anchor, status), sorted by due time',
    response: pageOf(Task),
  })
  list(
    @Ctx() ctx: RequestContext,
    @ValidQuery(ListTasksQuery) query: ListTasksQuery,
  ): Promise<Page<Task>> {
    return this.rpc.call(RPC.tasks.list, ctx, query);
  }

  @Get(':id')
  @RequiresCapability('tasks.read')
  @Operation({ summary: 'Get a task', response: Task })
  get(@Ctx() ctx: RequestContext, @ValidParams(TaskIdParams) params: Id): Promise<Task> {
    return this.rpc.call(RPC.tasks.get, ctx, params);
  }

  @Patch(':id')
  @ChecksMemberIds()
  @RequiresCapability('tasks.write')
  @Operation({ summary: 'Update a task; a new due time moves its reminder', response: Task })
  update(
    @Ctx() ctx: RequestContext,
    @ValidParams(TaskIdParams) params: Id,
    @ValidBody(UpdateTaskInput) body: UpdateTaskInput,
  ): Promise<Task> {
    return this.rpc.call(RPC.tasks.update, ctx, { id: params.id, patch: body });
  }

  @Delete(':id')
  @HttpCode(204)
  @RequiresCapability('tasks.write')
  @Operation({ summary: 'Delete a task (cancels its reminder)' })
  async delete(@Ctx() ctx: RequestContext, @ValidParams(TaskIdParams) params: Id): Promise<void> {
    await this.rpc.call(RPC.tasks.delete, ctx, params);
  }

  @Post(':id/claim')
  @HttpCode(200)
  @RequiresCapability('tasks.write')
  @Operation({ summary: 'Take a pool task (409 when someone else got it first)', response: Task })
  claim(@Ctx() ctx: RequestContext, @ValidParams(TaskIdParams) params: Id): Promise<Task> {
    return this.rpc.call(RPC.tasks.claim, ctx, params);
  }

  @Post(':id/complete')
  @HttpCode(200)
  @RequiresCapability('tasks.write')
  @Operation({ summary: 'Complete a task, recording who and when', response: Task })
  complete(@Ctx() ctx: RequestContext, @ValidParams(TaskIdParams) params: Id): Promise<Task> {
    return this.rpc.call(RPC.tasks.complete, ctx, params);
  }
}
