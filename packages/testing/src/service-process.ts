import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePorts } from '@switchboard/local-infra';
import { waitFor } from './wait';

export const SERVICES = [
  'gateway',
  'contacts',
  'segments',
  'segment-worker',
  'deals',
  'tasks',
  'activity',
  'webhooks',
] as const;
export type ServiceName = (typeof SERVICES)[number];

const repoRoot = resolve(__dirname, '../../..');
/**
 * A loaded 2-core machine can take tens of seconds to load a service's modules;
 * SB_TEST_READY_TIMEOUT_MS gives a busier one more.
 */
const READY_TIMEOUT_MS = Number(process.env.SB_TEST_READY_TIMEOUT_MS ?? 90_000);

/**
 * One service as a real child process (`node services/<name>/dist/main.js`), for end-to-end
 * and crash tests. Its output goes to a log file whose tail is shown when it fails to start.
 */
export class ServiceProcess {
  private child?: ChildProcess;
  readonly logFile: string;
  url = '';

  constructor(
    readonly name: ServiceName,
    private env: Record<string, string>,
  ) {
    const dir = join(tmpdir(), 'switchboard-test-logs');
    mkdirSync(dir, { recursive: true });
    this.logFile = join(dir, `${env.NATS_PREFIX ?? ''}${name}.log`);
  }

  async start(extraEnv: Record<string, string> = {}): Promise<this> {
    const [port] = await freePorts(1);
    this.env = { ...this.env, HTTP_PORT: String(port) };
    this.url = `http://127.0.0.1:${port}`;
    const log = createWriteStream(this.logFile, { flags: 'a' });
    const child = spawn(
      process.execPath,
      // e.g. SWITCHBOARD_SERVICE_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" to profile.
      [...nodeArgs(), join(repoRoot, 'services', this.name, 'dist', 'main.js')],
      {
        env: { PATH: process.env.PATH ?? '', ...this.env, ...extraEnv },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    this.child = child;
    // A process that exits before it is ready fails the start at once (not after the timeout).
    let onExit: (() => void) | undefined;
    const exited = new Promise<never>((_, reject) => {
      onExit = () =>
        reject(new Error(`${this.name} exited with ${child.signalCode ?? child.exitCode}`));
      child.once('exit', onExit);
    });
    try {
      await Promise.race([
        exited,
        waitFor(
          async () => {
            // Gone: `exited` has already failed the start; stop polling.
            if (child.exitCode !== null || child.signalCode !== null) return true;
            const res = await fetch(`${this.url}/health/ready`).catch(() => undefined);
            return res?.status === 200;
          },
          { timeoutMs: READY_TIMEOUT_MS, intervalMs: 100, what: `${this.name} to be ready` },
        ),
      ]);
    } catch (err) {
      const tail = readFileSync(this.logFile, 'utf8').split('\n').slice(-30).join('\n');
      throw new Error(`${String(err)}\n--- ${this.name} log tail ---\n${tail}`);
    } finally {
      if (onExit) child.off('exit', onExit);
    }
    return this;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Sends a signal and waits for the process to be gone. SIGKILL simulates a crash. */
  async kill(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null)
      return child?.exitCode ?? null;
    const exited = new Promise<number | null>((res) => child.once('exit', (code) => res(code)));
    child.kill(signal);
    return exited;
  }

  /** Waits for the process to exit by itself (e.g. a fault-injected crash). */
  exited(timeoutMs = 15_000): Promise<NodeJS.Signals | number | null> {
    const child = this.child;
    if (!child) return Promise.resolve(null);
    if (child.exitCode !== null || child.signalCode !== null)
      return Promise.resolve(child.signalCode ?? child.exitCode);
    return new Promise((res, rej) => {
      const timer = setTimeout(() => rej(new Error(`${this.name} did not exit`)), timeoutMs);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        res(signal ?? code);
      });
    });
  }

  async stop(): Promise<void> {
    await this.kill('SIGTERM');
  }
}

/** Extra node flags for service processes (profiling): not allowed in NODE_OPTIONS. */
const nodeArgs = (): string[] =>
  (process.env.SWITCHBOARD_SERVICE_NODE_ARGS ?? '').split(' ').filter((a) => a.length > 0);
