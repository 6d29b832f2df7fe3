import { Module } from '@nestjs/common';
import { InfraModule, type ServiceOptions } from '@switchboard/runtime';
import type { SegmentWorkerConfig } from './config';
import { EvaluationWorker } from './evaluation/evaluation.worker';

@Module({
  providers: [EvaluationWorker],
})
class EvaluationModule {}

@Module({})
export class AppModule {}

/** Everything needed to start the segment worker (used by main.ts and by the tests). */
export const segmentWorkerService = (config: SegmentWorkerConfig): ServiceOptions => ({
  service: 'segment-worker',
  config,
  rpc: false,
  module: {
    module: AppModule,
    imports: [InfraModule.forRoot('segment-worker', config), EvaluationModule],
  },
});
