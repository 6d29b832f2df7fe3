import { z } from 'zod';
import { BaseConfig } from '@switchboard/runtime';

export const SegmentsConfig = BaseConfig.extend({
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(3002),
  /** Days of behavioural counters kept per profile (longer than the longest filter window, 365). */
  PROFILE_ACTIVITY_RETENTION_DAYS: z.coerce.number().int().min(1).default(400),
  /** Rebuild the profiles from the contacts service when they are empty at boot (decision 0085). */
  PROJECTION_REBUILD_AUTO: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** Contacts asked for per snapshot page of a rebuild (the reply is also cut by size). */
  PROJECTION_REBUILD_PAGE_SIZE: z.coerce.number().int().min(1).max(500).default(200),
});
export type SegmentsConfig = z.infer<typeof SegmentsConfig>;
