import { Inject, Injectable } from '@nestjs/common';
import type {
  AcceptInvitationInput,
  CreateInvitationInput,
  Invitation,
  InvitationCreated,
  RequestContext,
  Session,
} from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { buildEvent, newId } from '@switchboard/messaging';
import { CONFIG } from '@switchboard/runtime';
import { GrantsService } from '../access/grants.service';
import { PasswordService } from '../auth/password.service';
import { SessionsService } from '../auth/sessions.service';
import { hashRefreshToken, newWorkspaceToken, workspaceOfToken } from '../auth/token.service';
import type { GatewayConfig } from '../config';
import type { InvitationDoc } from '../identity/invitation.schema';
import { InvitationsRepository } from '../identity/invitations.repository';
import { MembershipsRepository } from '../identity/memberships.repository';
import type { UserDoc } from '../identity/user.schema';
import { UsersRepository } from '../identity/users.repository';
import { WorkspacesRepository } from '../identity/workspaces.repository';

const unusable = () => new AppError('not_found', 'invitation not found, used or expired');

function statusOf(doc: InvitationDoc, now: Date): Invitation['status'] {
  if (doc.acceptedAt) return 'accepted';
  if (doc.revokedAt) return 'revoked';
  return doc.expiresAt.getTime() <= now.getTime() ? 'expired' : 'pending';
}

export function toInvitation(doc: InvitationDoc, now = new Date()): Invitation {
  return {
    id: doc._id,
    email: doc.email,
    role: doc.role,
    invitedBy: doc.invitedBy,
    status: statusOf(doc, now),
    createdAt: doc.createdAt.toISOString(),
    expiresAt: doc.expiresAt.toISOString(),
    acceptedAt: doc.acceptedAt?.toISOString() ?? null,
    revokedAt: doc.revokedAt?.toISOString() ?? null,
  };
}

@Injectable()
export class InvitationsService {
  constructor(
    private readonly invitations: InvitationsRepository,
    private readonly memberships: MembershipsRepository,
    private readonly users: UsersRepository,
    private readonly workspaces: WorkspacesRepository,
    private readonly grants: GrantsService,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionsService,
    @Inject(CONFIG) private readonly config: GatewayConfig,
  ) {}

  async create(ctx: RequestContext, input: CreateInvitationInput): Promise<InvitationCreated> {
    await this.grants.assertMayGrant(ctx, input.role);
    const existing = await this.users.findByEmail(input.email);
    if (existing && (await this.memberships.find(ctx.workspaceId, existing._id)))
      throw new AppError('conflict', 'already a member of this workspace');
    const token = newWorkspaceToken(ctx.workspaceId);
    const now = new Date();
    const doc = {
      _id: newId(),
      workspaceId: ctx.workspaceId,
      email: input.email,
      role: input.role,
      tokenHash: hashRefreshToken(token),
      invitedBy: ctx.actor.id,
      expiresAt: new Date(now.getTime() + this.config.INVITATION_TTL_S * 1000),
      acceptedAt: null,
      createdAt: now,
    };
    const invited = buildEvent('member.invited', {
      workspaceId: ctx.workspaceId,
      actor: ctx.actor,
      requestId: ctx.requestId,
      aggregateId: doc._id,
      aggregateVersion: 1,
      occurredAt: now,
      data: {
        invitationId: doc._id,
        email: doc.email,
        role: doc.role,
        invitedBy: doc.invitedBy,
        expiresAt: doc.expiresAt.toISOString(),
      },
    });
    await this.invitations.insert(doc, [invited]);
    return {
      id: doc._id,
      email: doc.email,
      role: doc.role,
      token,
      expiresAt: doc.expiresAt.toISOString(),
    };
  }

  async list(ctx: RequestContext): Promise<Invitation[]> {
    const now = new Date();
    return (await this.invitations.list(ctx.workspaceId)).map((d) => toInvitation(d, now));
  }

  /** Revokes a pending invitation: its token stops working. Accepted ones → 409. */
  async revoke(ctx: RequestContext, id: string): Promise<Invitation> {
    const doc = await this.invitations.find(ctx.workspaceId, id);
    if (!doc) throw AppError.notFound('invitation', id);
    if (doc.revokedAt) return toInvitation(doc);
    if (doc.acceptedAt) throw new AppError('conflict', 'the invitation was accepted already');
    const now = new Date();
    const revoked = buildEvent('member.invitation.revoked', {
      workspaceId: ctx.workspaceId,
      actor: ctx.actor,
      requestId: ctx.requestId,
      aggregateId: doc._id,
      aggregateVersion: 2,
      occurredAt: now,
      data: { invitationId: doc._id, email: doc.email, role: doc.role, revokedBy: ctx.actor.id },
    });
    if (!(await this.invitations.markRevoked(ctx.workspaceId, id, ctx.actor.id, now, [revoked])))
      return this.revoke(ctx, id); // accepted or revoked meanwhile: answer from what is stored
    return toInvitation({ ...doc, revokedAt: now });
  }

  /**
   * A new user signs up through the invitation; an existing user proves it with their password.
   * The invitation is claimed once (conditional update) before the membership is written.
   */
  async accept(input: AcceptInvitationInput): Promise<Session> {
    const workspaceId = workspaceOfToken(input.token);
    if (!workspaceId) throw unusable();
    const invitation = await this.invitations.findByHash(
      workspaceId,
      hashRefreshToken(input.token),
    );
    if (
      !invitation ||
      invitation.acceptedAt ||
      invitation.revokedAt ||
      invitation.expiresAt.getTime() <= Date.now()
    )
      throw unusable();
    const workspace = await this.workspaces.findById(workspaceId);
    if (!workspace) throw unusable();
    const user = await this.userFor(invitation.email, input);
    if (!(await this.invitations.markAccepted(workspaceId, invitation._id, new Date())))
      throw unusable();
    await this.memberships.insert({
      _id: newId(),
      workspaceId,
      userId: user._id,
      role: invitation.role,
      createdAt: new Date(),
    });
    const role = (await this.memberships.find(workspaceId, user._id))?.role ?? invitation.role;
    return this.sessions.start(user, workspace, role);
  }

  private async userFor(email: string, input: AcceptInvitationInput): Promise<UserDoc> {
    const existing = await this.users.findByEmail(email);
    if (existing) {
      if (!(await this.passwords.verify(existing.passwordHash, input.password)))
        throw new AppError('unauthenticated', 'this email has an account: use its password');
      return existing;
    }
    const user: UserDoc = {
      _id: newId(),
      email,
      name: input.name,
      passwordHash: await this.passwords.hash(input.password),
      createdAt: new Date(),
    };
    if (await this.users.insert(user)) return user;
    return this.userFor(email, input); // created concurrently: now it exists
  }
}
