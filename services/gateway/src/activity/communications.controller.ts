import { Controller, Delete, Get, Patch, Post } from '@nestjs/common';
import {
  Communication,
  CommunicationIdParams,
  ContactIdParams,
  EditCommunicationInput,
  ListCommunicationsQuery,
  LogCommunicationInput,
  pageOf,
  RPC,
  type Page,
  type RequestContext,
} from '@switchboard/contracts';
import { RpcClient } from '@switchboard/messaging';
import { Ctx, RequiresCapability } from '../access/access.decorators';
import { Operation, ValidBody, ValidParams, ValidQuery } from '../http/route-contract';

type Id = { id: string };

/** The communication history: operator-entered, append-only. */
@Controller('v1')
export class CommunicationsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('contacts/:id/communications')
  @RequiresCapability('activity.log')
  @Operation({ summary: "Log a communication in a contact's history", response: Communication })
  log(
    @Ctx() ctx: RequestContext,
    @ValidParams(ContactIdParams) params: Id,
    @ValidBody(LogCommunicationInput) body: LogCommunicationInput,
  ): Promise<Communication> {
    return this.rpc.call(RPC.activity.logCommunication, ctx, { contactId: params.id, entry: body });
  }

  @Get('contacts/:id/communications')
  @RequiresCapability('activity.read')
  @Operation({
    summary:
      "A contact's communication history, newest first (`history=true`: with edits and deletes)",
    response: pageOf(Communication),
  })
  list(
    @Ctx() ctx: RequestContext,
    @ValidParams(ContactIdParams) params: Id,
    @ValidQuery(ListCommunicationsQuery) query: ListCommunicationsQuery,
  ): Promise<Page<Communication>> {
    return this.rpc.call(RPC.activity.listCommunications, ctx, { ...query, contactId: params.id });
  }

  @Get('communications/:id')
  @RequiresCapability('activity.read')
  @Operation({ summary: 'One communication entry (any version)', response: Communication })
  get(
    @Ctx() ctx: RequestContext,
    @ValidParams(CommunicationIdParams) params: Id,
  ): Promise<Communication> {
    return this.rpc.call(RPC.activity.getCommunication, ctx, params);
  }

  @Patch('communications/:id')
  @RequiresCapability('activity.log')
  @Operation({
    summary: 'Edit a communication: a new entry that supersedes this one (the answer)',
    response: Communication,
  })
  edit(
    @Ctx() ctx: RequestContext,
    @ValidParams(CommunicationIdParams) params: Id,
    @ValidBody(EditCommunicationInput) body: EditCommunicationInput,
  ): Promise<Communication> {
    return this.rpc.call(RPC.activity.editCommunication, ctx, { id: params.id, patch: body });
  }

  @Delete('communications/:id')
  @RequiresCapability('activity.log')
  @Operation({
    summary: 'Soft-delete a communication (it stays in the audit trail)',
    response: Communication,
  })
  delete(
    @Ctx() ctx: RequestContext,
    @ValidParams(CommunicationIdParams) params: Id,
  ): Promise<Communication> {
    return this.rpc.call(RPC.activity.deleteCommunication, ctx, params);
  }
}
