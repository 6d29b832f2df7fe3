import { Module } from '@nestjs/common';
import { InfraModule, RpcClientModule, type ServiceOptions } from '@switchboard/runtime';
import type { DealsConfig } from './config';
import { DealsModule } from './deals/deals.module';

@Module({})
export class AppModule {}

/** Everything needed to start the deals service (used by main.ts and by the tests). */
export const dealsService = (config: DealsConfig): ServiceOptions => ({
  service: 'deals',
  config,
  rpc: true,
  module: {
    module: AppModule,
    imports: [InfraModule.forRoot('deals', config), RpcClientModule, DealsModule],
  },
});
