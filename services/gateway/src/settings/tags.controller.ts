import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import {
  CreateTagInput,
  MergeTagInput,
  RPC,
  TagChange,
  TagDefinition,
  TagLibrary,
  TagLibraryQuery,
  TagOperation,
  TagOperationParams,
  TagParams,
  UpdateTagInput,
  type RequestContext,
} from '@switchboard/contracts';
import { RpcClient } from '@switchboard/messaging';
import { Ctx, RequiresCapability } from '../access/access.decorators';
import { Operation, ValidBody, ValidParams, ValidQuery } from '../http/route-contract';

type Name = { name: string };

/**
 * The tag library (decision 0128): counts and colours; definitions; renames, merges and deletes
 * that reach every contact in the background (a tag operation to poll). `bot:` tags need the
 * capability `tags.system` (decision 0127).
 */
@Controller('v1/tags')
export class TagsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @RequiresCapability('contacts.read')
  @Operation({
    summary:
      'Tag library with counts of active contacts, most used first; prefix autocomplete; ' +
      'bot: tags listed apart as systemTags; defined tags with their colour (count 0 if unused)',
    response: TagLibrary,
  })
  list(
    @Ctx() ctx: RequestContext,
    @ValidQuery(TagLibraryQuery) query: TagLibraryQuery,
  ): Promise<TagLibrary> {
    return this.rpc.call(RPC.contacts.tagLibrary, ctx, query);
  }

  @Post()
  @RequiresCapability('tags.manage')
  @Operation({
    summary: 'Define a tag with a colour (409 conflict if defined; bot: tags need tags.system)',
    response: TagDefinition,
  })
  create(
    @Ctx() ctx: RequestContext,
    @ValidBody(CreateTagInput) body: CreateTagInput,
  ): Promise<TagDefinition> {
    return this.rpc.call(RPC.contacts.createTag, ctx, body);
  }

  @Get('operations/:id')
  @RequiresCapability('tags.manage')
  @Operation({
    summary: 'A tag operation (rename, merge, delete across contacts): status and counts',
    response: TagOperation,
  })
  operation(
    @Ctx() ctx: RequestContext,
    @ValidParams(TagOperationParams) params: { id: string },
  ): Promise<TagOperation> {
    return this.rpc.call(RPC.contacts.getTagOperation, ctx, params);
  }

  @Get(':name')
  @RequiresCapability('contacts.read')
  @Operation({
    summary: 'A tag: colour, whether it is a system tag, count of active contacts carrying it',
    response: TagDefinition,
  })
  get(@Ctx() ctx: RequestContext, @ValidParams(TagParams) params: Name): Promise<TagDefinition> {
    return this.rpc.call(RPC.contacts.getTag, ctx, params);
  }

  @Patch(':name')
  @RequiresCapability('tags.manage')
  @Operation({
    summary:
      'Recolour a tag (at once) or rename it on every contact (in the background: the answer ' +
      'carries the operation; 409 conflict if the new name exists: merge instead)',
    response: TagChange,
  })
  update(
    @Ctx() ctx: RequestContext,
    @ValidParams(TagParams) params: Name,
    @ValidBody(UpdateTagInput) body: UpdateTagInput,
  ): Promise<TagChange> {
    return this.rpc.call(RPC.contacts.updateTag, ctx, { name: params.name, patch: body });
  }

  @Post(':name/merge')
  @HttpCode(202)
  @RequiresCapability('tags.manage')
  @Operation({
    summary: 'Merge a tag into another on every contact, in the background; the tag disappears',
    response: TagChange,
  })
  merge(
    @Ctx() ctx: RequestContext,
    @ValidParams(TagParams) params: Name,
    @ValidBody(MergeTagInput) body: MergeTagInput,
  ): Promise<TagChange> {
    return this.rpc.call(RPC.contacts.mergeTag, ctx, { name: params.name, merge: body });
  }

  @Delete(':name')
  @HttpCode(202)
  @RequiresCapability('tags.manage')
  @Operation({
    summary: 'Delete a tag: its definition at once, and from every contact in the background',
    response: TagChange,
  })
  delete(@Ctx() ctx: RequestContext, @ValidParams(TagParams) params: Name): Promise<TagChange> {
    return this.rpc.call(RPC.contacts.deleteTag, ctx, params);
  }
}
