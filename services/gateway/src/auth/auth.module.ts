import { Module } from '@nestjs/common';
import { CONFIG } from '@switchboard/runtime';
import type { GatewayConfig } from '../config';
import { IdentityModule } from '../identity/identity.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { PasswordService } from './password.service';
import { TokenService } from './token.service';

@Module({
  imports: [IdentityModule],
  controllers: [AuthController],
  providers: [
    AuthService,
    PasswordService,
    {
      provide: TokenService,
      useFactory: (config: GatewayConfig) =>
        new TokenService({
          secret: config.JWT_SECRET,
          keyId: config.JWT_KEY_ID,
          accessTtlS: config.ACCESS_TOKEN_TTL_S,
          refreshTtlS: config.REFRESH_TOKEN_TTL_S,
        }),
      inject: [CONFIG],
    },
  ],
  exports: [TokenService],
})
export class AuthModule {}
