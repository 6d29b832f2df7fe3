import { z } from 'zod';
import { BaseConfig } from '@switchboard/runtime';

export const TasksConfig = BaseConfig.extend({
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(3005),
  /** How often armed reminders are re-queued (idempotent by job id) to heal a lost Redis job. */
  REMINDER_SWEEP_MS: z.coerce.number().int().min(100).default(60_000),
});
export type TasksConfig = z.infer<typeof TasksConfig>;
