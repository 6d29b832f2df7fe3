// `pnpm bench [filter…]`: runs every `bench/*.bench.mjs` (or those whose file or exported name
// contains a filter) against local infrastructure started once for the whole run, prints each
// figure next to its baseline measured in the same run, and writes bench/results/latest.json.
//
// A benchmark module exports `name`, `async function run(ctx)` and, optionally, `timeoutMs`
// (its time budget when BENCH_TIMEOUT_MS does not set one). It reports as it goes, so a
// benchmark that fails half-way still shows what it measured:
//   ctx.figure(f)   f: a lib/load.mjs `summarize()` result plus `name` and, optionally,
//                   `baseline`: the name of another figure of the same benchmark
//   ctx.note(text)  a remark printed under the figures
//   ctx.params(obj) the benchmark's settings (concurrency, request counts, …)
// and may also return { figures?, notes?, params? }. ctx further offers:
//   infra     { mongoUrl, natsUrl, natsAuth, redisUrl, kinds } (SB_TEST_* variables are set too)
//   require   CommonJS require from the repository root (@switchboard/*, nats, mongoose, …)
//   signal    AbortSignal: aborted when the benchmark runs out of time or the run is stopped
//   deadline  Date.now() value by which the benchmark should be done measuring
//   onCleanup(fn)  runs fn after the benchmark, also when it fails (last registered, first run)
//   log(line)      progress to stderr
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = resolve(benchDir, '..');
const require = createRequire(join(root, 'package.json'));
const { startInfrastructure } = require('@switchboard/local-infra');
const { exportTestInfra } = require('@switchboard/testing');

/** Time one benchmark may take, set-up and tear-down included (a module may ask for more). */
const BENCH_TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 150_000);
const timeoutOf = (mod) =>
  process.env.BENCH_TIMEOUT_MS ? BENCH_TIMEOUT_MS : (mod.timeoutMs ?? BENCH_TIMEOUT_MS);
/** How long a cleanup step may take before the next one runs anyway. */
const CLEANUP_TIMEOUT_MS = 20_000;

const log = (line) => process.stderr.write(`[bench] ${line}\n`);
const out = (line = '') => process.stdout.write(`${line}\n`);

// ---------------------------------------------------------------------------------------------
// Cleanup: everything started is stopped at the end, on failure, and on SIGINT/SIGTERM.

const cleanups = [];
let infra;

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} took longer than ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

async function runCleanups() {
  while (cleanups.length > 0) {
    const fn = cleanups.pop();
    try {
      await withTimeout(Promise.resolve().then(fn), CLEANUP_TIMEOUT_MS, 'cleanup');
    } catch (err) {
      log(`cleanup failed: ${err?.message ?? err}`);
    }
  }
}

let shuttingDown;
async function shutdown(code) {
  shuttingDown ??= (async () => {
    currentAbort?.abort(new Error('run stopped'));
    await runCleanups();
    try {
      await infra?.stop();
    } catch (err) {
      log(`stopping the infrastructure failed: ${err?.message ?? err}`);
    }
  })();
  await shuttingDown;
  process.exit(code);
}

let currentAbort;
for (const [signal, code] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
]) {
  process.on(signal, () => {
    if (shuttingDown) process.exit(code); // second signal: leave now (children get SIGKILL)
    log(`${signal}: stopping`);
    void shutdown(code);
  });
}
process.on('uncaughtException', (err) => {
  log(`uncaught exception: ${err?.stack ?? err}`);
  void shutdown(1);
});
process.on('unhandledRejection', (err) => {
  log(`unhandled rejection: ${err?.stack ?? err}`);
  void shutdown(1);
});

// ---------------------------------------------------------------------------------------------
// Discovery

async function discover(filters) {
  const files = readdirSync(benchDir)
    .filter((f) => f.endsWith('.bench.mjs'))
    .sort();
  const modules = [];
  for (const file of files) {
    const mod = await import(pathToFileURL(join(benchDir, file)).href);
    if (typeof mod.run !== 'function' || typeof mod.name !== 'string') {
      throw new Error(`${file} must export \`name\` (string) and \`async function run(ctx)\``);
    }
    modules.push({ file, name: mod.name, run: mod.run, timeoutMs: mod.timeoutMs });
  }
  if (filters.length === 0) return { all: modules, selected: modules };
  const selected = modules.filter((m) =>
    filters.some((f) => basename(m.file, '.bench.mjs').includes(f) || m.name.includes(f)),
  );
  return { all: modules, selected };
}

