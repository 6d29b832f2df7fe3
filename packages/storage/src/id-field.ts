import { newId } from '@switchboard/messaging';

/** String `_id` holding a UUIDv7: opaque to clients, time-ordered, generated without a round trip. */
export const idField = { _id: { type: String, default: newId } } as const;

/** Duplicate-key errors (E11000) mean "already there": the basis of idempotent inserts. */
export const isDuplicateKeyError = (err: unknown): boolean =>
  typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000;
