import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { GIN_MIRROR_SQL } from './ferretdb-gin-indexes';
import { findOnPath } from './paths';

const run = promisify(execFile);

/**
 * A PostgreSQL database for FerretDB's `postgresql` handler. FerretDB 1.x on SQLite pushes only
 * `_id` equality down, so a filter like `{workspaceId, _id}` scans the collection; on PostgreSQL
 * equality filters are pushed down as JSONB containment, which the GIN twins of our indexes
 * serve (see ferretdb-gin-indexes.ts). We use it whenever a PostgreSQL server answers.
 */
export interface PostgresDatabase {
  url: string;
  drop(): Promise<void>;
}

const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

async function psql(adminUrl: string, sql: string): Promise<string> {
  const bin = findOnPath('psql');
  if (!bin) throw new Error('psql not on PATH');
  const { stdout } = await run(bin, [adminUrl, '-v', 'ON_ERROR_STOP=1', '-qtAc', sql], {
    timeout: 10_000,
  });
  return stdout.trim();
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Drops throwaway databases whose creating process is gone. */
async function dropOrphans(adminUrl: string): Promise<void> {
  const names = await psql(
    adminUrl,
    "select datname from pg_database where datname like 'switchboard\\_t%'",
  );
  for (const name of names.split('\n').filter(Boolean)) {
    const pid = Number(/^switchboard_t(\d+)_[0-9a-f]+$/.exec(name)?.[1]);
    if (pid && !isAlive(pid)) {
      await psql(adminUrl, `drop database if exists "${name}" with (force)`).catch(() => undefined);
    }
  }
}

/** The database a persistent data dir keeps its FerretDB data in: one per directory. */
export const persistentDatabaseName = (dataDir: string): string =>
  `switchboard_p${createHash('sha1').update(dataDir).digest('hex').slice(0, 12)}`;

/** Drops a database (used by tests that made a persistent one). */
export async function dropPostgresDatabase(name: string): Promise<void> {
  const adminUrl = process.env.FERRETDB_POSTGRESQL_ADMIN_URL || DEFAULT_ADMIN_URL;
  await psql(adminUrl, `drop database if exists "${name}" with (force)`);
}

/**
 * Creates (or, when persistent, reuses) a database on the PostgreSQL server named by
 * FERRETDB_POSTGRESQL_ADMIN_URL (default: local trust auth). Returns undefined, and FerretDB
 * runs on SQLite, when none answers or FERRETDB_HANDLER=sqlite asks for it.
 */
export async function preparePostgres(
  persistentName?: string,
): Promise<PostgresDatabase | undefined> {
  if (process.env.FERRETDB_HANDLER === 'sqlite') return undefined;
  const adminUrl = process.env.FERRETDB_POSTGRESQL_ADMIN_URL || DEFAULT_ADMIN_URL;
  try {
    await psql(adminUrl, 'select 1');
  } catch {
    if (process.env.FERRETDB_HANDLER === 'postgresql') {
      throw new Error(`FERRETDB_HANDLER=postgresql but PostgreSQL does not answer at ${adminUrl}`);
    }
    return undefined;
  }
  if (!persistentName) await dropOrphans(adminUrl);
  // The creating process's pid is in the name, so a later run can tell an orphan (its owner
  // was killed before stop() could drop it) from a database another live run is using.
  const name = persistentName ?? `switchboard_t${process.pid}_${randomBytes(4).toString('hex')}`;
  const exists = await psql(adminUrl, `select 1 from pg_database where datname = '${name}'`);
  if (!exists) await psql(adminUrl, `create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await psql(url.toString(), GIN_MIRROR_SQL);
  return {
    url: url.toString(),
    drop: async () => {
      if (persistentName) return;
      await psql(adminUrl, `drop database if exists "${name}" with (force)`).catch(() => undefined);
    },
  };
}
