import { Module } from '@nestjs/common';
import { InfraModule, type ServiceOptions } from '@switchboard/runtime';
import type { DealsConfig } from './config';

/** Pipelines and deals arrive with the deals issue; the process, config and health are in place. */
@Module({})
export class AppModule {}

export const dealsService = (config: DealsConfig): ServiceOptions => ({
  service: 'deals',
  config,
  rpc: true,
  module: { module: AppModule, imports: [InfraModule.forRoot('deals', config)] },
});
