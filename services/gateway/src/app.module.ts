import { Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { HealthController, InfraModule, type ServiceOptions } from '@switchboard/runtime';
import { Public } from './access/access.decorators';
import { AccessModule } from './access/access.module';
import { ActivityModule } from './activity/activity.module';
import { AuthModule } from './auth/auth.module';
import type { GatewayConfig } from './config';
import { ContactsModule } from './contacts/contacts.module';
import { configureHttpEdge } from './http/http-edge';
import { ProblemFilter } from './http/problem.filter';
import { RpcModule } from './rpc/rpc.module';

// The shared health routes come from the runtime package; declared public here, where the guard lives.
Public()(HealthController);

@Module({ providers: [{ provide: APP_FILTER, useClass: ProblemFilter }] })
export class AppModule {}

/** Everything needed to start the gateway (used by main.ts and by the tests). */
export const gatewayService = (config: GatewayConfig): ServiceOptions => ({
  service: 'gateway',
  config,
  rpc: false,
  bodyLimitBytes: config.BODY_LIMIT_BYTES,
  configure: configureHttpEdge(config),
  module: {
    module: AppModule,
    imports: [
      InfraModule.forRoot('gateway', config),
      RpcModule,
      AccessModule,
      AuthModule,
      ContactsModule,
      ActivityModule,
    ],
  },
});
