import { Module } from '@nestjs/common';
import { InfraModule, RpcClientModule, type ServiceOptions } from '@switchboard/runtime';
import type { SegmentsConfig } from './config';
import { EvaluationQueueModule } from './evaluation-queue.provider';
import { ProjectionModule } from './projection/projection.module';
import { SegmentsModule } from './segments/segments.module';

@Module({})
export class AppModule {}

/** Everything needed to start the segments service (used by main.ts and by the tests). */
export const segmentsService = (config: SegmentsConfig): ServiceOptions => ({
  service: 'segments',
  config,
  rpc: true,
  module: {
    module: AppModule,
    imports: [
      InfraModule.forRoot('segments', config),
      RpcClientModule,
      EvaluationQueueModule,
      ProjectionModule,
      SegmentsModule,
    ],
  },
});
