import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { sleep } from './net';

/** Every child still alive, SIGKILLed synchronously if this process exits with them running. */
const live = new Set<ChildProcess>();
let exitHookInstalled = false;

function killAllSync(): void {
  for (const proc of live) {
    try {
      proc.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
  live.clear();
}

function track(proc: ChildProcess): void {
  if (!exitHookInstalled) {
    // 'exit' handlers must be synchronous; kill(2) is.
    process.on('exit', killAllSync);
    exitHookInstalled = true;
  }
  live.add(proc);
}

export interface ChildSpec {
  name: string;
  command: string;
  args: string[];
  /** stdout and stderr of the child are appended to this file */
  logFile: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * A long-running server process. It is deliberately NOT detached: it stays in our
 * process group, so a terminal Ctrl-C (SIGINT to the foreground group) reaches it
 * directly, even when this Node process dies from the signal without running
 * 'exit' handlers. Its output goes straight to a log file (no pipes to drain).
 */
export class ManagedChild {
  readonly name: string;
  readonly command: string;
  readonly logFile: string;
  readonly proc: ChildProcess;
  /** resolves once the process is gone (or failed to spawn) */
  readonly exited: Promise<void>;
  exitDescription: string | undefined;
  private readonly logStart: number;
  private stopping: Promise<void> | undefined;

  constructor(spec: ChildSpec) {
    this.name = spec.name;
    this.command = spec.command;
    this.logFile = spec.logFile;
    const fd = openSync(spec.logFile, 'a');
    try {
      this.logStart = fstatSync(fd).size;
      this.proc = spawn(spec.command, spec.args, {
        stdio: ['ignore', fd, fd],
        env: spec.env ?? process.env,
        detached: false,
        windowsHide: true,
      });
    } finally {
      closeSync(fd); // the child has its own copy
    }
    track(this.proc);
    this.exited = new Promise<void>((resolve) => {
      const proc = this.proc;
      const finish = (description: string) => {
        if (this.exitDescription === undefined) this.exitDescription = description;
        live.delete(proc);
        resolve();
      };
      proc.once('error', (err) => {
        // spawn failure (ENOENT, EACCES): there will be no 'exit' event
        if (proc.pid === undefined) finish(`failed to start: ${err.message}`);
      });
      proc.once('exit', (code, signal) =>
        finish(signal ? `killed by ${signal}` : `exited with code ${code}`),
      );
    });
  }

  get pid(): number | undefined {
    return this.proc.pid;
  }

  get running(): boolean {
    return this.exitDescription === undefined;
  }

  /** Last lines this child wrote to its log during this run. */
  tail(maxLines = 30): string {
    try {
      const fd = openSync(this.logFile, 'r');
      try {
        const size = fstatSync(fd).size;
        const start = Math.max(this.logStart, size - 64 * 1024);
        const buf = Buffer.alloc(size - start);
        readSync(fd, buf, 0, buf.length, start);
        const lines = buf.toString('utf8').split('\n');
        if (lines[lines.length - 1] === '') lines.pop();
        return lines.slice(-maxLines).join('\n');
      } finally {
        closeSync(fd);
      }
    } catch {
      return '';
    }
  }

  /** SIGTERM, then SIGKILL if still alive after `graceMs`. Idempotent. */
  stop(graceMs = 5000): Promise<void> {
    if (!this.stopping) {
      this.stopping = (async () => {
        if (!this.running) return;
        this.proc.kill('SIGTERM');
        let timer: NodeJS.Timeout | undefined;
        const timedOut = await Promise.race([
          this.exited.then(() => false),
          new Promise<boolean>((resolve) => {
            timer = setTimeout(() => resolve(true), graceMs);
          }),
        ]);
        clearTimeout(timer);
        if (timedOut && this.running) {
          this.proc.kill('SIGKILL');
          await this.exited;
        }
      })();
    }
    return this.stopping;
  }

  /**
   * Polls `check` until it returns true. Fails early if the child exits, and after
   * `timeoutMs` (the child is then killed); the error carries the end of its log.
   */
  async waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (!this.running) {
        throw new Error(
          `${this.name} (${this.command}) ${this.exitDescription} before ${what}. ` +
            `Last output (${this.logFile}):\n${this.tail()}`,
        );
      }
      if (await check()) return;
      if (Date.now() >= deadline) {
        await this.stop(1000);
        throw new Error(
          `${this.name} (${this.command}) was not ${what} after ${Math.round(timeoutMs / 1000)} s. ` +
            `Last output (${this.logFile}):\n${this.tail()}`,
        );
      }
      await sleep(100);
    }
  }
}
