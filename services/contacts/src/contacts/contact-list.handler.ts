import { Controller } from '@nestjs/common';
import {
  RPC,
  type Contact,
  type ExportPage,
  type ExportPageInput,
  type ExportRecord,
  type ListContactsQuery,
  type Page,
  type RecordExportInput,
  type RequestContext,
  type StartExportInput,
} from '@switchboard/contracts';
import { RpcContext, RpcHandler, RpcInput } from '@switchboard/messaging';
import { ContactListService } from './contact-list.service';

/** RPC edge of the contact reads: `rpc.contacts.list`, `rpc.contacts.export.*`. */
@Controller()
export class ContactListHandler {
  constructor(private readonly reads: ContactListService) {}

  @RpcHandler(RPC.contacts.list)
  list(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: ListContactsQuery,
  ): Promise<Page<Contact>> {
    return this.reads.list(ctx, input);
  }

  @RpcHandler(RPC.contacts.exportPage)
  exportPage(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: ExportPageInput,
  ): Promise<ExportPage> {
    return this.reads.exportPage(ctx, input);
  }

  @RpcHandler(RPC.contacts.exportStart)
  exportStart(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: StartExportInput,
  ): Promise<ExportRecord> {
    return this.reads.startExport(ctx, input);
  }

  @RpcHandler(RPC.contacts.exportRecord)
  exportRecord(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: RecordExportInput,
  ): Promise<ExportRecord> {
    return this.reads.recordExport(ctx, input);
  }
}
