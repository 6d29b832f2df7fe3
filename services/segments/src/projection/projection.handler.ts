import { Controller } from '@nestjs/common';
import {
  RPC,
  type ContactProjection,
  type ProjectionRebuild,
  type RequestContext,
  type SegmentsPersonData,
} from '@switchboard/contracts';
import { RpcContext, RpcHandler, RpcInput } from '@switchboard/messaging';
import { PersonExportService } from './person-export.service';
import { ProjectionRebuildService } from './projection-rebuild.service';
import { ProjectionService } from './projection.service';

@Controller()
export class ProjectionHandler {
  constructor(
    private readonly projection: ProjectionService,
    private readonly rebuild: ProjectionRebuildService,
    private readonly people: PersonExportService,
  ) {}

  /** `rpc.segments.projection.get`: the stored profile of one contact of the caller's workspace. */
  @RpcHandler(RPC.segments.projection)
  get(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: { contactId: string },
  ): Promise<ContactProjection> {
    return this.projection.get(ctx, input.contactId);
  }

  /** `rpc.segments.projection.rebuild`: the workspace's profiles again from contacts (owner). */
  @RpcHandler(RPC.segments.rebuildProjection)
  rebuildProjection(@RpcContext() ctx: RequestContext): Promise<ProjectionRebuild> {
    return this.rebuild.request(ctx);
  }

  /** `rpc.segments.person.export`: the profile, edges and explicit requests of one person. */
  @RpcHandler(RPC.segments.personExport)
  personExport(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: { contactId: string },
  ): Promise<SegmentsPersonData> {
    return this.people.export(ctx, input.contactId);
  }
}
