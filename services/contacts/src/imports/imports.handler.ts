import { Controller } from '@nestjs/common';
import {
  RPC,
  type FailedRowsChunk,
  type ImportAccepted,
  type ImportReport,
  type ImportReportQuery,
  type RequestContext,
  type StartImportInput,
} from '@switchboard/contracts';
import { RpcContext, RpcHandler, RpcInput } from '@switchboard/messaging';
import { ImportsService } from './imports.service';

/** The edge of imports: `rpc.contacts.import.*` (the gateway has stored the file already). */
@Controller()
export class ImportsHandler {
  constructor(private readonly imports: ImportsService) {}

  @RpcHandler(RPC.contacts.importStart)
  start(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: StartImportInput,
  ): Promise<ImportAccepted> {
    return this.imports.start(ctx, input);
  }

  @RpcHandler(RPC.contacts.importGet)
  get(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: ImportReportQuery & { id: string },
  ): Promise<ImportReport> {
    const { id, ...query } = input;
    return this.imports.report(ctx, id, query);
  }

  @RpcHandler(RPC.contacts.importFailedRows)
  failedRows(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: { id: string; cursor?: string },
  ): Promise<FailedRowsChunk> {
    return this.imports.failedRows(ctx, input.id, input.cursor);
  }
}
