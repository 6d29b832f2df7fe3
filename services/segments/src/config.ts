import { z } from 'zod';
import { BaseConfig } from '@switchboard/runtime';

export const SegmentsConfig = BaseConfig.extend({
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(3002),
  /** Days of behavioural counters kept per profile (longer than the longest filter window, 365). */
  PROFILE_ACTIVITY_RETENTION_DAYS: z.coerce.number().int().min(1).default(400),
});
export type SegmentsConfig = z.infer<typeof SegmentsConfig>;
