import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { z } from 'zod';
import {
  AcceptInvitationInput,
  CreateInvitationInput,
  Invitation,
  InvitationCreated,
  InvitationIdParams,
  Member,
  Offboarding,
  OffboardingIdParams,
  pageOf,
  PageQuery,
  RemoveMemberInput,
  Session,
  UpdateMemberInput,
  UserIdParams,
  type Page,
  type RequestContext,
} from '@switchboard/contracts';
import { Ctx, Public, RequiresCapability } from '../access/access.decorators';
import { Operation, ValidBody, ValidParams, ValidQuery } from '../http/route-contract';
import { OffboardingService } from '../offboarding/offboarding.service';
import { InvitationsService } from './invitations.service';
import { MembersService } from './members.service';

@Controller('v1')
export class MembersController {
  constructor(
    private readonly members: MembersService,
    private readonly invitations: InvitationsService,
    private readonly offboarding: OffboardingService,
  ) {}

  @Post('invitations')
  @RequiresCapability('members.manage')
  @Operation({ summary: 'Invite someone by email with a role', response: InvitationCreated })
  invite(
    @Ctx() ctx: RequestContext,
    @ValidBody(CreateInvitationInput) body: CreateInvitationInput,
  ): Promise<InvitationCreated> {
    return this.invitations.create(ctx, body);
  }

  @Get('invitations')
  @RequiresCapability('members.manage')
  @Operation({
    summary: 'The invitations of the workspace, newest first, with their status',
    response: z.object({ items: z.array(Invitation) }),
  })
  async invitationsList(@Ctx() ctx: RequestContext): Promise<{ items: Invitation[] }> {
    return { items: await this.invitations.list(ctx) };
  }

  @Delete('invitations/:invitationId')
  @RequiresCapability('members.manage')
  @Operation({
    summary: 'Revoke a pending invitation (its token stops working)',
    response: Invitation,
  })
  revokeInvitation(
    @Ctx() ctx: RequestContext,
    @ValidParams(InvitationIdParams) params: { invitationId: string },
  ): Promise<Invitation> {
    return this.invitations.revoke(ctx, params.invitationId);
  }

  @Post('auth/accept-invitation')
  @Public()
  @HttpCode(200)
  @Operation({
    summary: 'Accept an invitation: join the workspace, get a session',
    response: Session,
  })
  accept(@ValidBody(AcceptInvitationInput) body: AcceptInvitationInput): Promise<Session> {
    return this.invitations.accept(body);
  }

  @Get('members')
  @RequiresCapability('members.read')
  @Operation({ summary: 'List the members of the workspace', response: pageOf(Member) })
  list(@Ctx() ctx: RequestContext, @ValidQuery(PageQuery) query: PageQuery): Promise<Page<Member>> {
    return this.members.list(ctx, query);
  }

  @Get('members/:userId')
  @RequiresCapability('members.read')
  @Operation({ summary: 'One member of the workspace', response: Member })
  get(
    @Ctx() ctx: RequestContext,
    @ValidParams(UserIdParams) params: { userId: string },
  ): Promise<Member> {
    return this.members.get(ctx, params.userId);
  }

  @Patch('members/:userId')
  @RequiresCapability('members.manage')
  @Operation({ summary: "Change a member's role", response: Member })
  change(
    @Ctx() ctx: RequestContext,
    @ValidParams(UserIdParams) params: { userId: string },
    @ValidBody(UpdateMemberInput) body: UpdateMemberInput,
  ): Promise<Member> {
    return this.members.changeRole(ctx, params.userId, body.role);
  }

  @Delete('members/:userId')
  @RequiresCapability('members.manage')
  @HttpCode(202)
  @Operation({
    summary:
      'Offboard a member: the membership ends (or is deactivated), sessions end at once, API keys ' +
      'and integrations are revoked or transferred, and owned records move to `reassignTo` in ' +
      'the background (never the last owner)',
    response: Offboarding,
  })
  remove(
    @Ctx() ctx: RequestContext,
    @ValidParams(UserIdParams) params: { userId: string },
    @ValidBody(RemoveMemberInput) body: RemoveMemberInput,
  ): Promise<Offboarding> {
    return this.offboarding.start(ctx, params.userId, body);
  }

  @Get('offboardings/:id')
  @RequiresCapability('members.manage')
  @Operation({
    summary: "An offboarding's progress: records moved per owning service, and its status",
    response: Offboarding,
  })
  offboardingProgress(
    @Ctx() ctx: RequestContext,
    @ValidParams(OffboardingIdParams) params: { id: string },
  ): Promise<Offboarding> {
    return this.offboarding.get(ctx, params.id);
  }
}
