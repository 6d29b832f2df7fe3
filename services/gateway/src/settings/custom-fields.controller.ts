import { Controller, Delete, Get, Patch, Post } from '@nestjs/common';
import {
  CreateCustomFieldInput,
  CustomField,
  CustomFieldList,
  IdParams,
  ListCustomFieldsQuery,
  RPC,
  UpdateCustomFieldInput,
  type RequestContext,
} from '@switchboard/contracts';
import { RpcClient } from '@switchboard/messaging';
import { Ctx, RequiresCapability } from '../access/access.decorators';
import { Operation, ValidBody, ValidParams, ValidQuery } from '../http/route-contract';

type Id = { id: string };

@Controller('v1/custom-fields')
export class CustomFieldsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @RequiresCapability('custom_fields.configure')
  @Operation({
    summary:
      'Define a custom field of contacts or companies (text, number, date, select, ' +
      'multi_select, boolean; required, options, min/max, pattern); slugs are unique for good',
    response: CustomField,
  })
  create(
    @Ctx() ctx: RequestContext,
    @ValidBody(CreateCustomFieldInput) body: CreateCustomFieldInput,
  ): Promise<CustomField> {
    return this.rpc.call(RPC.contacts.createCustomField, ctx, body);
  }

  @Get()
  @RequiresCapability('contacts.read')
  @Operation({
    summary: 'List custom-field definitions by entity and status',
    response: CustomFieldList,
  })
  list(
    @Ctx() ctx: RequestContext,
    @ValidQuery(ListCustomFieldsQuery) query: ListCustomFieldsQuery,
  ): Promise<CustomFieldList> {
    return this.rpc.call(RPC.contacts.listCustomFields, ctx, query);
  }

  @Patch(':id')
  @RequiresCapability('custom_fields.configure')
  @Operation({
    summary: 'Change label, required, validation, or add options (never remove them)',
    response: CustomField,
  })
  update(
    @Ctx() ctx: RequestContext,
    @ValidParams(IdParams) params: Id,
    @ValidBody(UpdateCustomFieldInput) body: UpdateCustomFieldInput,
  ): Promise<CustomField> {
    return this.rpc.call(RPC.contacts.updateCustomField, ctx, { id: params.id, patch: body });
  }

  @Delete(':id')
  @RequiresCapability('custom_fields.configure')
  @Operation({
    summary: 'Retire a field: it takes no new values; stored values stay readable and filterable',
    response: CustomField,
  })
  retire(@Ctx() ctx: RequestContext, @ValidParams(IdParams) params: Id): Promise<CustomField> {
    return this.rpc.call(RPC.contacts.retireCustomField, ctx, params);
  }
}
