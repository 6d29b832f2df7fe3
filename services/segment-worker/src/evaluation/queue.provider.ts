import type { Provider } from '@nestjs/common';
import IORedis from 'ioredis';
import { CONFIG, Lifecycle, Metrics } from '@switchboard/runtime';
import { EvaluationQueue } from '@switchboard/segment-store';
import type { SegmentWorkerConfig } from '../config';

export const QUEUE_CONNECTION = Symbol('QUEUE_CONNECTION');

/** Redis for BullMQ (blocking commands wait forever: maxRetriesPerRequest must be null). */
export const queueProviders: Provider[] = [
  {
    provide: QUEUE_CONNECTION,
    useFactory: (config: SegmentWorkerConfig, lifecycle: Lifecycle) => {
      const connection = new IORedis(config.REDIS_URL, { maxRetriesPerRequest: null });
      lifecycle.onStop(2, 'redis', async () => {
        await connection.quit();
      });
      return connection;
    },
    inject: [CONFIG, Lifecycle],
  },
  {
    // The producer side, for the jobs the worker itself enqueues (dependents, sweeps).
    provide: EvaluationQueue,
    useFactory: (
      connection: IORedis,
      config: SegmentWorkerConfig,
      lifecycle: Lifecycle,
      metrics: Metrics,
    ) => {
      const queue = new EvaluationQueue(connection, config.QUEUE_PREFIX);
      metrics.watchQueue(queue.queue);
      lifecycle.onStop(2, 'evaluation-queue', () => queue.close());
      return queue;
    },
    inject: [QUEUE_CONNECTION, CONFIG, Lifecycle, Metrics],
  },
];
