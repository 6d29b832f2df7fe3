import { Module } from '@nestjs/common';
import { CONFIG } from '@switchboard/runtime';
import { jwtKeysOf, type GatewayConfig } from '../config';
import { IdentityModule } from '../identity/identity.module';
import { AuthThrottle } from './auth-throttle.service';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { PasswordService } from './password.service';
import { RefreshTokenPurge } from './refresh-token-purge.service';
import { SessionsService } from './sessions.service';
import { TokenService } from './token.service';

@Module({
  imports: [IdentityModule],
  controllers: [AuthController],
  providers: [
    AuthService,
    AuthThrottle,
    SessionsService,
    PasswordService,
    RefreshTokenPurge,
    {
      provide: TokenService,
      useFactory: (config: GatewayConfig) =>
        new TokenService({
          keys: jwtKeysOf(config),
          accessTtlS: config.ACCESS_TOKEN_TTL_S,
          refreshTtlS: config.REFRESH_TOKEN_TTL_S,
        }),
      inject: [CONFIG],
    },
  ],
  exports: [TokenService, SessionsService, PasswordService, AuthThrottle],
})
export class AuthModule {}
