import { Controller, Get } from '@nestjs/common';
import { RPC, TagLibrary, TagLibraryQuery, type RequestContext } from '@switchboard/contracts';
import { RpcClient } from '@switchboard/messaging';
import { Ctx, RequiresCapability } from '../access/access.decorators';
import { Operation, ValidQuery } from '../http/route-contract';

@Controller('v1/tags')
export class TagsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @RequiresCapability('contacts.read')
  @Operation({
    summary:
      'Tag library with counts of active contacts, most used first; prefix autocomplete; ' +
      'bot: tags listed apart as systemTags',
    response: TagLibrary,
  })
  list(
    @Ctx() ctx: RequestContext,
    @ValidQuery(TagLibraryQuery) query: TagLibraryQuery,
  ): Promise<TagLibrary> {
    return this.rpc.call(RPC.contacts.tagLibrary, ctx, query);
  }
}
