import { Controller } from '@nestjs/common';
import { RPC, type ContactProjection, type RequestContext } from '@switchboard/contracts';
import { RpcContext, RpcHandler, RpcInput } from '@switchboard/messaging';
import { ProjectionService } from './projection.service';

@Controller()
export class ProjectionHandler {
  constructor(private readonly projection: ProjectionService) {}

  /** `rpc.segments.projection.get`: the stored profile of one contact of the caller's workspace. */
  @RpcHandler(RPC.segments.projection)
  get(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: { contactId: string },
  ): Promise<ContactProjection> {
    return this.projection.get(ctx, input.contactId);
  }
}
