import { Controller, Delete, HttpCode, Patch, Post, UseInterceptors } from '@nestjs/common';
import { ChecksMemberIds } from '../access/member-ids.interceptor';
import {
  BulkContactsInput,
  BulkContactsResult,
  Contact,
  ContactIdParams,
  ContactTagsInput,
  MergeContactsInput,
  MergeContactsResult,
  RPC,
  UpdateContactInput,
  type RequestContext,
} from '@switchboard/contracts';
import { RpcClient } from '@switchboard/messaging';
import { Ctx, RequiresCapability } from '../access/access.decorators';
import { Operation, ValidBody, ValidParams } from '../http/route-contract';
import {
  ETagHeader,
  expectedVersion,
  IfMatch,
  IfMatchHeader,
  VersionETag,
} from '../http/version-etag';

type Id = { id: string };

/** A bulk request writes up to MAX_BULK_CONTACTS contacts one by one: more than one RPC timeout. */
const BULK_TIMEOUT_MS = 120_000;
const MERGE_TIMEOUT_MS = 30_000;

/**
 * Writes of existing contacts. Single-contact answers carry the new version as `ETag`; PATCH
 * takes it back in `If-Match` (or `version` in the body).
 */
@Controller('v1/contacts')
export class ContactWritesController {
  constructor(private readonly rpc: RpcClient) {}

  @Patch(':id')
  @ChecksMemberIds()
  @RequiresCapability('contacts.update')
  @UseInterceptors(VersionETag)
  @Operation({
    summary:
      'Update a contact (absent = unchanged, null = clear; customFields and metadata merge per ' +
      'key). If-Match or version: 409 version_conflict when stale',
    response: Contact,
    headers: IfMatchHeader,
    responseHeaders: ETagHeader,
  })
  update(
    @Ctx() ctx: RequestContext,
    @ValidParams(ContactIdParams) params: Id,
    @ValidBody(UpdateContactInput) body: UpdateContactInput,
    @IfMatch() ifMatch: number | undefined,
  ): Promise<Contact> {
    const version = expectedVersion(ifMatch, body.version);
    return this.rpc.call(RPC.contacts.update, ctx, {
      id: params.id,
      patch: { ...body, ...(version !== undefined ? { version } : {}) },
    });
  }

  @Delete(':id')
  @RequiresCapability('contacts.delete')
  @UseInterceptors(VersionETag)
  @Operation({
    summary: 'Archive a contact (soft; history kept; archiving an archived one changes nothing)',
    response: Contact,
    responseHeaders: ETagHeader,
  })
  archive(@Ctx() ctx: RequestContext, @ValidParams(ContactIdParams) params: Id): Promise<Contact> {
    return this.rpc.call(RPC.contacts.archive, ctx, params);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @RequiresCapability('contacts.restore')
  @UseInterceptors(VersionETag)
  @Operation({
    summary: 'Restore an archived contact, data intact (409 for a merged one)',
    response: Contact,
    responseHeaders: ETagHeader,
  })
  restore(@Ctx() ctx: RequestContext, @ValidParams(ContactIdParams) params: Id): Promise<Contact> {
    return this.rpc.call(RPC.contacts.restore, ctx, params);
  }

  @Post(':id/tags')
  @HttpCode(200)
  @RequiresCapability('contacts.tag')
  @UseInterceptors(VersionETag)
  @Operation({
    summary: 'Add and remove tags (events only for tags that changed)',
    response: Contact,
    responseHeaders: ETagHeader,
  })
  tags(
    @Ctx() ctx: RequestContext,
    @ValidParams(ContactIdParams) params: Id,
    @ValidBody(ContactTagsInput) body: ContactTagsInput,
  ): Promise<Contact> {
    return this.rpc.call(RPC.contacts.tags, ctx, { id: params.id, tags: body });
  }

  @Post(':id/claim')
  @HttpCode(200)
  @RequiresCapability('contacts.update')
  @UseInterceptors(VersionETag)
  @Operation({
    summary: 'Take an unowned contact (409 conflict when someone else owns it)',
    response: Contact,
    responseHeaders: ETagHeader,
  })
  claim(@Ctx() ctx: RequestContext, @ValidParams(ContactIdParams) params: Id): Promise<Contact> {
    return this.rpc.call(RPC.contacts.claim, ctx, params);
  }

  @Post(':id/release')
  @HttpCode(200)
  @RequiresCapability('contacts.update')
  @UseInterceptors(VersionETag)
  @Operation({
    summary: 'Give up ownership (the owner, or a role with scope all)',
    response: Contact,
    responseHeaders: ETagHeader,
  })
  release(@Ctx() ctx: RequestContext, @ValidParams(ContactIdParams) params: Id): Promise<Contact> {
    return this.rpc.call(RPC.contacts.release, ctx, params);
  }

  @Post('bulk')
  @ChecksMemberIds()
  @HttpCode(200)
  @RequiresCapability('contacts.update')
  @Operation({
    summary:
      'One action over ids or a filter (tag, untag: contacts.tag; archive: contacts.delete; ' +
      'claim, release, assign, set_stage): counts per outcome; a large filter continues with nextCursor',
    response: BulkContactsResult,
  })
  bulk(
    @Ctx() ctx: RequestContext,
    @ValidBody(BulkContactsInput) body: BulkContactsInput,
  ): Promise<BulkContactsResult> {
    return this.rpc.call(RPC.contacts.bulk, ctx, body, { timeoutMs: BULK_TIMEOUT_MS });
  }

  @Post('merge')
  @HttpCode(200)
  @RequiresCapability('contacts.merge')
  @Operation({
    summary:
      'Merge a duplicate into a survivor (per-field resolutions; dryRun previews): the duplicate ' +
      'is archived with mergedInto, its deals, tasks and timeline follow',
    response: MergeContactsResult,
  })
  merge(
    @Ctx() ctx: RequestContext,
    @ValidBody(MergeContactsInput) body: MergeContactsInput,
  ): Promise<MergeContactsResult> {
    return this.rpc.call(RPC.contacts.merge, ctx, body, { timeoutMs: MERGE_TIMEOUT_MS });
  }
}
