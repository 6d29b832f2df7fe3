import { Injectable } from '@nestjs/common';
import type { Member, Page, PageQuery, RequestContext } from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { buildEvent } from '@switchboard/messaging';
import { GrantsService } from '../access/grants.service';
import { MembershipCache } from '../access/membership-cache.service';
import { Revocations } from '../access/revocations';
import { MembershipsRepository } from '../identity/memberships.repository';
import { UsersRepository } from '../identity/users.repository';

const OWNER = 'owner';

@Injectable()
export class MembersService {
  constructor(
    private readonly memberships: MembershipsRepository,
    private readonly users: UsersRepository,
    private readonly grants: GrantsService,
    private readonly cache: MembershipCache,
    private readonly revocations: Revocations,
  ) {}

  async list(ctx: RequestContext, query: PageQuery): Promise<Page<Member>> {
    const page = await this.memberships.list(ctx.workspaceId, query.limit, query.cursor);
    const users = new Map(
      (await this.users.findByIds(page.items.map((m) => m.userId))).map((u) => [u._id, u]),
    );
    return {
      items: page.items.map((m) => ({
        userId: m.userId,
        email: users.get(m.userId)?.email ?? '',
        name: users.get(m.userId)?.name ?? '',
        role: m.role,
        joinedAt: m.createdAt.toISOString(),
        lastSignInAt: m.lastSignInAt ? m.lastSignInAt.toISOString() : null,
        deactivatedAt: m.deactivatedAt ? m.deactivatedAt.toISOString() : null,
      })),
      nextCursor: page.nextCursor,
    };
  }

  async get(ctx: RequestContext, userId: string): Promise<Member> {
    const membership = await this.memberships.findAny(ctx.workspaceId, userId);
    if (!membership) throw AppError.notFound('member', userId);
    const [user] = await this.users.findByIds([userId]);
    return {
      userId,
      email: user?.email ?? '',
      name: user?.name ?? '',
      role: membership.role,
      joinedAt: membership.createdAt.toISOString(),
      lastSignInAt: membership.lastSignInAt ? membership.lastSignInAt.toISOString() : null,
      deactivatedAt: membership.deactivatedAt ? membership.deactivatedAt.toISOString() : null,
    };
  }

  /** Only someone who could grant both the old and the new role changes it; owners stay ≥ 1. */
  async changeRole(ctx: RequestContext, userId: string, role: string): Promise<Member> {
    const current = await this.memberships.find(ctx.workspaceId, userId);
    if (!current) throw AppError.notFound('member', userId);
    await this.grants.assertMayGrant(ctx, current.role);
    await this.grants.assertMayGrant(ctx, role);
    if (current.role === OWNER && role !== OWNER) await this.assertNotLastOwner(ctx.workspaceId);
    await this.memberships.setRole(ctx.workspaceId, userId, role, [
      roleChanged(ctx, userId, current.role, role),
    ]);
    // No transactions: two owners demoting each other at once could both pass the check above.
    if (
      current.role === OWNER &&
      (await this.memberships.countWithRole(ctx.workspaceId, OWNER)) === 0
    ) {
      await this.memberships.setRole(ctx.workspaceId, userId, OWNER, [
        roleChanged(ctx, userId, role, OWNER),
      ]);
      throw lastOwner();
    }
    await this.changed(ctx.workspaceId, userId);
    const [user] = await this.users.findByIds([userId]);
    return {
      userId,
      email: user?.email ?? '',
      name: user?.name ?? '',
      role,
      joinedAt: current.createdAt.toISOString(),
      lastSignInAt: current.lastSignInAt ? current.lastSignInAt.toISOString() : null,
      deactivatedAt: null,
    };
  }

  /**
   * Ends a membership (offboarding's first step, decision 0135): removed, or kept and deactivated
   * (listed, but no member for access, sign-in or owner checks). Never the last owner. Every
   * replica re-reads the membership on the next request, so the member's access tokens are refused
   * at once. Credentials and records are the offboarding's. Returns the role the member held.
   */
  async end(ctx: RequestContext, userId: string, deactivate: boolean): Promise<string> {
    const current = await this.memberships.find(ctx.workspaceId, userId);
    if (!current) throw AppError.notFound('member', userId);
    if (userId !== ctx.actor.id) await this.grants.assertMayGrant(ctx, current.role);
    if (current.role === OWNER) await this.assertNotLastOwner(ctx.workspaceId);
    if (deactivate) await this.memberships.deactivate(ctx.workspaceId, userId, new Date());
    else await this.memberships.remove(ctx.workspaceId, userId);
    if (
      current.role === OWNER &&
      (await this.memberships.countWithRole(ctx.workspaceId, OWNER)) === 0
    ) {
      if (deactivate) await this.memberships.reactivate(ctx.workspaceId, userId);
      else await this.memberships.insert({ ...current });
      throw lastOwner();
    }
    await this.changed(ctx.workspaceId, userId);
    return current.role;
  }

  private async changed(workspaceId: string, userId: string): Promise<void> {
    this.cache.forget(workspaceId, userId);
    await this.revocations.membershipChanged(workspaceId, userId);
  }

  private async assertNotLastOwner(workspaceId: string): Promise<void> {
    if ((await this.memberships.countWithRole(workspaceId, OWNER)) <= 1) throw lastOwner();
  }
}

/** `member.role.changed`, staged with the role (the audit of role changes, decision 0136). */
const roleChanged = (ctx: RequestContext, userId: string, from: string, to: string) =>
  buildEvent('member.role.changed', {
    workspaceId: ctx.workspaceId,
    actor: ctx.actor,
    requestId: ctx.requestId,
    aggregateId: userId,
    // Memberships keep no version; the time orders a member's role changes.
    aggregateVersion: Date.now(),
    occurredAt: new Date(),
    data: { userId, role: to, previousRole: from, changes: [{ field: 'role', from, to }] },
  });

const lastOwner = () =>
  new AppError('conflict', 'the last owner of a workspace cannot be removed or demoted');
