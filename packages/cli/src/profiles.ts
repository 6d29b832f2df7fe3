import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/** One gateway and the credentials to use there: an API key, or a user's token pair. */
export interface Profile {
  url: string;
  apiKey?: string;
  accessToken?: string;
  refreshToken?: string;
  /** Who logged in, for `switchboard profiles`. */
  email?: string;
  workspace?: string;
}

export interface ConfigFile {
  current?: string;
  profiles: Record<string, Profile>;
}

/** `$SWITCHBOARD_CONFIG`, else `$XDG_CONFIG_HOME/switchboard/config.json` (~/.config). */
export function configPath(): string {
  if (process.env.SWITCHBOARD_CONFIG) return process.env.SWITCHBOARD_CONFIG;
  const base = process.env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(base, 'switchboard', 'config.json');
}

export function loadConfig(path = configPath()): ConfigFile {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<ConfigFile>;
    return { current: parsed.current, profiles: parsed.profiles ?? {} };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { profiles: {} };
    throw error;
  }
}

/** Writes the file readable by its owner only (it holds credentials), replacing it whole. */
export function saveConfig(config: ConfigFile, path = configPath()): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, path);
}

/** Stores `profile` under `name` and makes it the current one. */
export function saveProfile(name: string, profile: Profile): void {
  const config = loadConfig();
  config.profiles[name] = profile;
  config.current = name;
  saveConfig(config);
}
