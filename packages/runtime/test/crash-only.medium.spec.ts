import { spawn } from 'node:child_process';
import { join } from 'node:path';

/**
 * Crash-only processes (docs/decisions/0072): an error nothing handled is logged and the process
 * exits non-zero at once, for its supervisor to start a fresh one, instead of running on in an
 * unknown state (or, before, Node's default for an unhandled rejection with no log line of ours).
 */
const runtime = join(__dirname, '..', 'dist', 'bootstrap.js');

function run(fault: string): Promise<{ code: number | null; out: string }> {
  const script = `
    const { exitOnUnexpectedErrors } = require(${JSON.stringify(runtime)});
    exitOnUnexpectedErrors('probe', { LOG_LEVEL: 'info' });
    setInterval(() => undefined, 1000); // a server that would otherwise keep running
    setTimeout(() => { ${fault} }, 10);
  `;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, out }));
  });
}

describe('exitOnUnexpectedErrors', () => {
  it.each([
    ['unhandledRejection', "void Promise.reject(new Error('boom-rejection'));", 'boom-rejection'],
    ['uncaughtException', "throw new Error('boom-exception');", 'boom-exception'],
  ])('logs an %s and exits with status 70', async (kind, fault, message) => {
    const { code, out } = await run(fault);
    expect(code).toBe(70);
    const line = out
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { level: number; kind?: string; err?: { message?: string } })
      .find((l) => l.kind === kind);
    expect(line).toMatchObject({ level: 60, err: { message } });
  });
});
