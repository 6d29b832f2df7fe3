// `pnpm fuzz [jest options…]`: the fuzz suite (test/fuzz/api.fuzz.e2e.spec.ts) for longer than
// `pnpm test` runs it. Settings, all optional:
//   FUZZ_SEED           the run's seed (default: a fresh one, printed first and last)
//   FUZZ_RUNS           requests per operation (default 200; `pnpm test` runs 8)
//   FUZZ_TIME_LIMIT_MS  time per operation, shrinking included (default 180000)
// Jest options pass through, e.g. `pnpm fuzz -t 'POST /v1/contacts'` for one operation.
// A failure prints the operation, the shrunk request, the answer and the services' log lines.
import { spawn } from 'node:child_process';
import { randomInt } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const env = {
  ...process.env,
  FUZZ_SEED: process.env.FUZZ_SEED ?? String(randomInt(1, 2 ** 31 - 1)),
  FUZZ_RUNS: process.env.FUZZ_RUNS ?? '200',
  FUZZ_TIME_LIMIT_MS: process.env.FUZZ_TIME_LIMIT_MS ?? '180000',
};
const seedLine = `FUZZ_SEED=${env.FUZZ_SEED} FUZZ_RUNS=${env.FUZZ_RUNS} FUZZ_TIME_LIMIT_MS=${env.FUZZ_TIME_LIMIT_MS}`;
process.stdout.write(`[fuzz] ${seedLine}\n`);

const child = spawn(
  process.execPath,
  [
    join(root, 'node_modules/jest/bin/jest.js'),
    '--selectProjects',
    'e2e',
    '--runInBand',
    '--testTimeout',
    String(Number(env.FUZZ_TIME_LIMIT_MS) + 60_000),
    ...process.argv.slice(2),
    '--runTestsByPath',
    'test/fuzz/api.fuzz.e2e.spec.ts',
  ],
  { cwd: root, env, stdio: 'inherit' },
);
child.on('exit', (code, signal) => {
  process.stdout.write(
    `[fuzz] ${code === 0 ? 'passed' : 'FAILED'}; replay with: ${seedLine} pnpm fuzz\n`,
  );
  process.exit(code ?? (signal ? 1 : 0));
});
