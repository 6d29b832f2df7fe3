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

/**
 * Inserts many documents in one unordered round trip; the ones whose unique key is already
 * taken are skipped, not an error (FerretDB 1.24 reports them per document, as MongoDB does).
 * Returns the ids inserted now. Goes to the driver directly: the documents must be complete
 * (defaults applied, `workspaceId` set), as mongoose validation does not run.
 */
export async function insertManyIfAbsent<T extends { _id: string }>(
  model: Model<T>,
  docs: T[],
): Promise<Set<string>> {
  if (docs.length === 0) return new Set();
  try {
    await model.collection.insertMany(docs as never[], { ordered: false });
    return new Set(docs.map((d) => d._id));
  } catch (err) {
    const e = err as { writeErrors?: { index: number; code?: number }[] | { index: number } };
    const writeErrors = Array.isArray(e.writeErrors)
      ? e.writeErrors
      : e.writeErrors
        ? [e.writeErrors]
        : null;
    if (!writeErrors || writeErrors.some((w) => (w as { code?: number }).code !== 11000)) throw err;
    const skipped = new Set(writeErrors.map((w) => w.index));
    return new Set(docs.filter((_, i) => !skipped.has(i)).map((d) => d._id));
  }
}
