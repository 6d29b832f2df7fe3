import type { Model } from 'mongoose';
import { newId } from '@switchboard/messaging';

/** String `_id` holding a UUIDv7: opaque to clients, time-ordered, generated without a round trip. */
export const idField = { _id: { type: String, default: newId } } as const;

/** What FerretDB 1.24 answers (code 1, InternalError) when an update breaks a unique index. */
const BACKEND_UNIQUE_VIOLATION =
  /duplicate key value violates unique constraint|UNIQUE constraint failed/;

/**
 * Duplicate-key errors mean "already there": the basis of idempotent inserts. MongoDB and
 * FerretDB inserts answer E11000; FerretDB updates pass the backend's error on instead.
 */
export const isDuplicateKeyError = (err: unknown): boolean => {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { code?: unknown; message?: unknown };
  return (
    e.code === 11000 ||
    (e.code === 1 && typeof e.message === 'string' && BACKEND_UNIQUE_VIOLATION.test(e.message))
  );
};

/** Inserts one document; false (not an error) when its unique key is already taken. */
export async function insertIfAbsent<T>(model: Model<T>, doc: Partial<T>): Promise<boolean> {
  try {
    await model.create([doc]);
    return true;
  } catch (err) {
    if (isDuplicateKeyError(err)) return false;
    throw err;
  }
}
