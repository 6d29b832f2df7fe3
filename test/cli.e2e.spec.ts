import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { JSONCodec } from 'nats';
import { http, Platform, testNamespace, waitFor } from '@switchboard/testing';

/**
 * The `switchboard` CLI as a person and a script use it: separate processes against a running
 * platform, in a pseudo-terminal (util-linux `script`, present on every Debian/Ubuntu) where
 * the progress bar must show, and plainly (--json) where scripts read stdout and exit codes.
 */
const ns = testNamespace();
const CLI = resolve(__dirname, '../packages/cli/dist/main.js');
const ROWS = 10_000;
const BAD_EVERY = 1_000; // rows 1,000, 2,000, … have an invalid e-mail: 10 failed rows
let platform: Platform;
let dir: string;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

const unique = () => randomBytes(4).toString('hex');
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** Runs the CLI with its own config file; `tty` runs it in a pseudo-terminal via `script`. */
function cli(
  args: string[],
  {
    profile,
    tty = false,
    redirect,
    env: extraEnv = {},
  }: { profile: string; tty?: boolean; redirect?: string; env?: Record<string, string> },
): Promise<Run> {
  const env = {
    ...process.env,
    ...extraEnv,
    SWITCHBOARD_CONFIG: join(dir, 'config.json'),
    SWITCHBOARD_PROFILE: profile,
    SWITCHBOARD_PASSWORD: 'correct horse battery staple',
    SWITCHBOARD_URL: platform.gatewayUrl,
  };
  const command = [process.execPath, CLI, ...args].map(quote).join(' ');
  const child = tty
    ? // -e: script exits with the command's status; the pty is its stdout and stderr.
      spawn(
        'script',
        ['-q', '-e', '-c', redirect ? `${command} > ${quote(redirect)}` : command, '/dev/null'],
        { env, cwd: dir },
      )
    : spawn(process.execPath, [CLI, ...args], { env, cwd: dir });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

async function newProfile(): Promise<string> {
  const profile = `p-${unique()}`;
  const signup = await cli(
    [
      'signup',
      '--email',
      `cli-${unique()}@example.com`,
      '--name',
      'CLI',
      '--workspace-name',
      `CLI ${unique()}`,
    ],
    { profile },
  );
  expect(signup).toMatchObject({ code: 0 });
  expect(signup.stdout).toMatch(new RegExp(`Logged in as cli-.*; profile "${profile}"`));
  return profile;
}

function writeCsv(name: string, rows: number, badEvery = 0): { file: string; good: string[] } {
  const lines = ['First Name,Last Name,Email,Tags'];
  const good: string[] = [];
  for (let i = 1; i <= rows; i++) {
    const bad = badEvery > 0 && i % badEvery === 0;
    const email = bad ? `not-an-email-${i}` : `person-${i}@example.com`;
    if (!bad) good.push(email);
    lines.push(`Person,Number ${i},${email},cli`);
  }
  const file = join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return { file, good };
}

/** The e-mail column of a CSV export (header first), as a sorted list. */
function exportedEmails(csv: string): string[] {
  const [header, ...lines] = csv.trimEnd().split(/\r?\n/);
  const column = header.split(',').findIndex((h) => /^e-?mail$/i.test(h.trim()));
  expect(column).toBeGreaterThanOrEqual(0);
  return lines.map((l) => l.split(',')[column]).sort();
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'switchboard-cli-'));
  platform = new Platform(ns);
  // Exporting right after 10,000 rows landed: on a loaded test machine the contacts service
  // may take longer than the default 5 s for an export page.
  await Promise.all([
    platform.startOne('gateway', { RPC_TIMEOUT_MS: '30000' }),
    platform.startOne('contacts'),
    platform.startOne('segments'),
    // Parks the poison messages `dlq list|replay` works on.
    platform.startOne('activity'),
  ]);
});

afterAll(async () => {
  await platform?.stop();
});

