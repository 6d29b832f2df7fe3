import { Controller } from '@nestjs/common';
import {
  RPC,
  type ContactsPersonData,
  type EraseContactInput,
  type EraseContactResult,
  type PersonExportInput,
  type RequestContext,
} from '@switchboard/contracts';
import { RpcContext, RpcHandler, RpcInput } from '@switchboard/messaging';
import { ErasureService } from './erasure.service';
import { PersonExportService } from './person-export.service';

/** `rpc.contacts.erase` and `rpc.contacts.person.export`. */
@Controller()
export class ErasureHandler {
  constructor(
    private readonly erasures: ErasureService,
    private readonly exports: PersonExportService,
  ) {}

  @RpcHandler(RPC.contacts.erase)
  erase(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: EraseContactInput,
  ): Promise<EraseContactResult> {
    return this.erasures.erase(ctx, input);
  }

  @RpcHandler(RPC.contacts.personExport)
  personExport(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: PersonExportInput,
  ): Promise<ContactsPersonData> {
    return this.exports.export(ctx, input.contactId);
  }
}