// ---------------------------------------------------------------------------------------------
// Reporting

const fmt = (x, digits) => (x === null || x === undefined ? '—' : x.toFixed(digits));
const ratio = (a, b) => (a && b ? Math.round((a / b) * 100) / 100 : null);

function withRatios(figures) {
  const byName = new Map(figures.map((f) => [f.name, f]));
  return figures.map((f) => {
    const base = f.baseline ? byName.get(f.baseline) : undefined;
    if (f.baseline && !base) return { ...f, ratios: null, baselineMissing: true };
    if (!base) return f;
    return {
      ...f,
      ratios: {
        rps: ratio(f.rps, base.rps),
        p50: ratio(f.p50Ms, base.p50Ms),
        p99: ratio(f.p99Ms, base.p99Ms),
      },
    };
  });
}

function table(rows, aligns) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows.map((r) =>
    r
      .map((cell, i) =>
        aligns[i] === 'l' ? String(cell).padEnd(widths[i]) : String(cell).padStart(widths[i]),
      )
      .join('  ')
      .trimEnd(),
  );
}

function printBenchmark(result) {
  out();
  out(`== ${result.name} (${result.file}, ${(result.durationMs / 1000).toFixed(1)} s) ==`);
  if (Object.keys(result.params).length) out(`   ${JSON.stringify(result.params)}`);
  if (!result.ok) out(`   FAILED: ${result.error}`);
  const figures = result.figures ?? [];
  if (figures.length > 0) {
    const byName = new Map(figures.map((f) => [f.name, f]));
    const rows = [
      [
        'figure',
        'req/s',
        'p50 ms',
        'p99 ms',
        'errors',
        '│',
        'baseline',
        'req/s',
        'p50 ms',
        'p99 ms',
        '│',
        'req/s ×',
        'p50 ×',
        'p99 ×',
      ],
    ];
    for (const f of figures) {
      const b = f.baseline ? byName.get(f.baseline) : undefined;
      rows.push([
        f.name,
        fmt(f.rps, 1),
        fmt(f.p50Ms, 2),
        fmt(f.p99Ms, 2),
        `${f.errors}/${f.requests}`,
        '│',
        f.baseline ? (b ? f.baseline : `${f.baseline} (missing)`) : '—',
        fmt(b?.rps, 1),
        fmt(b?.p50Ms, 2),
        fmt(b?.p99Ms, 2),
        '│',
        fmt(f.ratios?.rps, 2),
        fmt(f.ratios?.p50, 2),
        fmt(f.ratios?.p99, 2),
      ]);
    }
    const lines = table(rows, [
      'l',
      'r',
      'r',
      'r',
      'r',
      'l',
      'l',
      'r',
      'r',
      'r',
      'l',
      'r',
      'r',
      'r',
    ]);
    out(`   ${lines[0]}`);
    out(`   ${'─'.repeat(lines[0].length)}`);
    for (const line of lines.slice(1)) out(`   ${line}`);
    for (const f of figures) {
      const extra = [];
      if (f.stoppedBy && f.stoppedBy !== 'count')
        extra.push(`stopped by ${f.stoppedBy} after ${f.requests} requests`);
      if (f.errors > 0) extra.push(`errors ${JSON.stringify(f.errorKinds)}: ${f.errorSamples[0]}`);
      if (extra.length) out(`   ! ${f.name}: ${extra.join('; ')}`);
    }
  }
  for (const note of result.notes ?? []) out(`   · ${note}`);
}

// ---------------------------------------------------------------------------------------------
// Main

