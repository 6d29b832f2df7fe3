import type { Connection } from 'mongoose';

/**
 * How versioned writes reach the database (docs/ferretdb.md, "Updates are read-then-write"):
 * - `mongodb`: one conditional `updateOne` per write; MongoDB applies filter and update
 *   atomically, so the version filter alone serialises writers.
 * - `ferretdb`: FerretDB 1.24 runs an update as a query followed by a write by `_id`, so every
 *   write of a versioned document (writers and the outbox relay alike) first takes the
 *   document's version gate for the revision it read.
 */
export const WRITE_STRATEGIES = ['mongodb', 'ferretdb'] as const;
export type WriteStrategy = (typeof WRITE_STRATEGIES)[number];

const chosen = new WeakMap<Connection, WriteStrategy>();

/** Asks the server: FerretDB answers `buildInfo` with a `ferretdbVersion`. */
export async function detectWriteStrategy(connection: Connection): Promise<WriteStrategy> {
  const info = (await connection.db!.admin().command({ buildInfo: 1 })) as Record<string, unknown>;
  return 'ferretdb' in info || 'ferretdbVersion' in info || 'ferretdbFeatures' in info
    ? 'ferretdb'
    : 'mongodb';
}

/** Fixes the strategy of every versioned write over `connection` (configuration or tests). */
export function useWriteStrategy(connection: Connection, strategy: WriteStrategy): void {
  chosen.set(connection, strategy);
}

/** The connection's strategy; `ferretdb` (safe on both databases) when none was set. */
export const writeStrategyOf = (connection: Connection): WriteStrategy =>
  chosen.get(connection) ?? 'ferretdb';
