import type { Connection } from 'mongoose';

/**
 * Where a compare-and-set write lost: `settle` (the version moved, or the relay did not take the
 * staged events in time), `gate` (another writer holds the version gate), `update` (the version
 * filter no longer matched). Each loss is followed by the caller's retry or a `version_conflict`.
 */
export type WriteConflictStage = 'settle' | 'gate' | 'update';

export type WriteConflictListener = (aggregate: string, stage: WriteConflictStage) => void;

/** Keyed by connection: each service (one connection each) counts only its own writers' losses. */
const listeners = new WeakMap<Connection, Set<WriteConflictListener>>();

/** Observes the write conflicts of writers on `connection` (runtime's metrics); returns an off switch. */
export function onWriteConflict(
  connection: Connection,
  listener: WriteConflictListener,
): () => void {
  const set = listeners.get(connection) ?? new Set<WriteConflictListener>();
  listeners.set(connection, set);
  set.add(listener);
  return () => set.delete(listener);
}

/** For writers: a compare-and-set on `aggregate` lost at `stage`. */
export function reportWriteConflict(
  connection: Connection,
  aggregate: string,
  stage: WriteConflictStage,
): void {
  for (const listener of listeners.get(connection) ?? []) listener(aggregate, stage);
}
