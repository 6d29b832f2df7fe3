import { accessSync, constants, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

export const FERRETDB_VERSION = 'v1.24.2';

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
