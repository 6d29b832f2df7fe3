import { Controller, Get, Post } from '@nestjs/common';
import { CreateRoleInput, Role, type RequestContext } from '@switchboard/contracts';
import { z } from 'zod';
import { Ctx, RequiresCapability } from '../access/access.decorators';
import { Operation, ValidBody } from '../http/route-contract';
import { RolesService } from './roles.service';

@Controller('v1/roles')
export class RolesController {
  constructor(private readonly roles: RolesService) {}

  @Get()
  @RequiresCapability('members.read')
  @Operation({
    summary: 'The capability map: every role with its capabilities and scope',
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
}
