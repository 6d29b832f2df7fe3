import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthModule } from '../auth/auth.module';
import { IdentityModule } from '../identity/identity.module';
import { AccessGuard } from './access.guard';
import { MembershipCache } from './membership-cache.service';

/** Installs the access guard on every route of the process. */
@Module({
  imports: [IdentityModule, AuthModule],
  providers: [MembershipCache, { provide: APP_GUARD, useClass: AccessGuard }],
})
export class AccessModule {}
