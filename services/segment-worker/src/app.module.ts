import { Module } from '@nestjs/common';
import { InfraModule, type ServiceOptions } from '@switchboard/runtime';
import type { SegmentWorkerConfig } from './config';
import { ContactEvaluator } from './evaluation/contact-evaluator';
import { EvaluationJobs } from './evaluation/evaluation-jobs.service';
import { EvaluationWorker } from './evaluation/evaluation.worker';
import { EvaluationsRepository } from './evaluation/evaluations.repository';
import { MembershipsRepository } from './evaluation/memberships.repository';
import { ProfilesRepository } from './evaluation/profiles.repository';
import { queueProviders } from './evaluation/queue.provider';
import { SegmentCatalog } from './evaluation/segment-catalog';
import { SegmentScanner } from './evaluation/segment-scanner';

@Module({
  providers: [
    ...queueProviders,
    SegmentCatalog,
    MembershipsRepository,
    ProfilesRepository,
    EvaluationsRepository,
    ContactEvaluator,
    SegmentScanner,
    EvaluationJobs,
    EvaluationWorker,
  ],
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