async function runOne(mod) {
  const abort = new AbortController();
  currentAbort = abort;
  const started = Date.now();
  const timeoutMs = timeoutOf(mod);
  const deadline = started + timeoutMs - CLEANUP_TIMEOUT_MS;
  const ctx = {
    infra: {
      mongoUrl: infra.mongoUrl,
      natsUrl: infra.natsUrl,
      natsAuth: infra.natsAuth,
      redisUrl: infra.redisUrl,
      kinds: infra.kinds,
    },
    require,
    signal: abort.signal,
    deadline,
    onCleanup: (fn) => cleanups.push(fn),
    log: (line) => log(`${mod.name}: ${line}`),
  };
  let timer;
  const timedOut = new Promise((_, reject) => {
    timer = setTimeout(() => {
      abort.abort(new Error('out of time'));
      reject(new Error(`did not finish within ${timeoutMs} ms`));
    }, timeoutMs - CLEANUP_TIMEOUT_MS);
  });
  const result = { file: mod.file, name: mod.name, ok: false, params: {}, figures: [], notes: [] };
  // Reports that arrive after the benchmark was given up on are dropped.
  let open = true;
  ctx.figure = (figure) => void (open && result.figures.push(figure));
  ctx.note = (text) => void (open && result.notes.push(text));
  ctx.params = (params) => void (open && Object.assign(result.params, params));
  try {
    const value = await Promise.race([mod.run(ctx), timedOut]);
    if (value?.params) ctx.params(value.params);
    for (const f of value?.figures ?? []) ctx.figure(f);
    for (const n of value?.notes ?? []) ctx.note(n);
    if (result.figures.length === 0) throw new Error('the benchmark reported no figures');
    result.ok = true;
  } catch (err) {
    result.error = err?.message ?? String(err);
    log(`${mod.name} failed: ${err?.stack ?? err}`);
  } finally {
    clearTimeout(timer);
    open = false;
    abort.abort(new Error('benchmark finished'));
    await runCleanups();
    currentAbort = undefined;
  }
  result.figures = withRatios(result.figures);
  result.durationMs = Date.now() - started;
  return result;
}

async function main() {
  const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const { all, selected } = await discover(filters);
  if (selected.length === 0) {
    out(
      `no benchmark matches ${filters.join(', ')}; there are: ${all.map((m) => m.name).join(', ')}`,
    );
    process.exit(2);
  }

  const cpus = os.cpus();
  const machine = {
    cores: os.availableParallelism?.() ?? cpus.length,
    cpuModel: cpus[0]?.model?.trim() ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
  out(
    `Switchboard benchmarks: ${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGiB} GiB`,
  );
  out(`Node ${machine.node} on ${machine.platform}`);

  const startedAt = new Date();
  const infraStart = Date.now();
  infra = await startInfrastructure({ log: (line) => log(`infra: ${line}`) });
  // SB_TEST_* (and the NATS auth root): testNamespace() in the benchmarks mints NATS creds.
  exportTestInfra(infra);
  out(
    `infrastructure: mongo=${infra.kinds.mongo} nats=${infra.kinds.nats} redis=${infra.kinds.redis} ` +
      `(up in ${((Date.now() - infraStart) / 1000).toFixed(1)} s)`,
  );

  const results = [];
  for (const mod of selected) {
    log(`running ${mod.name} (${mod.file})`);
    const result = await runOne(mod);
    results.push(result);
    printBenchmark(result);
  }

  const infrastructure = { ...infra.kinds };
  await infra.stop();
  infra = undefined;

  return {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    machine,
    infrastructure,
    benchmarks: results,
  };
}

/**
 * JSON as the repository's Prettier writes it, so `pnpm format:check` accepts the file (its root
 * ignore files do not see bench/.gitignore); plain JSON when Prettier is not installed.
 */
async function asJson(value, file) {
  const text = `${JSON.stringify(value, null, 2)}\n`;
  try {
    const prettier = require('prettier');
    const options = (await prettier.resolveConfig(file)) ?? {};
    return await prettier.format(text, { ...options, filepath: file });
  } catch {
    return text;
  }
}

try {
  const report = await main();
  const resultsDir = join(benchDir, 'results');
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, 'latest.json');
  writeFileSync(file, await asJson(report, file));
  out();
  out(`results written to ${file}`);
  const failed = report.benchmarks.filter((b) => !b.ok);
  await shutdown(failed.length > 0 ? 1 : 0);
} catch (err) {
  log(`bench run failed: ${err?.stack ?? err}`);
  await shutdown(1);
}
