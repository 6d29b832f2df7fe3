import { z } from 'zod';
import { BaseConfig } from '@switchboard/runtime';

export const ActivityConfig = BaseConfig.extend({
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(3006),
  /** How long a resolved contact (by id or channel address) is remembered. */
  CONTACT_CACHE_TTL_MS: z.coerce.number().int().min(0).default(30_000),
  /** Inbound messaging events handled (and inserted) at once, and how long a batch waits to fill. */
  MESSAGING_BATCH_MAX: z.coerce.number().int().min(1).max(5000).default(1000),
  MESSAGING_LINGER_MS: z.coerce.number().int().min(0).max(1000).default(5),
  /** Batches handled at once: one's database writes overlap another's network waits. */
  MESSAGING_BATCHES_IN_FLIGHT: z.coerce.number().int().min(1).max(8).default(3),
  /** Inbound events for unknown people are kept this long waiting for a matching contact. */
  PARKED_RETENTION_DAYS: z.coerce.number().int().min(1).default(30),
});
export type ActivityConfig = z.infer<typeof ActivityConfig>;
