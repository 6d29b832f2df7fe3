import { z } from 'zod';
import { BaseConfig } from '@switchboard/runtime';

export const ActivityConfig = BaseConfig.extend({
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(3006),
});
export type ActivityConfig = z.infer<typeof ActivityConfig>;
