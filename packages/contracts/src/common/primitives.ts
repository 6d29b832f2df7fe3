import { z } from 'zod';

/** Opaque identifier (UUIDv7 strings in practice; clients must not parse them). */
export const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be an opaque id');
export type Id = z.infer<typeof Id>;

/** ISO-8601 UTC timestamp as it travels in JSON. */
export const Timestamp = z.string().datetime({ offset: true });
export type Timestamp = z.infer<typeof Timestamp>;

/** Free text that must not be empty once trimmed. */
export const NonEmptyText = (max: number) => z.string().trim().min(1).max(max);
