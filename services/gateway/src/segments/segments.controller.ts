import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import {
  ContactIdParams,
  ContactSegment,
  CreateSegmentInput,
  ListSegmentsQuery,
  PageQuery,
  pageOf,
  PreviewSegmentInput,
  PreviewSegmentResult,
  RPC,
  Segment,
  SegmentContactParams,
  SegmentExplanation,
  SegmentIdParams,
  SegmentMember,
  UpdateSegmentInput,
  UpdateSegmentMembersInput,
  UpdateSegmentMembersResult,
  type Page,
  type RequestContext,
} from '@switchboard/contracts';
import { RpcClient } from '@switchboard/messaging';
import { Ctx, RequiresCapability } from '../access/access.decorators';
import { Operation, ValidBody, ValidParams, ValidQuery } from '../http/route-contract';

type Id = { id: string };
/** A preview reads every profile of the workspace (bounded by the service at ~3 s). */
const PREVIEW_TIMEOUT_MS = 15_000;

@Controller('v1/segments')
export class SegmentsController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @RequiresCapability('segments.manage')
  @Operation({
    summary: 'Create a static or dynamic segment (the filter is checked; evaluation starts)',
    response: Segment,
  })
  create(
    @Ctx() ctx: RequestContext,
    @ValidBody(CreateSegmentInput) body: CreateSegmentInput,
  ): Promise<Segment> {
    return this.rpc.call(RPC.segments.create, ctx, body);
  }

  @Get()
  @RequiresCapability('segments.read')
  @Operation({
    summary: 'List segments by name, with status and member count',
    response: pageOf(Segment),
  })
  list(
    @Ctx() ctx: RequestContext,
    @ValidQuery(ListSegmentsQuery) query: ListSegmentsQuery,
  ): Promise<Page<Segment>> {
    return this.rpc.call(RPC.segments.list, ctx, query);
  }

  @Post('preview')
  @HttpCode(200)
  @RequiresCapability('segments.read')
  @Operation({
    summary: 'Count and sample the contacts a filter selects now, without saving anything',
    response: PreviewSegmentResult,
  })
  preview(
    @Ctx() ctx: RequestContext,
    @ValidBody(PreviewSegmentInput) body: PreviewSegmentInput,
  ): Promise<PreviewSegmentResult> {
    return this.rpc.call(RPC.segments.preview, ctx, body, { timeoutMs: PREVIEW_TIMEOUT_MS });
  }

  @Get(':id')
  @RequiresCapability('segments.read')
  @Operation({ summary: 'Get a segment with its status and member count', response: Segment })
  get(@Ctx() ctx: RequestContext, @ValidParams(SegmentIdParams) params: Id): Promise<Segment> {
    return this.rpc.call(RPC.segments.get, ctx, params);
  }

  @Patch(':id')
  @RequiresCapability('segments.manage')
  @Operation({
    summary: 'Edit a segment (a new type or filter starts a new evaluation)',
    response: Segment,
  })
  update(
    @Ctx() ctx: RequestContext,
    @ValidParams(SegmentIdParams) params: Id,
    @ValidBody(UpdateSegmentInput) body: UpdateSegmentInput,
  ): Promise<Segment> {
    return this.rpc.call(RPC.segments.update, ctx, { id: params.id, patch: body });
  }

  @Delete(':id')
  @RequiresCapability('segments.manage')
  @Operation({
    summary: 'Delete a segment (its members leave); refused while other filters read it',
    response: Segment,
  })
  delete(@Ctx() ctx: RequestContext, @ValidParams(SegmentIdParams) params: Id): Promise<Segment> {
    return this.rpc.call(RPC.segments.delete, ctx, params);
  }

  @Get(':id/members')
  @RequiresCapability('segments.read')
  @Operation({ summary: 'Members of a segment by contact id', response: pageOf(SegmentMember) })
  members(
    @Ctx() ctx: RequestContext,
    @ValidParams(SegmentIdParams) params: Id,
    @ValidQuery(PageQuery) query: PageQuery,
  ): Promise<Page<SegmentMember>> {
    return this.rpc.call(RPC.segments.members, ctx, { id: params.id, ...query });
  }

  @Post(':id/members')
  @HttpCode(200)
  @RequiresCapability('segments.manage')
  @Operation({
    summary:
      'Explicit members: add = include, remove = exclude (both survive re-evaluation), reset = let the filter decide',
    response: UpdateSegmentMembersResult,
  })
  updateMembers(
    @Ctx() ctx: RequestContext,
    @ValidParams(SegmentIdParams) params: Id,
    @ValidBody(UpdateSegmentMembersInput) body: UpdateSegmentMembersInput,
  ): Promise<UpdateSegmentMembersResult> {
    return this.rpc.call(RPC.segments.updateMembers, ctx, { id: params.id, changes: body });
  }

  @Get(':id/explain/:contactId')
  @RequiresCapability('segments.read')
  @Operation({
    summary: 'Which conditions hold for a contact now, and whether it is in by rule or explicitly',
    response: SegmentExplanation,
  })
  explain(
    @Ctx() ctx: RequestContext,
    @ValidParams(SegmentContactParams) params: { id: string; contactId: string },
  ): Promise<SegmentExplanation> {
    return this.rpc.call(RPC.segments.explain, ctx, params);
  }
}

@Controller('v1/contacts')
export class ContactSegmentsController {
  constructor(private readonly rpc: RpcClient) {}

  @Get(':id/segments')
  @RequiresCapability('segments.read')
  @Operation({
    summary: 'The segments a contact is a member of, by segment id',
    response: pageOf(ContactSegment),
  })
  segments(
    @Ctx() ctx: RequestContext,
    @ValidParams(ContactIdParams) params: Id,
    @ValidQuery(PageQuery) query: PageQuery,
  ): Promise<Page<ContactSegment>> {
    return this.rpc.call(RPC.segments.ofContact, ctx, { contactId: params.id, ...query });
  }
}
