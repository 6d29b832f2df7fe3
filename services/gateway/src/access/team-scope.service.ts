import { Injectable } from '@nestjs/common';
import type { Actor } from '@switchboard/contracts';
import { TeamsRepository } from '../identity/teams.repository';

/**
 * Who a caller with a `team` scope reaches: itself and every member of its teams, read on each
 * request (one equality read), so a team change applies to the next request on every replica.
 * An API key is in no team: it reaches only what it owns.
 */
@Injectable()
export class TeamScope {
  constructor(private readonly teams: TeamsRepository) {}

  async teammatesOf(workspaceId: string, actor: Actor): Promise<string[]> {
    if (actor.type !== 'user') return [actor.id];
    const teams = await this.teams.ofMember(workspaceId, actor.id);
    return [...new Set([actor.id, ...teams.flatMap((t) => t.memberIds)])];
  }
}
