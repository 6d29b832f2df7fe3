import { Injectable } from '@nestjs/common';
import {
  type CreateTeamInput,
  type Page,
  type PageQuery,
  type RequestContext,
  type Team,
  type UpdateTeamInput,
} from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { newId } from '@switchboard/messaging';
import { isDuplicateKeyError } from '@switchboard/storage';
import type { TeamDoc } from '../identity/team.schema';
import { TeamsRepository } from '../identity/teams.repository';
import { MemberCheck } from '../access/member-check.service';

const toTeam = (t: TeamDoc): Team => ({
  id: t._id,
  name: t.name,
  memberIds: t.memberIds,
  createdAt: new Date(t.createdAt).toISOString(),
  updatedAt: new Date(t.updatedAt).toISOString(),
});

const taken = (name: string) =>
  new AppError('conflict', `the workspace already has a team ${name}`);

/** Teams of a workspace; members are checked against the current memberships. */
@Injectable()
export class TeamsService {
  constructor(
    private readonly teams: TeamsRepository,
    private readonly members: MemberCheck,
  ) {}

  async create(ctx: RequestContext, input: CreateTeamInput): Promise<Team> {
    await this.members.assertMembers(ctx.workspaceId, input.memberIds, 'memberIds');
    const now = new Date();
    const doc: TeamDoc = {
      _id: newId(),
      workspaceId: ctx.workspaceId,
      name: input.name,
      memberIds: input.memberIds,
      createdAt: now,
      updatedAt: now,
    };
    if (!(await this.teams.insert(doc))) throw taken(input.name);
    return toTeam(doc);
  }

  async get(ctx: RequestContext, id: string): Promise<Team> {
    const doc = await this.teams.find(ctx.workspaceId, id);
    if (!doc) throw AppError.notFound('team', id);
    return toTeam(doc);
  }

  async list(ctx: RequestContext, q: PageQuery): Promise<Page<Team>> {
    const page = await this.teams.list(ctx.workspaceId, q.limit, q.cursor);
    return { items: page.items.map(toTeam), nextCursor: page.nextCursor };
  }

  async update(ctx: RequestContext, id: string, input: UpdateTeamInput): Promise<Team> {
    await this.get(ctx, id);
    if (input.memberIds)
      await this.members.assertMembers(ctx.workspaceId, input.memberIds, 'memberIds');
    try {
      const doc = await this.teams.update(ctx.workspaceId, id, {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.memberIds !== undefined ? { memberIds: input.memberIds } : {}),
      });
      if (!doc) throw AppError.notFound('team', id);
      return toTeam(doc);
    } catch (err) {
      if (isDuplicateKeyError(err)) throw taken(input.name ?? '');
      throw err;
    }
  }

  async remove(ctx: RequestContext, id: string): Promise<void> {
    if (!(await this.teams.remove(ctx.workspaceId, id))) throw AppError.notFound('team', id);
  }
}
