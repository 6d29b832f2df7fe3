import { execFileSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

export const FERRETDB_VERSION = 'v1.24.2';
/** The nats-server release everything runs (scripts/install-infra.sh builds it). */
export const NATS_SERVER_VERSION = 'v2.15.3';

function isExecutableFile(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Absolute path of `name` found on PATH, like `command -v`. */
export function findOnPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

/** `${XDG_CACHE_HOME || ~/.cache}/switchboard/ferretdb-v1.24.2` (same path as scripts/install-infra.sh). */
export function ferretDbCacheDir(): string {
  const cacheHome = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(cacheHome, 'switchboard', `ferretdb-${FERRETDB_VERSION}`);
}

/** FERRETDB_BIN, then `ferretdb` on PATH, then the binary built by scripts/install-infra.sh. */
export function findFerretDb(): string | undefined {
  const fromEnv = process.env.FERRETDB_BIN;
  if (fromEnv && isExecutableFile(fromEnv)) return fromEnv;
  const onPath = findOnPath('ferretdb');
  if (onPath) return onPath;
  const cached = join(ferretDbCacheDir(), 'ferretdb');
  return isExecutableFile(cached) ? cached : undefined;
}

/** `${XDG_CACHE_HOME || ~/.cache}/switchboard/nats-server-v2.15.3` (same path as scripts/install-infra.sh). */
export function natsServerCacheDir(): string {
  const cacheHome = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(cacheHome, 'switchboard', `nats-server-${NATS_SERVER_VERSION}`);
}

function natsServerVersion(file: string): string | undefined {
  try {
    return execFileSync(file, ['--version'], { encoding: 'utf8', timeout: 10_000 }).trim();
  } catch {
    return undefined;
  }
}

/**
 * NATS_SERVER_BIN, then `nats-server` on PATH, then the binary built by scripts/install-infra.sh;
 * only one that reports NATS_SERVER_VERSION (Debian's 2.9 on PATH is passed over).
 */
export function findNatsServer(): string | undefined {
  const candidates = [
    process.env.NATS_SERVER_BIN,
    findOnPath('nats-server'),
    join(natsServerCacheDir(), 'nats-server'),
  ];
  for (const file of candidates) {
    if (!file || !isExecutableFile(file)) continue;
    if (natsServerVersion(file)?.endsWith(NATS_SERVER_VERSION)) return file;
  }
  return undefined;
}
