import { z } from 'zod';
import { BaseConfig } from '@switchboard/runtime';

export const DealsConfig = BaseConfig.extend({
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(3004),
});
export type DealsConfig = z.infer<typeof DealsConfig>;
