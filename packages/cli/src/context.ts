import { Switchboard, type Credentials } from '@switchboard/sdk';
import { CliError, EXIT } from './exit-codes';
import { Output } from './output';
import { loadConfig, saveConfig, type Profile } from './profiles';

/** The options every command takes (`switchboard --profile work --json …`). */
export interface GlobalOptions {
  profile?: string;
  json?: boolean;
  url?: string;
}

export interface Context {
  sb: Switchboard;
  out: Output;
  profileName: string;
}

export function profileName(options: GlobalOptions): string {
  return options.profile ?? process.env.SWITCHBOARD_PROFILE ?? loadConfig().current ?? 'default';
}

/**
 * A client for the chosen profile. `SWITCHBOARD_API_KEY` and `SWITCHBOARD_URL` (or `--url`)
 * stand in for a profile; rotated tokens are written back to the profile.
 */
export function connect(options: GlobalOptions): Context {
  const out = new Output(!!options.json);
  const name = profileName(options);
  const stored: Profile | undefined = loadConfig().profiles[name];
  const url = options.url ?? process.env.SWITCHBOARD_URL ?? stored?.url;
  const apiKey = process.env.SWITCHBOARD_API_KEY ?? stored?.apiKey;
  const accessToken = stored?.accessToken;
  const credentials: Credentials | undefined = apiKey
    ? { apiKey }
    : accessToken
      ? { accessToken, refreshToken: stored?.refreshToken }
      : undefined;
  if (!url || !credentials) {
    throw new CliError(
      `not logged in (profile "${name}"): run \`switchboard login\` or set SWITCHBOARD_API_KEY`,
      EXIT.auth,
    );
  }
  const sb = new Switchboard({
    baseUrl: url,
    credentials,
    onTokens: (tokens) => {
      const config = loadConfig();
      const profile = config.profiles[name];
      if (!profile) return;
      config.profiles[name] = { ...profile, ...tokens };
      saveConfig(config);
    },
  });
  return { sb, out, profileName: name };
}
