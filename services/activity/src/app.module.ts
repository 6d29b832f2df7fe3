import { Module } from '@nestjs/common';
import { InfraModule, type ServiceOptions } from '@switchboard/runtime';
import type { ActivityConfig } from './config';
import { TimelineModule } from './timeline/timeline.module';

@Module({})
export class AppModule {}

/** Everything needed to start the activity service (used by main.ts and by the tests). */
export const activityService = (config: ActivityConfig): ServiceOptions => ({
  service: 'activity',
  config,
  rpc: true,
  module: { module: AppModule, imports: [InfraModule.forRoot('activity', config), TimelineModule] },
});
