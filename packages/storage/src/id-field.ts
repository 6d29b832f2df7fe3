import type { Model } from 'mongoose';
import { newId } from '@switchboard/messaging';

/** String `_id` holding a UUIDv7: opaque to clients, time-ordered, generated without a round trip. */
export const idField = { _id: { type: String, default: newId } } as const;

/** Duplicate-key errors (E11000) mean "already there": the basis of idempotent inserts. */
export const isDuplicateKeyError = (err: unknown): boolean =>
  typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000;

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