describe('switchboard CLI', () => {
  it('previews and explains segments', async () => {
    const profile = await newProfile();
    const { file } = writeCsv('segment.csv', 3);
    expect((await cli(['contacts', 'import', file], { profile })).code).toBe(0);
    const filter = JSON.stringify({ field: 'email', op: 'eq', value: 'person-1@example.com' });
    // The segments service learns of contacts from their events.
    const preview = await waitFor(
      async () => {
        const run = await cli(['--json', 'segments', 'preview', '--filter', filter], { profile });
        const body = JSON.parse(run.stdout) as { count: number; sample: { contactId: string }[] };
        return run.code === 0 && body.count === 1 ? body : undefined;
      },
      { timeoutMs: 90_000, intervalMs: 1_000, what: 'the contact in a preview' },
    );
    const human = await cli(['segments', 'preview', '--filter', filter], { profile });
    expect(human.stdout).toMatch(
      /^1 contacts match\n {2}\S+ {2}Person Number 1 {2}person-1@example.com\n$/,
    );
    expect(
      (
        await cli(['segments', 'explain', 'no-such-segment', preview.sample[0].contactId], {
          profile,
        })
      ).code,
    ).toBe(4);
  });

  it('speaks JSON to scripts: no progress drawing, results on stdout, meaningful exit codes', async () => {
    const profile = await newProfile();
    const { file } = writeCsv('small.csv', 3);
    const imported = await cli(['--json', 'contacts', 'import', file], { profile });
    expect(imported.code).toBe(0);
    expect(imported.stderr).toBe('');
    expect(JSON.parse(imported.stdout)).toMatchObject({
      status: 'completed',
      total: 3,
      created: 3,
      failed: 0,
      failedFile: null,
    });

    const exported = await cli(['contacts', 'export', '--q', 'person-2'], { profile });
    expect(exported.code).toBe(0);
    expect(exportedEmails(exported.stdout)).toEqual(['person-2@example.com']);
    expect(exported.stderr).toBe('Exported 1 contacts\n');

    // A company column naming no company fails its row when asked: exit code "partial".
    const companies = join(dir, `companies-${unique()}.csv`);
    writeFileSync(companies, 'Name,Company\nAda,Initech\n');
    const strict = await cli(
      ['--json', 'contacts', 'import', companies, '--on-missing-company', 'fail'],
      { profile },
    );
    expect(JSON.parse(strict.stdout)).toMatchObject({ onMissingCompany: 'fail', failed: 1 });
    expect(strict.code).toBe(6);

    expect((await cli(['contacts', 'import', join(dir, 'missing.csv')], { profile })).code).toBe(2);
    expect((await cli(['contacts', 'frobnicate'], { profile })).code).toBe(2);
    const anonymous = await cli(['whoami'], { profile: `nobody-${unique()}` });
    expect(anonymous.code).toBe(3);
    expect(anonymous.stderr).toMatch(/not logged in/);
    const badFilter = await cli(
      ['segments', 'preview', '--filter', '{"field":"stage","op":"nope"}'],
      {
        profile,
      },
    );
    expect(badFilter.code).toBe(5);
    expect(badFilter.stderr).toMatch(/validation_failed/);
  });

  it('creates an integration and writes its creds file for the owner only', async () => {
    const profile = await newProfile();
    const run = await cli(['--json', 'integrations', 'create', 'mailer', '--kind', 'campaign'], {
      profile,
    });
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { id: string; credsFile: string; creds?: string };
    expect(result.creds).toBeUndefined(); // only in the file
    expect(result.credsFile).toBe(join(dir, 'mailer.creds')); // the working directory
    const creds = readFileSync(result.credsFile, 'utf8');
    expect(creds).toContain('-----BEGIN NATS USER JWT-----');
    expect(statSync(result.credsFile).mode & 0o777).toBe(0o600);
    // A second one never replaces the file silently.
    const again = await cli(['integrations', 'create', 'mailer', '--kind', 'campaign'], {
      profile,
    });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/could not be written/);
  });

  it('lists and replays dead letters for the owner, refuses others, exits by outcome', async () => {
    const profile = await newProfile();
    const me = JSON.parse((await cli(['--json', 'whoami'], { profile })).stdout) as {
      workspace: { id: string };
    };
    const ws = me.workspace.id;
    const nc = await ns.natsConnect();
    const messageId = `poison-${unique()}`;
    // An inbound message without its time: the activity service parks it (`invalid`).
    await nc
      .jetstream()
      .publish(
        `${ns.natsPrefix}messaging.${ws}.email.opened`,
        JSONCodec().encode({ id: messageId }),
      );
    await nc.close();
    type Listed = { items: { id: string; eventId: string | null; reason: string }[] };
    const listed = await waitFor(async () => {
      const run = await cli(['--json', 'dlq', 'list', '--consumer', 'activity-messaging'], {
        profile,
      });
      expect(run.code).toBe(0);
      const found = (JSON.parse(run.stdout) as Listed).items.find((d) => d.eventId === messageId);
      return found ?? undefined;
    });
    expect(listed.reason).toBe('invalid');

    const human = await cli(['dlq', 'list', '--reason', 'invalid'], { profile });
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^ID\s+PARKED\s+CONSUMER\s+REASON/);
    expect(human.stdout).toContain(`messaging.${ws}.email.opened`);

    const replayed = await cli(['--json', 'dlq', 'replay', listed.id], { profile });
    expect(replayed.code).toBe(0);
    expect(JSON.parse(replayed.stdout)).toMatchObject({
      items: [{ id: listed.id, outcome: 'replayed' }],
    });
    // Replaying again is no error (already done); a missing one is 4; a mix is 6.
    expect((await cli(['dlq', 'replay', listed.id], { profile })).code).toBe(0);
    expect((await cli(['dlq', 'replay', '999999999'], { profile })).code).toBe(4);
    expect((await cli(['dlq', 'replay', listed.id, '999999999'], { profile })).code).toBe(6);
    expect((await cli(['dlq', 'list', '--reason', 'bored'], { profile })).code).toBe(2);

    // An admin's API key: not an owner, refused (exit 3).
    const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as {
      profiles: Record<string, { accessToken: string }>;
    };
    const key = await http<{ key: string }>(platform.gatewayUrl, 'POST', '/v1/api-keys', {
      token: config.profiles[profile]?.accessToken,
      body: { name: `admin-${unique()}`, role: 'admin' },
    });
    expect(key.status).toBe(201);
    const refused = await cli(['dlq', 'list'], {
      profile: `key-${unique()}`,
      env: { SWITCHBOARD_API_KEY: key.body.key },
    });
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/owner/);
  });

  it('imports 10,000 rows with a progress bar, writes the failed rows, exports them back', async () => {
    const profile = await newProfile();
    const { file, good } = writeCsv('people.csv', ROWS, BAD_EVERY);

    const imported = await cli(['contacts', 'import', file], { profile, tty: true });
    // Finished, some rows failed (the output's end shows why otherwise).
    expect({ code: imported.code, end: imported.stdout.slice(-400) }).toEqual({
      code: 6,
      end: expect.stringContaining('Failed rows with their errors'),
    });
    // The bar, as drawn on the terminal: its last frame, then the summary.
    expect(imported.stdout).toMatch(
      /\[#{24}\]\s+100%\s+10,000\/10,000 rows\s+[\d,]+ rows\/s\s+done/,
    );
    expect(imported.stdout).toContain('Imported 9,990 of 10,000 rows (9,990 created');
    expect(imported.stdout).toContain(
      `Failed rows with their errors: ${join(dir, 'people.failed.csv')}`,
    );
    const failed = readFileSync(join(dir, 'people.failed.csv'), 'utf8').trimEnd().split(/\r?\n/);
    expect(failed[0]).toBe('First Name,Last Name,Email,Tags,row,error');
    expect(failed.slice(1)).toEqual(
      Array.from(
        { length: ROWS / BAD_EVERY },
        (_, i) =>
          `Person,Number ${(i + 1) * BAD_EVERY},not-an-email-${(i + 1) * BAD_EVERY},cli,${(i + 1) * BAD_EVERY},Email: not an email address`,
      ),
    );

    const out = join(dir, 'people-export.csv');
    const exported = await cli(['contacts', 'export', '--tags', 'cli'], {
      profile,
      tty: true,
      redirect: out,
    });
    expect({ code: exported.code, end: exported.stdout.slice(-300) }).toEqual({
      code: 0,
      end: expect.stringMatching(/9,990 contacts exported/),
    });
    expect(exportedEmails(readFileSync(out, 'utf8'))).toEqual([...good].sort());
  }, 400_000);
});
