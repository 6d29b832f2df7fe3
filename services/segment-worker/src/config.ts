import { z } from 'zod';
import { BaseConfig } from '@switchboard/runtime';

export const SegmentWorkerConfig = BaseConfig.extend({
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(3003),
  /** The worker has no data of its own: it works on the segments service's database. */
  MONGO_DB: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,63}$/)
    .default('switchboard_segments'),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  /** Profiles per batch of a full evaluation (one progress write per batch). */
  FULL_BATCH_SIZE: z.coerce.number().int().min(10).max(10_000).default(1000),
  /** How long a workspace's compiled definitions are reused by contact jobs. */
  SEGMENT_CACHE_MS: z.coerce.number().int().min(0).default(2000),
  /** Period of the scheduled sweep of relative-time segments (0: no schedule). */
  SWEEP_INTERVAL_MS: z.coerce.number().int().min(0).default(3_600_000),
  /** How long BullMQ lets a job run without a lock renewal before another worker takes it. */
  JOB_LOCK_MS: z.coerce.number().int().min(1000).default(30_000),
});
export type SegmentWorkerConfig = z.infer<typeof SegmentWorkerConfig>;
