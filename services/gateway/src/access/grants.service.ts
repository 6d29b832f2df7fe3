import { Injectable } from '@nestjs/common';
import type { Capability, RequestContext } from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { RolesRepository } from '../identity/roles.repository';
import { isDefaultRole, grantOf, mayGrant, NO_GRANT, type RoleGrant } from './roles';

const TTL_MS = 10_000;
const MAX_ENTRIES = 10_000;

/**
 * What a role grants in a workspace: the defaults are code, custom roles and a workspace's
 * overrides of defaults are rows (cached for a few seconds; a role is never renamed, a write in
 * this replica refreshes its entry, other replicas see it within the TTL). `owner` is never
 * overridden: a workspace always keeps someone who can do everything.
 */
@Injectable()
export class GrantsService {
  private readonly entries = new Map<string, { grant: RoleGrant; until: number }>();

  constructor(private readonly roles: RolesRepository) {}

  async grantOf(workspaceId: string, role: string): Promise<RoleGrant> {
    if (role === 'owner') return grantOf(role);
    const key = `${workspaceId}/${role}`;
    const now = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.until > now) return hit.grant;
    const doc = await this.roles.find(workspaceId, role);
    const fallback = isDefaultRole(role) ? grantOf(role) : NO_GRANT;
    const grant: RoleGrant = doc
      ? {
          capabilities: doc.capabilities as Capability[],
          scope: doc.scope,
          readScope: doc.readScope ?? 'all',
        }
      : fallback;
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(key, { grant, until: now + TTL_MS });
    return grant;
  }

  /** Whether the workspace has a role of this name (default or custom). */
  async exists(workspaceId: string, role: string): Promise<boolean> {
    return isDefaultRole(role) || (await this.roles.find(workspaceId, role)) !== null;
  }

  /**
   * The caller may hand `role` to someone (invite, change a member, bind an API key, or manage a
   * member who holds it): the role exists and grants nothing beyond the caller's own rights.
   */
  async assertMayGrant(ctx: RequestContext, role: string): Promise<void> {
    if (!(await this.exists(ctx.workspaceId, role)))
      throw AppError.validation('unknown role', [
        { path: 'role', message: `no role ${role} in this workspace` },
      ]);
    if (!mayGrant(ctx.role, ctx, role, await this.grantOf(ctx.workspaceId, role)))
      throw new AppError('forbidden', `your role (${ctx.role}) may not grant the role ${role}`);
  }

  forget(workspaceId: string, role: string): void {
    this.entries.delete(`${workspaceId}/${role}`);
  }
}
