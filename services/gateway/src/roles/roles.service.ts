import { Injectable } from '@nestjs/common';
import {
  CAPABILITIES,
  DEFAULT_ROLES,
  type CreateRoleInput,
  type DeleteRoleInput,
  type PutRoleInput,
  type RequestContext,
  type Role,
  type RoleDeleted,
} from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { newId } from '@switchboard/messaging';
import { GrantsService } from '../access/grants.service';
import { MembershipCache } from '../access/membership-cache.service';
import { Revocations } from '../access/revocations';
import { DEFAULT_ROLE_GRANTS, isDefaultRole, mayGrant } from '../access/roles';
import type { RoleDoc } from '../identity/role.schema';
import { RolesRepository } from '../identity/roles.repository';
import { RoleHoldersRepository } from './role-holders.repository';

const KNOWN: ReadonlySet<string> = new Set(CAPABILITIES);

type Grant = Pick<Role, 'capabilities' | 'scope' | 'readScope'>;

/**
 * The workspace's capability map: the default roles (as overridden here), then custom roles.
 * Creating, editing and deleting roles never hands out more than the caller holds.
 */
@Injectable()
export class RolesService {
  constructor(
    private readonly roles: RolesRepository,
    private readonly grants: GrantsService,
    private readonly holders: RoleHoldersRepository,
    private readonly cache: MembershipCache,
    private readonly revocations: Revocations,
  ) {}

  async list(ctx: RequestContext): Promise<Role[]> {
    const rows = await this.roles.list(ctx.workspaceId);
    const overrides = new Map(rows.filter((r) => isDefaultRole(r.name)).map((r) => [r.name, r]));
    const defaults = DEFAULT_ROLES.map((name) => {
      const row = overrides.get(name);
      return row
        ? toRole(row, true)
        : {
            name,
            capabilities: [...DEFAULT_ROLE_GRANTS[name].capabilities],
            scope: DEFAULT_ROLE_GRANTS[name].scope,
            readScope: DEFAULT_ROLE_GRANTS[name].readScope,
            builtIn: true,
            overridden: false,
          };
    });
    const custom = rows.filter((r) => !isDefaultRole(r.name)).map((r) => toRole(r, false));
    return [...defaults, ...custom];
  }

  async create(ctx: RequestContext, input: CreateRoleInput): Promise<Role> {
    if (isDefaultRole(input.name))
      throw new AppError(
        'conflict',
        `${input.name} is a default role: PUT /v1/roles/${input.name}`,
      );
    const grant = this.checked(ctx, input.name, input);
    const inserted = await this.roles.insert({
      _id: newId(),
      workspaceId: ctx.workspaceId,
      name: input.name,
      ...grant,
      createdAt: new Date(),
    });
    if (!inserted) throw new AppError('conflict', `the workspace already has a role ${input.name}`);
    this.grants.forget(ctx.workspaceId, input.name);
    return { name: input.name, ...grant, builtIn: false, overridden: false };
  }

  /**
   * Replaces a custom role's grant, or overrides a default role in this workspace only. The
   * caller must be able to grant the role as it is and as it will be (so nobody widens a role
   * they could not hand out). `owner` stays whole.
   */
  async put(ctx: RequestContext, key: string, input: PutRoleInput): Promise<Role> {
    if (key === 'owner')
      throw new AppError('conflict', 'the owner role always holds every capability');
    const builtIn = isDefaultRole(key);
    if (!builtIn && !(await this.roles.find(ctx.workspaceId, key)))
      throw AppError.notFound('role', key);
    await this.grants.assertMayGrant(ctx, key);
    const grant = this.checked(ctx, key, input);
    const updated = await this.roles.update(ctx.workspaceId, key, grant);
    if (!updated) {
      const inserted =
        builtIn &&
        (await this.roles.insert({
          _id: newId(),
          workspaceId: ctx.workspaceId,
          name: key,
          ...grant,
          createdAt: new Date(),
        }));
      // Lost a race with a concurrent PUT (or the custom role was deleted meanwhile).
      if (!inserted) throw new AppError('conflict', `role ${key} changed meanwhile; retry`);
    }
    this.grants.forget(ctx.workspaceId, key);
    return { name: key, ...grant, builtIn, overridden: builtIn };
  }

  /**
   * A custom role: its members, API keys and pending invitations move to `moveMembersTo`, then
   * the role goes. A default role: its override goes and the default grant applies again.
   */
  async remove(ctx: RequestContext, key: string, input: DeleteRoleInput): Promise<RoleDeleted> {
    const none = { members: 0, apiKeys: 0, invitations: 0 };
    if (isDefaultRole(key)) {
      if (input.moveMembersTo !== undefined)
        throw AppError.validation('a default role cannot be deleted', [
          { path: 'moveMembersTo', message: 'default roles keep their members; this resets it' },
        ]);
      if (!(await this.roles.find(ctx.workspaceId, key)))
        throw new AppError('conflict', `${key} is a default role and is not overridden here`);
      await this.grants.assertMayGrant(ctx, key);
      await this.roles.remove(ctx.workspaceId, key);
      this.grants.forget(ctx.workspaceId, key);
      return { name: key, reset: true, movedTo: null, moved: none };
    }
    if (!(await this.roles.find(ctx.workspaceId, key))) throw AppError.notFound('role', key);
    const to = input.moveMembersTo;
    if (to === undefined)
      throw AppError.validation('where its members go', [
        { path: 'moveMembersTo', message: 'required: the role that takes over its members' },
      ]);
    if (to === key)
      throw AppError.validation('where its members go', [
        { path: 'moveMembersTo', message: 'another role than the one deleted' },
      ]);
    await this.grants.assertMayGrant(ctx, key);
    await this.grants.assertMayGrant(ctx, to);
    const moved = { ...none };
    for (;;) {
      const users = await this.holders.membersWith(ctx.workspaceId, key);
      if (users.length === 0) break;
      for (const userId of users) {
        if (await this.holders.moveMember(ctx.workspaceId, userId, key, to)) moved.members++;
        this.cache.forget(ctx.workspaceId, userId);
        await this.revocations.membershipChanged(ctx.workspaceId, userId);
      }
    }
    moved.apiKeys = await this.holders.moveApiKeys(ctx.workspaceId, key, to);
    moved.invitations = await this.holders.moveInvitations(ctx.workspaceId, key, to);
    await this.roles.remove(ctx.workspaceId, key);
    this.grants.forget(ctx.workspaceId, key);
    return { name: key, reset: false, movedTo: to, moved };
  }

  /** Known capabilities only, deduplicated, and never more than the caller could grant. */
  private checked(ctx: RequestContext, name: string, input: Grant): Grant {
    const unknown = input.capabilities.map((c, i) => ({ c, i })).filter(({ c }) => !KNOWN.has(c));
    if (unknown.length > 0)
      throw AppError.validation(
        'unknown capabilities',
        unknown.map(({ c, i }) => ({ path: `capabilities.${i}`, message: `no capability ${c}` })),
      );
    const grant = {
      capabilities: [...new Set(input.capabilities)],
      scope: input.scope,
      readScope: input.readScope,
    };
    if (!mayGrant(ctx.role, ctx, name, grant))
      throw new AppError(
        'forbidden',
        `your role (${ctx.role}) may not grant what role ${name} asks`,
      );
    return grant;
  }
}

const toRole = (r: RoleDoc, builtIn: boolean): Role => ({
  name: r.name,
  capabilities: r.capabilities,
  scope: r.scope,
  readScope: r.readScope ?? 'all',
  builtIn,
  overridden: builtIn,
});
