import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePorts } from '@switchboard/local-infra';
import { http, newContact, signUp, testInfra, waitFor } from '@switchboard/testing';

/**
 * The real local launcher (`pnpm start` runs deploy/local/start.mjs) with its own data dir,
 * ports, NATS and Redis (on the run's MongoDB): a service process it started is SIGKILLed, and
 * the launcher starts it again instead of stopping the platform; what was acknowledged before
 * the crash is still there and the gateway takes writes again (decision 0072).
 */
const root = resolve(__dirname, '..');
const dataDir = mkdtempSync(join(tmpdir(), 'switchboard-launcher-'));
let launcher: ChildProcess;
let output = '';
let gatewayUrl: string;
let portBase: number;

/** Six consecutive free ports for the services behind the gateway (SERVICE_PORT_BASE). */
async function consecutiveFreePorts(count: number): Promise<number> {
  const listens = (port: number) =>
    new Promise<boolean>((res) => {
      const server = createServer();
      server.once('error', () => res(false));
      server.listen(port, '127.0.0.1', () => server.close(() => res(true)));
    });
  for (;;) {
    const base = 20_000 + Math.floor(Math.random() * 30_000);
    let free = true;
    for (let p = base; p < base + count && free; p++) free = await listens(p);
    if (free) return base;
  }
}

/** Output lines of the launcher as they come, waited for by content (no fixed sleeps). */
const printed = (pattern: RegExp, what: string, timeoutMs = 150_000) =>
  waitFor(() => pattern.exec(output) ?? undefined, { timeoutMs, intervalMs: 100, what });

/** The pid of the launcher's child running `services/<name>/dist/main.js`. */
function servicePid(name: string): number | undefined {
  const main = join('services', name, 'dist', 'main.js');
  for (const entry of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== launcher.pid) continue;
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(main)) return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  return undefined;
}

const ready = (url: string) =>
  waitFor(async () => (await fetch(`${url}/health/ready`).catch(() => undefined))?.status === 200, {
    timeoutMs: 120_000,
    intervalMs: 200,
    what: `${url} to be ready`,
  });

beforeAll(async () => {
  const [gatewayPort, nats, redis] = await freePorts(3);
  portBase = await consecutiveFreePorts(6);
  gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
  launcher = spawn(process.execPath, [join(root, 'deploy', 'local', 'start.mjs')], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      SWITCHBOARD_DATA_DIR: dataDir,
      GATEWAY_PORT: String(gatewayPort),
      SERVICE_PORT_BASE: String(portBase),
      LOCAL_NATS_PORT: String(nats),
      LOCAL_REDIS_PORT: String(redis),
      // The run's MongoDB: the launcher's services use the default switchboard_<service>
      // databases, which no other test file does (they use t<id>_<service>).
      MONGO_URL: testInfra().mongoUrl,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  launcher.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  launcher.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await printed(/Switchboard is up/, 'the launcher to report the platform up').catch((err) => {
    throw new Error(`${String(err)}\n--- launcher output ---\n${output.slice(-4000)}`);
  });
});

afterAll(async () => {
  if (launcher && launcher.exitCode === null && launcher.signalCode === null) {
    const exited = new Promise((res) => launcher.once('exit', res));
    launcher.kill('SIGTERM'); // it stops its services and its NATS and Redis
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

it('restarts a SIGKILLed service; nothing acknowledged is lost and the gateway takes writes', async () => {
  const session = await signUp(gatewayUrl);
  const before = await newContact(gatewayUrl, session.accessToken);

  const pid = servicePid('contacts');
  expect(pid).toBeDefined();
  process.kill(pid!, 'SIGKILL');
  await printed(/contacts\s+exited \(SIGKILL\); restarting in \d+ ms/, 'the restart notice');
  const again = await waitFor(() => servicePid('contacts'), {
    timeoutMs: 30_000,
    what: 'a new contacts process',
  });
  expect(again).not.toBe(pid);
  await ready(`http://127.0.0.1:${portBase}`); // contacts' own /health/ready
  await ready(gatewayUrl);

  const after = await waitFor(
    async () => {
      const res = await http<{ id: string }>(gatewayUrl, 'POST', '/v1/contacts', {
        token: session.accessToken,
        body: { firstName: 'After', channels: [{ type: 'email', value: 'after@example.com' }] },
      });
      return res.status === 201 ? res.body : undefined;
    },
    { timeoutMs: 60_000, intervalMs: 250, what: 'a write through the gateway' },
  );
  for (const id of [before.id, after.id]) {
    const res = await http(gatewayUrl, 'GET', `/v1/contacts/${id}`, { token: session.accessToken });
    expect({ id, status: res.status }).toEqual({ id, status: 200 });
  }
  expect(launcher.exitCode).toBeNull();
});
