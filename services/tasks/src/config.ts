import { z } from 'zod';
import { BaseConfig } from '@switchboard/runtime';

export const TasksConfig = BaseConfig.extend({
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(3005),
});
export type TasksConfig = z.infer<typeof TasksConfig>;
