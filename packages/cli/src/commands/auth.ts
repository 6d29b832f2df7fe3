import { Switchboard, unwrap, type Session } from '@switchboard/sdk';
import type { Command } from 'commander';
import { connect, profileName, type GlobalOptions } from '../context';
import { CliError, EXIT } from '../exit-codes';
import { Output, table } from '../output';
import { loadConfig, saveConfig, saveProfile } from '../profiles';

const DEFAULT_URL = 'http://127.0.0.1:3000';

/** The password: `SWITCHBOARD_PASSWORD`, else the first line of stdin (never an argument). */
async function password(): Promise<string> {
  if (process.env.SWITCHBOARD_PASSWORD) return process.env.SWITCHBOARD_PASSWORD;
  if (process.stdin.isTTY) process.stderr.write('Password: ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const line = Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0];
  if (!line)
    throw new CliError('no password: set SWITCHBOARD_PASSWORD or pipe it on stdin', EXIT.usage);
  return line;
}

function keep(name: string, url: string, session: Session): void {
  saveProfile(name, {
    url,
    accessToken: session.accessToken,
    refreshToken: session.refreshToken,
    email: session.user.email,
    workspace: session.workspace.name,
  });
}

const sessionLine = (s: Session, name: string) =>
  `Logged in as ${s.user.email} in "${s.workspace.name}" (${s.workspace.id}); profile "${name}"`;

export function registerAuth(program: Command, globals: () => GlobalOptions): void {
  program
    .command('login')
    .description(
      'log in with e-mail and password (SWITCHBOARD_PASSWORD or stdin), or store an API key',
    )
    .option('--email <email>', 'the account e-mail')
    .option('--api-key <key>', 'an API key (sbk_…) instead of a user login')
    .option('--workspace <id>', 'the workspace, when the account belongs to several')
    .action(async (opts: { email?: string; apiKey?: string; workspace?: string }) => {
      const g = globals();
      const out = new Output(!!g.json);
      const name = profileName(g);
      const url = g.url ?? process.env.SWITCHBOARD_URL ?? DEFAULT_URL;
      if (opts.apiKey) {
        const sb = new Switchboard({ baseUrl: url, credentials: { apiKey: opts.apiKey } });
        const me = await unwrap(sb.api.GET('/v1/me'));
        saveProfile(name, { url, apiKey: opts.apiKey, workspace: me.workspace.name });
        out.result(
          { profile: name, url, workspace: me.workspace, role: me.role },
          () => `API key for "${me.workspace.name}" (${me.role}) stored in profile "${name}"`,
        );
        return;
      }
      if (!opts.email) throw new CliError('login needs --email or --api-key', EXIT.usage);
      const sb = new Switchboard({ baseUrl: url });
      const session = await sb.login({
        email: opts.email,
        password: await password(),
        ...(opts.workspace ? { workspaceId: opts.workspace } : {}),
      });
      keep(name, url, session);
      out.result({ profile: name, url, user: session.user, workspace: session.workspace }, () =>
        sessionLine(session, name),
      );
    });

  program
    .command('signup')
    .description(
      'create a workspace and its owner (password from SWITCHBOARD_PASSWORD or stdin), and log in',
    )
    .requiredOption('--email <email>', 'the owner e-mail')
    .requiredOption('--name <name>', 'the owner name')
    .requiredOption('--workspace-name <name>', 'the new workspace')
    .action(async (opts: { email: string; name: string; workspaceName: string }) => {
      const g = globals();
      const name = profileName(g);
      const url = g.url ?? process.env.SWITCHBOARD_URL ?? DEFAULT_URL;
      const sb = new Switchboard({ baseUrl: url });
      const session = await sb.signUp({
        email: opts.email,
        password: await password(),
        name: opts.name,
        workspaceName: opts.workspaceName,
      });
      keep(name, url, session);
      new Output(!!g.json).result(
        { profile: name, url, user: session.user, workspace: session.workspace },
        () => sessionLine(session, name),
      );
    });

  program
    .command('logout')
    .description('end the session (user logins) and forget the profile')
    .action(async () => {
      const g = globals();
      const config = loadConfig();
      const name = profileName(g);
      const profile = config.profiles[name];
      if (!profile) throw new CliError(`no profile "${name}"`, EXIT.usage);
      if (profile.refreshToken) {
        const { sb } = connect(g);
        await unwrap(
          sb.api.POST('/v1/auth/logout', { body: { refreshToken: profile.refreshToken } }),
        ).catch(() => undefined); // an expired session is as good as ended
      }
      delete config.profiles[name];
      if (config.current === name) config.current = undefined;
      saveConfig(config);
      new Output(!!g.json).result(
        { profile: name, removed: true },
        () => `Profile "${name}" removed`,
      );
    });

  program
    .command('profiles')
    .description('list the stored profiles (* = current)')
    .action(() => {
      const config = loadConfig();
      const rows = Object.entries(config.profiles).map(([name, p]) => ({
        name,
        current: name === config.current,
        url: p.url,
        auth: p.apiKey ? 'api key' : 'user',
        who: p.email ?? '',
        workspace: p.workspace ?? '',
      }));
      new Output(!!globals().json).result(rows, (list) =>
        list.length === 0
          ? 'No profiles: run `switchboard login`'
          : table(
              ['', 'PROFILE', 'URL', 'AUTH', 'USER', 'WORKSPACE'],
              list.map((r) => [r.current ? '*' : '', r.name, r.url, r.auth, r.who, r.workspace]),
            ),
      );
    });

  program
    .command('whoami')
    .description('the user or API key of the profile, its workspace and role')
    .action(async () => {
      const { sb, out, profileName: name } = connect(globals());
      const me = await unwrap(sb.api.GET('/v1/me'));
      out.result(
        me,
        (m) =>
          `${m.user?.email ?? 'API key'} in "${m.workspace.name}" as ${m.role} (profile "${name}")`,
      );
    });
}
