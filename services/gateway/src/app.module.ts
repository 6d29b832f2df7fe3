import { Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import {
  HealthController,
  InfraModule,
  MetricsController,
  type ServiceOptions,
} from '@switchboard/runtime';
import { Public } from './access/access.decorators';
import { AccessModule } from './access/access.module';
import { ActivityModule } from './activity/activity.module';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { AuthModule } from './auth/auth.module';
import type { GatewayConfig } from './config';
import { CompaniesModule } from './companies/companies.module';
import { ContactsModule } from './contacts/contacts.module';
import { DealsModule } from './deals/deals.module';
import { mountQueueDashboard } from './admin/queue-dashboard';
import { configureHttpEdge, HTTP_ROUTER } from './http/http-edge';
import { IdempotencyInterceptor } from './http/idempotency.interceptor';
import { IdempotencyStore } from './http/idempotency.store';
import { ImportsModule } from './imports/imports.module';
import { IntegrationsModule } from './integrations/integrations.module';
import { DeadLettersModule } from './dead-letters/dead-letters.module';
import { LeadsModule } from './leads/leads.module';
import { FitModule } from './fit/fit.module';
import { MembersModule } from './members/members.module';
import { mountDocsAssets } from './openapi/docs-assets';
import { OpenApiModule } from './openapi/openapi.module';
import { ProblemFilter } from './http/problem.filter';
import { RedisModule } from './redis/redis.module';
import { RpcModule } from './rpc/rpc.module';
import { SegmentsModule } from './segments/segments.module';
import { SettingsModule } from './settings/settings.module';
import { TasksModule } from './tasks/tasks.module';
import { SuppressionsModule } from './suppressions/suppressions.module';
import { WebhooksModule } from './webhooks/webhooks.module';

// The shared health routes come from the runtime package; declared public here, where the guard lives.
Public()(HealthController);
// So are the Prometheus metrics beside them (decision 0094: keep both off the public ingress).
Public()(MetricsController);

@Module({
  providers: [
    { provide: APP_FILTER, useClass: ProblemFilter },
    IdempotencyStore,
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
  ],
})
export class AppModule {}

/** Everything needed to start the gateway (used by main.ts and by the tests). */
export const gatewayService = (config: GatewayConfig): ServiceOptions => ({
  service: 'gateway',
  config,
  rpc: false,
  bodyLimitBytes: config.BODY_LIMIT_BYTES,
  configure: async (app) => {
    await configureHttpEdge(config)(app);
    // bull-board at /admin/queues, owners of the operators' workspaces only (decision 0141).
    await mountQueueDashboard(app, config);
    // The scripts of the API reference page at /docs (decision 0142).
    mountDocsAssets(app);
  },
  router: HTTP_ROUTER,
  module: {
    module: AppModule,
    imports: [
      InfraModule.forRoot('gateway', config),
      RpcModule,
      RedisModule,
      AccessModule,
      AuthModule,
      MembersModule,
      ApiKeysModule,
      IntegrationsModule,
      DeadLettersModule,
      ContactsModule,
      CompaniesModule,
      SuppressionsModule,
      SettingsModule,
      ActivityModule,
      SegmentsModule,
      DealsModule,
      TasksModule,
      ImportsModule,
      LeadsModule,
      FitModule,
      WebhooksModule,
      OpenApiModule,
    ],
  },
});
