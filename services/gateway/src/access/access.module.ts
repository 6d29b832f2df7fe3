import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthModule } from '../auth/auth.module';
import { RateLimitGuard } from '../http/rate-limit.guard';
import { RateLimiter } from '../http/rate-limiter';
import { IdentityModule } from '../identity/identity.module';
import { AccessGuard } from './access.guard';
import { CredentialsService } from './credentials.service';
import { GrantsService } from './grants.service';
import { MemberCheck } from './member-check.service';
import { MembershipCache } from './membership-cache.service';
import { Revocations } from './revocations';
import { TeamScope } from './team-scope.service';

/**
 * Installs the guard chain on every route of the process, in order: access (authenticated →
 * capability, context with scope and workspace), then the rate limit for that caller.
 */
@Global()
@Module({
  imports: [IdentityModule, AuthModule],
  providers: [
    MembershipCache,
    GrantsService,
    Revocations,
    CredentialsService,
    TeamScope,
    MemberCheck,
    RateLimiter,
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_GUARD, useClass: RateLimitGuard },
  ],
  exports: [MembershipCache, GrantsService, Revocations, CredentialsService, MemberCheck],
})
export class AccessModule {}
