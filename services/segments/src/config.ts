import { z } from 'zod';
import { BaseConfig } from '@switchboard/runtime';

export const SegmentsConfig = BaseConfig.extend({
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(3002),
});
export type SegmentsConfig = z.infer<typeof SegmentsConfig>;
