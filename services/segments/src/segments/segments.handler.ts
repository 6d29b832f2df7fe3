import { Controller } from '@nestjs/common';
import {
  RPC,
  type ContactSegment,
  type CreateSegmentInput,
  type ListSegmentsQuery,
  type Page,
  type PreviewSegmentInput,
  type PreviewSegmentResult,
  type RequestContext,
  type Segment,
  type SegmentExplanation,
  type SegmentMember,
  type UpdateSegmentInput,
  type UpdateSegmentMembersInput,
  type UpdateSegmentMembersResult,
} from '@switchboard/contracts';
import { RpcContext, RpcHandler, RpcInput } from '@switchboard/messaging';
import { MembersService } from './members.service';
import { PreviewService } from './preview.service';
import { SegmentsService } from './segments.service';

type Paged<T> = T & { limit: number; cursor?: string };

/** RPC edge for segments: `rpc.segments.*` (definitions, members, preview, explain). */
@Controller()
export class SegmentsHandler {
  constructor(
    private readonly segments: SegmentsService,
    private readonly members: MembersService,
    private readonly previews: PreviewService,
  ) {}

  @RpcHandler(RPC.segments.create)
  create(@RpcContext() ctx: RequestContext, @RpcInput() input: CreateSegmentInput) {
    return this.segments.create(ctx, input);
  }

  @RpcHandler(RPC.segments.get)
  get(@RpcContext() ctx: RequestContext, @RpcInput() input: { id: string }): Promise<Segment> {
    return this.segments.get(ctx, input.id);
  }

  @RpcHandler(RPC.segments.list)
  list(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: ListSegmentsQuery,
  ): Promise<Page<Segment>> {
    return this.segments.list(ctx, input);
  }

  @RpcHandler(RPC.segments.update)
  update(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: { id: string; patch: UpdateSegmentInput },
  ): Promise<Segment> {
    return this.segments.update(ctx, input.id, input.patch);
  }

  @RpcHandler(RPC.segments.delete)
  delete(@RpcContext() ctx: RequestContext, @RpcInput() input: { id: string }): Promise<Segment> {
    return this.segments.delete(ctx, input.id);
  }

  @RpcHandler(RPC.segments.members)
  listMembers(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: Paged<{ id: string }>,
  ): Promise<Page<SegmentMember>> {
    return this.members.list(ctx, input);
  }

  @RpcHandler(RPC.segments.updateMembers)
  updateMembers(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: { id: string; changes: UpdateSegmentMembersInput },
  ): Promise<UpdateSegmentMembersResult> {
    return this.members.update(ctx, input.id, input.changes);
  }

  @RpcHandler(RPC.segments.preview)
  preview(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: PreviewSegmentInput,
  ): Promise<PreviewSegmentResult> {
    return this.previews.preview(ctx, input);
  }

  @RpcHandler(RPC.segments.explain)
  explain(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: { id: string; contactId: string },
  ): Promise<SegmentExplanation> {
    return this.previews.explain(ctx, input.id, input.contactId);
  }

  @RpcHandler(RPC.segments.ofContact)
  ofContact(
    @RpcContext() ctx: RequestContext,
    @RpcInput() input: Paged<{ contactId: string }>,
  ): Promise<Page<ContactSegment>> {
    return this.members.ofContact(ctx, input);
  }
}
