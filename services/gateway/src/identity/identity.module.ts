import { Module } from '@nestjs/common';
import { MembershipsRepository } from './memberships.repository';
import { RefreshTokensRepository } from './refresh-tokens.repository';
import { UsersRepository } from './users.repository';
import { WorkspacesRepository } from './workspaces.repository';

/** The gateway's own data: workspaces, users, memberships, refresh tokens. */
@Module({
  providers: [
    UsersRepository,
    WorkspacesRepository,
    MembershipsRepository,
    RefreshTokensRepository,
  ],
  exports: [UsersRepository, WorkspacesRepository, MembershipsRepository, RefreshTokensRepository],
})
export class IdentityModule {}
