import { Controller } from '@nestjs/common';
import {
  RPC,
  type CreateTagInput,
  type MergeTagInput,
  type RequestContext,
  type TagChange,
  type TagDefinition,
  type TagOperation,
  type UpdateTagInput,
} from '@switchboard/contracts';
import { RpcContext, RpcHandler, RpcInput } from '@switchboard/messaging';
import { TagsService } from './tags.service';

/** RPC edge of the tag library's writes (its list is `rpc.contacts.tagLibrary`, settings). */
@Controller()
export class TagsHandler {
  constructor(private readonly tags: TagsService) {}

  @RpcHandler(RPC.contacts.createTag)
  create(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: CreateTagInput,
  ): Promise<TagDefinition> {
    return this.tags.create(ctx, input);
  }

  @RpcHandler(RPC.contacts.getTag)
  get(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: { name: string },
  ): Promise<TagDefinition> {
    return this.tags.get(ctx, input.name);
  }

  @RpcHandler(RPC.contacts.updateTag)
  update(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: { name: string; patch: UpdateTagInput },
  ): Promise<TagChange> {
    return this.tags.update(ctx, input.name, input.patch);
  }

  @RpcHandler(RPC.contacts.mergeTag)
  merge(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: { name: string; merge: MergeTagInput },
  ): Promise<TagChange> {
    return this.tags.merge(ctx, input.name, input.merge);
  }

  @RpcHandler(RPC.contacts.deleteTag)
  delete(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: { name: string },
  ): Promise<TagChange> {
    return this.tags.delete(ctx, input.name);
  }

  @RpcHandler(RPC.contacts.getTagOperation)
  operation(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: { id: string },
  ): Promise<TagOperation> {
    return this.tags.operation(ctx, input.id);
  }
}
