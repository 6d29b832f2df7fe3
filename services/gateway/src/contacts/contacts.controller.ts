import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import {
  ContactIdParams,
  CreateContactInput,
  RPC,
  type Contact,
  type RequestContext,
} from '@switchboard/contracts';
import { RpcClient } from '@switchboard/messaging';
import { Ctx, RequiresCapability } from '../access/access.decorators';
import { parse } from '../http/parse';

@Controller('v1/contacts')
export class ContactsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @RequiresCapability('contacts.create')
  create(@Ctx() ctx: RequestContext, @Body() body: unknown): Promise<Contact> {
    return this.rpc.call(RPC.contacts.create, ctx, parse(CreateContactInput, body));
  }

  @Get(':id')
  @RequiresCapability('contacts.read')
  get(@Ctx() ctx: RequestContext, @Param() params: unknown): Promise<Contact> {
    return this.rpc.call(RPC.contacts.get, ctx, parse(ContactIdParams, params, 'path'));
  }
}
