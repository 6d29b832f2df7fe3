import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import {
  CreateTeamInput,
  IdParams,
  PageQuery,
  pageOf,
  Team,
  UpdateTeamInput,
  type Page,
  type RequestContext,
} from '@switchboard/contracts';
import { Ctx, RequiresCapability } from '../access/access.decorators';
import { Operation, ValidBody, ValidParams, ValidQuery } from '../http/route-contract';
import { TeamsService } from './teams.service';

/** Teams, which the `team` scope reads and writes through (decision 0108). */
@Controller('v1/teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Post()
  @RequiresCapability('members.manage')
  @Operation({ summary: 'Create a team of current members', response: Team })
  create(
    @Ctx() ctx: RequestContext,
    @ValidBody(CreateTeamInput) body: CreateTeamInput,
  ): Promise<Team> {
    return this.teams.create(ctx, body);
  }

  @Get()
  @RequiresCapability('members.read')
  @Operation({ summary: 'The teams of the workspace', response: pageOf(Team) })
  list(@Ctx() ctx: RequestContext, @ValidQuery(PageQuery) query: PageQuery): Promise<Page<Team>> {
    return this.teams.list(ctx, query);
  }

  @Get(':id')
  @RequiresCapability('members.read')
  @Operation({ summary: 'A team', response: Team })
  get(@Ctx() ctx: RequestContext, @ValidParams(IdParams) params: { id: string }): Promise<Team> {
    return this.teams.get(ctx, params.id);
  }

  @Patch(':id')
  @RequiresCapability('members.manage')
  @Operation({ summary: 'Rename a team or replace its members', response: Team })
  update(
    @Ctx() ctx: RequestContext,
    @ValidParams(IdParams) params: { id: string },
    @ValidBody(UpdateTeamInput) body: UpdateTeamInput,
  ): Promise<Team> {
    return this.teams.update(ctx, params.id, body);
  }

  @Delete(':id')
  @RequiresCapability('members.manage')
  @HttpCode(204)
  @Operation({ summary: 'Delete a team (records keep their owners)' })
  async remove(
    @Ctx() ctx: RequestContext,
    @ValidParams(IdParams) params: { id: string },
  ): Promise<void> {
    await this.teams.remove(ctx, params.id);
  }
}
