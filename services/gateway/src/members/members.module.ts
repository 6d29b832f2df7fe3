import { Module } from '@nestjs/common';
import { ApiKeysModule } from '../api-keys/api-keys.module';
import { AuthModule } from '../auth/auth.module';
import { IdentityModule } from '../identity/identity.module';
import { IntegrationsModule } from '../integrations/integrations.module';
import { OffboardingService } from '../offboarding/offboarding.service';
import { OffboardingsRepository } from '../offboarding/offboardings.repository';
import { RolesController } from '../roles/roles.controller';
import { RoleHoldersRepository } from '../roles/role-holders.repository';
import { RolesService } from '../roles/roles.service';
import { TeamsController } from '../teams/teams.controller';
import { TeamsService } from '../teams/teams.service';
import { InvitationsService } from './invitations.service';
import { MembersController } from './members.controller';
import { MembersService } from './members.service';

/** People and rights in a workspace: invitations, members, offboarding, custom roles. */
@Module({
  imports: [IdentityModule, AuthModule, ApiKeysModule, IntegrationsModule],
  controllers: [MembersController, RolesController, TeamsController],
  providers: [
    MembersService,
    InvitationsService,
    RolesService,
    RoleHoldersRepository,
    TeamsService,
    OffboardingService,
    OffboardingsRepository,
  ],
})
export class MembersModule {}
