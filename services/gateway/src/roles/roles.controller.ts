import { Controller, Delete, Get, Post, Put } from '@nestjs/common';
import {
  CreateRoleInput,
  DeleteRoleInput,
  PutRoleInput,
  Role,
  RoleDeleted,
  RoleKeyParams,
  type RequestContext,
} from '@switchboard/contracts';
import { z } from 'zod';
import { Ctx, RequiresCapability } from '../access/access.decorators';
import { Operation, ValidBody, ValidParams } from '../http/route-contract';
import { RolesService } from './roles.service';

@Controller('v1/roles')
export class RolesController {
  constructor(private readonly roles: RolesService) {}

  @Get()
  @RequiresCapability('members.read')
  @Operation({
    summary: 'The capability map: every role with its capabilities and scopes',
    response: z.array(Role),
  })
  list(@Ctx() ctx: RequestContext): Promise<Role[]> {
    return this.roles.list(ctx);
  }

  @Post()
  @RequiresCapability('members.manage')
  @Operation({ summary: 'Create a custom role', response: Role })
  create(
    @Ctx() ctx: RequestContext,
    @ValidBody(CreateRoleInput) body: CreateRoleInput,
  ): Promise<Role> {
    return this.roles.create(ctx, body);
  }

  @Put(':key')
  @RequiresCapability('members.manage')
  @Operation({
    summary: 'Edit a custom role, or override a default role (not owner) for this workspace',
    response: Role,
  })
  put(
    @Ctx() ctx: RequestContext,
    @ValidParams(RoleKeyParams) params: { key: string },
    @ValidBody(PutRoleInput) body: PutRoleInput,
  ): Promise<Role> {
    return this.roles.put(ctx, params.key, body);
  }

  @Delete(':key')
  @RequiresCapability('members.manage')
  @Operation({
    summary:
      'Delete a custom role, moving its members, API keys and invitations to `moveMembersTo`; on a default role, drop its override',
    response: RoleDeleted,
  })
  remove(
    @Ctx() ctx: RequestContext,
    @ValidParams(RoleKeyParams) params: { key: string },
    @ValidBody(DeleteRoleInput) body: DeleteRoleInput | undefined,
  ): Promise<RoleDeleted> {
    return this.roles.remove(ctx, params.key, body ?? {});
  }
}
