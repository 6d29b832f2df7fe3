import { Controller } from '@nestjs/common';
import {
  RPC,
  type ContactSettings,
  type CreateCustomFieldInput,
  type CustomField,
  type CustomFieldList,
  type ListCustomFieldsQuery,
  type RequestContext,
  type TagLibrary,
  type TagLibraryQuery,
  type UpdateContactSettingsInput,
  type UpdateCustomFieldInput,
} from '@switchboard/contracts';
import { RpcContext, RpcHandler, RpcInput } from '@switchboard/messaging';
import { ContactSettingsService } from './contact-settings.service';
import { CustomFieldsService } from './custom-fields.service';
import { TagLibraryService } from './tag-library.service';

/** RPC edge for workspace configuration: custom fields, contact settings, tag library. */
@Controller()
export class SettingsHandler {
  constructor(
    private readonly fields: CustomFieldsService,
    private readonly settings: ContactSettingsService,
    private readonly tags: TagLibraryService,
  ) {}

  @RpcHandler(RPC.contacts.createCustomField)
  createField(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: CreateCustomFieldInput,
  ): Promise<CustomField> {
    return this.fields.create(ctx, input);
  }

  @RpcHandler(RPC.contacts.listCustomFields)
  listFields(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: ListCustomFieldsQuery,
  ): Promise<CustomFieldList> {
    return this.fields.list(ctx, input);
  }

  @RpcHandler(RPC.contacts.updateCustomField)
  updateField(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: { id: string; patch: UpdateCustomFieldInput },
  ): Promise<CustomField> {
    return this.fields.update(ctx, input.id, input.patch);
  }

  @RpcHandler(RPC.contacts.retireCustomField)
  retireField(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: { id: string },
  ): Promise<CustomField> {
    return this.fields.retire(ctx, input.id);
  }

  @RpcHandler(RPC.contacts.getSettings)
  getSettings(@RpcContext() ctx: RequestContext): Promise<ContactSettings> {
    return this.settings.get(ctx);
  }

  @RpcHandler(RPC.contacts.updateSettings)
  updateSettings(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: UpdateContactSettingsInput,
  ): Promise<ContactSettings> {
    return this.settings.update(ctx, input);
  }

  @RpcHandler(RPC.contacts.tagLibrary)
  tagLibrary(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: TagLibraryQuery,
  ): Promise<TagLibrary> {
    return this.tags.library(ctx, input);
  }
}
