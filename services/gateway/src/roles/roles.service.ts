import { Injectable } from '@nestjs/common';
import {
  CAPABILITIES,
  DEFAULT_ROLES,
  type CreateRoleInput,
  type RequestContext,
  type Role,
} from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { newId } from '@switchboard/messaging';
import { GrantsService } from '../access/grants.service';
import { DEFAULT_ROLE_GRANTS, isDefaultRole } from '../access/roles';
import { RolesRepository } from '../identity/roles.repository';

const KNOWN: ReadonlySet<string> = new Set(CAPABILITIES);

@Injectable()
export class RolesService {
  constructor(
    private readonly roles: RolesRepository,
    private readonly grants: GrantsService,
  ) {}

  /** The capability map of the workspace: the five defaults, then its custom roles. */
  async list(ctx: RequestContext): Promise<Role[]> {
    const defaults = DEFAULT_ROLES.map((name) => ({
      name,
      capabilities: [...DEFAULT_ROLE_GRANTS[name].capabilities],
      scope: DEFAULT_ROLE_GRANTS[name].scope,
      builtIn: true,
    }));
    const custom = (await this.roles.list(ctx.workspaceId)).map((r) => ({
      name: r.name,
      capabilities: r.capabilities,
      scope: r.scope,
      builtIn: false,
    }));
    return [...defaults, ...custom];
  }

  async create(ctx: RequestContext, input: CreateRoleInput): Promise<Role> {
    if (isDefaultRole(input.name))
      throw new AppError('conflict', `${input.name} is a default role`);
    const unknown = input.capabilities.map((c, i) => ({ c, i })).filter(({ c }) => !KNOWN.has(c));
    if (unknown.length > 0)
      throw AppError.validation(
        'unknown capabilities',
        unknown.map(({ c, i }) => ({ path: `capabilities.${i}`, message: `no capability ${c}` })),
      );
    const capabilities = [...new Set(input.capabilities)];
    const inserted = await this.roles.insert({
      _id: newId(),
      workspaceId: ctx.workspaceId,
      name: input.name,
      capabilities,
      scope: input.scope,
      createdAt: new Date(),
    });
    if (!inserted) throw new AppError('conflict', `the workspace already has a role ${input.name}`);
    this.grants.forget(ctx.workspaceId, input.name);
    return { name: input.name, capabilities, scope: input.scope, builtIn: false };
  }
}
