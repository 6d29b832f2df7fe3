import { Controller, Get, Post, UseInterceptors } from '@nestjs/common';
import { ChecksMemberIds } from '../access/member-ids.interceptor';
import {
  Contact,
  ContactIdParams,
  CreateContactInput,
  ListContactsQuery,
  pageOf,
  type Page,
  RPC,
  type RequestContext,
} from '@switchboard/contracts';
import { RpcClient } from '@switchboard/messaging';
import { Ctx, RequiresCapability } from '../access/access.decorators';
import { Operation, ValidBody, ValidParams, ValidQuery } from '../http/route-contract';
import { ETagHeader, VersionETag } from '../http/version-etag';

@Controller('v1/contacts')
export class ContactsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @ChecksMemberIds()
  @RequiresCapability('contacts.create')
  @Operation({
    summary: 'Create a contact (409 duplicate_contact with duplicateOf)',
    response: Contact,
  })
  create(
    @Ctx() ctx: RequestContext,
    @ValidBody(CreateContactInput) body: CreateContactInput,
  ): Promise<Contact> {
    return this.rpc.call(RPC.contacts.create, ctx, body);
  }

  @Get()
  @RequiresCapability('contacts.read')
  @Operation({
    summary:
      'List or search contacts: q (name, e-mail, phone prefixes), tags with tagMode any|all|none, ' +
      'segmentId, ownerId (me, none), stage, companyId, status, custom.<slug>=value, sort',
    response: pageOf(Contact),
  })
  list(
    @Ctx() ctx: RequestContext,
    @ValidQuery(ListContactsQuery) query: ListContactsQuery,
  ): Promise<Page<Contact>> {
    return this.rpc.call(RPC.contacts.list, ctx, query);
  }

  @Get(':id')
  @RequiresCapability('contacts.read')
  @UseInterceptors(VersionETag)
  @Operation({ summary: 'Get a contact', response: Contact, responseHeaders: ETagHeader })
  get(
    @Ctx() ctx: RequestContext,
    @ValidParams(ContactIdParams) params: { id: string },
  ): Promise<Contact> {
    return this.rpc.call(RPC.contacts.get, ctx, params);
  }
}
