import { Controller, HttpCode, Post } from '@nestjs/common';
import { ProjectionRebuild, RPC, type RequestContext } from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { RpcClient } from '@switchboard/messaging';
import { Ctx, RequiresCapability } from '../access/access.decorators';
import { Operation } from '../http/route-contract';

/** Operations on the segments service's read model (decision 0085). */
@Controller('v1/admin/projections/segments')
export class SegmentsAdminController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('rebuild')
  @HttpCode(202)
  @RequiresCapability('segments.manage')
  @Operation({
    summary:
      'Rebuild the workspace’s segment profiles from the contacts service (owner only). Runs in ' +
      'the background, converging with live events by contact version; memberships follow',
    response: ProjectionRebuild,
  })
  rebuild(@Ctx() ctx: RequestContext): Promise<ProjectionRebuild> {
    // Owner only (the segments service checks it too): it re-reads every contact.
    if (ctx.role !== 'owner') {
      throw new AppError('forbidden', 'only an owner rebuilds the segment profiles');
    }
    return this.rpc.call(RPC.segments.rebuildProjection, ctx, {});
  }
}
