import { Module } from '@nestjs/common';
import { ApiKeysRepository } from './api-keys.repository';
import { InvitationsRepository } from './invitations.repository';
import { MembershipsRepository } from './memberships.repository';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { RolesRepository } from './roles.repository';
import { TeamsRepository } from './teams.repository';
import { UsersRepository } from './users.repository';
import { WorkspacesRepository } from './workspaces.repository';

const REPOSITORIES = [
  UsersRepository,
  WorkspacesRepository,
  MembershipsRepository,
  RefreshTokensRepository,
  InvitationsRepository,
  RolesRepository,
  ApiKeysRepository,
  TeamsRepository,
];

/**
 * The gateway's own data: workspaces, users, memberships, refresh-token families, invitations,
 * custom roles and API keys.
 */
@Module({ providers: REPOSITORIES, exports: REPOSITORIES })
export class IdentityModule {}
