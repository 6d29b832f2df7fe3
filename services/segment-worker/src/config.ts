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
});
export type SegmentWorkerConfig = z.infer<typeof SegmentWorkerConfig>;
