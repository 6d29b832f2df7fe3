// Closed-loop load generation for benchmarks: a fixed number of requests in flight, bounded in
// count and in time, with per-request latencies kept for percentiles.
import { performance } from 'node:perf_hooks';

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export const round = (x, digits) =>
  Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : null;

/** Nearest-rank percentile of an ascending array (q in 0..1). */
export function percentile(sorted, q) {
  if (sorted.length === 0) return NaN;
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1];
}

/** A short label for a failure, to count failures by kind (HTTP status, AppError code, …). */
function kindOf(err) {
  if (err && typeof err === 'object') {
    if (typeof err.kind === 'string') return err.kind;
    if (typeof err.code === 'string' || typeof err.code === 'number') return String(err.code);
    if (typeof err.name === 'string') return err.name;
  }
  return 'error';
}

/**
 * Runs `op(i)` for i = 0 … count-1 with `concurrency` calls in flight, until `count` calls
 * were made, `maxMs` elapsed or `signal` aborted, whichever comes first. A call that throws is
 * an error; its latency is not part of the percentiles. `op` must bound its own duration
 * (a client-side timeout), so the whole run is bounded by maxMs plus one such timeout.
 * Returns a sample; `summarize()` turns one or several samples into a figure.
 */
export async function measure({ concurrency, count, maxMs, signal, op }) {
  const latencies = [];
  const errorKinds = {};
  const errorSamples = [];
  let errors = 0;
  let next = 0;
  let stoppedBy = 'count';
  const start = performance.now();
  const deadline = start + maxMs;

  async function worker() {
    for (;;) {
      if (next >= count) return;
      if (signal?.aborted) {
        stoppedBy = 'aborted';
        return;
      }
      if (performance.now() > deadline) {
        stoppedBy = 'time';
        return;
      }
      const i = next++;
      const t0 = performance.now();
      try {
        await op(i);
        latencies.push(performance.now() - t0);
      } catch (err) {
        errors++;
        const kind = kindOf(err);
        errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
        if (errorSamples.length < 3) errorSamples.push(`${kind}: ${err?.message ?? String(err)}`);
      }
    }
  }

  await Promise.all(Array.from({ length: concurrency }, () => worker()));
  return {
    concurrency,
    requests: latencies.length + errors,
    latencies,
    errors,
    errorKinds,
    errorSamples,
    stoppedBy,
    durationMs: performance.now() - start,
  };
}

/** Throughput, latency percentiles and errors over samples of the same operation. */
export function summarize(samples) {
  const latencies = samples.flatMap((s) => s.latencies).sort((a, b) => a - b);
  const durationMs = samples.reduce((sum, s) => sum + s.durationMs, 0);
  const errorKinds = {};
  for (const s of samples)
    for (const [kind, n] of Object.entries(s.errorKinds))
      errorKinds[kind] = (errorKinds[kind] ?? 0) + n;
  const errors = samples.reduce((sum, s) => sum + s.errors, 0);
  const limited = samples.find((s) => s.stoppedBy !== 'count');
  return {
    concurrency: samples[0]?.concurrency ?? null,
    requests: latencies.length + errors,
    ok: latencies.length,
    errors,
    errorKinds,
    errorSamples: samples.flatMap((s) => s.errorSamples).slice(0, 3),
    stoppedBy: limited ? limited.stoppedBy : 'count',
    rounds: samples.length,
    durationMs: round(durationMs, 1),
    rps: round(latencies.length / (durationMs / 1000), 1),
    p50Ms: round(percentile(latencies, 0.5), 2),
    p99Ms: round(percentile(latencies, 0.99), 2),
    maxMs: round(latencies[latencies.length - 1] ?? NaN, 2),
  };
}

/**
 * Open-loop load: starts `op(i)` at a fixed `rate` per second for `durationMs`, whatever the
 * answers take, so a slow server builds a queue instead of slowing the load down (no
 * coordinated omission). Latency counts from the planned start. Bounded: at most
 * `maxInFlight` calls at once (a call that would exceed it counts as an `overload` error),
 * and the run ends `durationMs` plus the calls' own timeout after it began.
 */
export async function measureRate({ rate, durationMs, maxInFlight = 512, signal, op }) {
  const latencies = [];
  const errorKinds = {};
  const errorSamples = [];
  let errors = 0;
  let inFlight = 0;
  const pending = [];
  const start = performance.now();
  const count = Math.floor((rate * durationMs) / 1000);
  const fail = (kind, message) => {
    errors++;
    errorKinds[kind] = (errorKinds[kind] ?? 0) + 1;
    if (errorSamples.length < 3) errorSamples.push(`${kind}: ${message}`);
  };
  let stoppedBy = 'count';
  for (let i = 0; i < count; i++) {
    if (signal?.aborted) {
      stoppedBy = 'aborted';
      break;
    }
    const planned = start + (i * 1000) / rate;
    const wait = planned - performance.now();
    if (wait > 1) await sleep(wait);
    if (inFlight >= maxInFlight) {
      fail('overload', `more than ${maxInFlight} calls in flight`);
      continue;
    }
    inFlight++;
    pending.push(
      op(i)
        .then(
          () => latencies.push(performance.now() - planned),
          (err) => fail(kindOf(err), err?.message ?? String(err)),
        )
        .finally(() => inFlight--),
    );
  }
  await Promise.all(pending);
  return {
    concurrency: null,
    targetRps: rate,
    requests: latencies.length + errors,
    latencies,
    errors,
    errorKinds,
    errorSamples,
    stoppedBy,
    durationMs: performance.now() - start,
  };
}
