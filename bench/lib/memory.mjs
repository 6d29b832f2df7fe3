// Resident memory of a process, from /proc (Linux): sampled while something runs, to report
// its peak. VmHWM would be the process's peak since it started, boot included; sampling shows
// the peak of the phase being measured.
import { readFileSync } from 'node:fs';

/** Resident set size of `pid` in bytes, or null if it cannot be read (not Linux, gone). */
export function rssBytes(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = /^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1];
    return kib ? Number(kib) * 1024 : null;
  } catch {
    return null;
  }
}

/** Samples the RSS of `pid` every `intervalMs` until stop(), which returns { first, peak, last }. */
export function sampleRss(pid, intervalMs = 100) {
  const first = rssBytes(pid);
  let peak = first ?? 0;
  let last = first;
  const timer = setInterval(() => {
    const now = rssBytes(pid);
    if (now === null) return;
    last = now;
    if (now > peak) peak = now;
  }, intervalMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      return { first, peak, last };
    },
  };
}

export const mib = (bytes) =>
  bytes === null || bytes === undefined ? null : Math.round((bytes / 2 ** 20) * 10) / 10;
