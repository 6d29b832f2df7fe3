import { Global, Module, type Provider } from '@nestjs/common';
import IORedis from 'ioredis';
import { CONFIG, HealthChecks, Lifecycle, Metrics } from '@switchboard/runtime';
import { EvaluationQueue } from '@switchboard/segment-store';
import type { SegmentsConfig } from './config';

/**
 * The producer of the `segment-evaluation` queue (segment-store's `EvaluationQueue`), one per
 * process: the projection enqueues `contactChanged` after every profile change that can alter
 * membership, the segments API `segmentChanged` / `segmentDeleted` / `explicitChanged` (explicit
 * members). Inject `EvaluationQueue`. Closed in the second shutdown phase, after the consumers
 * that add jobs have stopped.
 */
export const evaluationQueueProvider: Provider = {
  provide: EvaluationQueue,
  useFactory: (
    config: SegmentsConfig,
    lifecycle: Lifecycle,
    health: HealthChecks,
    metrics: Metrics,
  ) => {
    // BullMQ wants maxRetriesPerRequest null on connections it may block on.
    const connection = new IORedis(config.REDIS_URL, { maxRetriesPerRequest: null });
    const queue = new EvaluationQueue(connection, config.QUEUE_PREFIX);
    health.register('redis', () => connection.status === 'ready');
    metrics.watchQueue(queue.queue);
    lifecycle.onStop(2, 'evaluation-queue', async () => {
      await queue.close();
      await connection.quit();
    });
    return queue;
  },
  inject: [CONFIG, Lifecycle, HealthChecks, Metrics],
};

/** Makes `EvaluationQueue` injectable in every module of the segments service. */
@Global()
@Module({ providers: [evaluationQueueProvider], exports: [EvaluationQueue] })
export class EvaluationQueueModule {}
