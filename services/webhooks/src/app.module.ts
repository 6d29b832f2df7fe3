import { Module } from '@nestjs/common';
import { InfraModule, type ServiceOptions } from '@switchboard/runtime';
import type { WebhooksConfig } from './config';
import { WebhooksModule } from './webhooks/webhooks.module';

@Module({})
export class AppModule {}

/** Everything needed to start the webhooks service (used by main.ts and by the tests). */
export const webhooksService = (config: WebhooksConfig): ServiceOptions => ({
  service: 'webhooks',
  config,
  rpc: true,
  module: {
    module: AppModule,
    imports: [InfraModule.forRoot('webhooks', config), WebhooksModule],
  },
});
