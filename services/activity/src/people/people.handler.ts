import { Controller } from '@nestjs/common';
import { RPC, type ActivityPersonData, type RequestContext } from '@switchboard/contracts';
import { RpcContext, RpcHandler, RpcInput } from '@switchboard/messaging';
import { PersonExportService } from './person-export.service';

/** `rpc.activity.person.export`. */
@Controller()
export class PeopleHandler {
  constructor(private readonly exports: PersonExportService) {}

  @RpcHandler(RPC.activity.personExport)
  personExport(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: { contactId: string },
  ): Promise<ActivityPersonData> {
    return this.exports.export(ctx, input.contactId);
  }
}
