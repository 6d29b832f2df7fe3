import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { waitFor } from '@switchboard/testing';

const examples = resolve(__dirname, '../../examples');

/**
 * One of the `examples/` scripts as a child process, run exactly as its README says, with
 * `--json` output: each stdout line is one JSON object the test can wait for.
 */
export class ExampleProcess<T = Record<string, unknown>> {
  readonly lines: T[] = [];
  stderr = '';
  private readonly child: ChildProcess;
  private readonly exited: Promise<number | null>;

  constructor(script: string, args: Record<string, string>) {
    const argv = Object.entries(args).flatMap(([k, v]) => [`--${k}`, v]);
    this.child = spawn(process.execPath, [resolve(examples, script), ...argv, '--json'], {
      env: { PATH: process.env.PATH ?? '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let buffered = '';
    this.child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const parts = buffered.split('\n');
      buffered = parts.pop() ?? '';
      for (const line of parts.filter(Boolean)) this.lines.push(JSON.parse(line) as T);
    });
    this.child.stderr?.on('data', (chunk: Buffer) => (this.stderr += chunk.toString('utf8')));
    this.exited = new Promise((done) => this.child.once('exit', (code) => done(code)));
  }

  waitFor(match: (line: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
    return waitFor(
      () => {
        if (this.child.exitCode !== null && !this.lines.some(match))
          throw new Error(`exited with ${this.child.exitCode}: ${this.stderr}`);
        return this.lines.find(match);
      },
      { timeoutMs, what: `${what} (stderr: ${this.stderr.slice(-500)})` },
    );
  }

  /** Waits for the script to end by itself: its exit code. */
  exit(): Promise<number | null> {
    return this.exited;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
    await this.exited;
  }
}
