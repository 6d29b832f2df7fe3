import { z } from 'zod';
import { BaseConfig } from '@switchboard/runtime';

export const ContactsConfig = BaseConfig.extend({
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  /** Rows per import batch: one insertMany, one report document, one checkpoint. */
  IMPORT_BATCH_SIZE: z.coerce.number().int().min(1).max(5000).default(500),
  /** Imports one replica runs at once (each streams its file: memory stays flat per import). */
  IMPORT_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(1),
  /**
   * How long an import job's lock lives without renewal: after a crash, another worker (or the
   * restarted one) takes the job over within about this time and resumes from its checkpoint.
   */
  IMPORT_LOCK_MS: z.coerce.number().int().min(500).default(30_000),
  /** How often the retention sweep erases archived contacts past their workspace's retention. */
  RETENTION_SWEEP_MS: z.coerce.number().int().min(0).default(3_600_000),
});
export type ContactsConfig = z.infer<typeof ContactsConfig>;
