/** One sample of the Prometheus text exposition format. */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const LINE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/;
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/** Parses `/metrics` text into samples (comments skipped). */
export function parseMetrics(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line.length > 0 && !line.startsWith('#'))
    .flatMap((line) => {
      const m = LINE.exec(line);
      if (!m) return [];
      const labels: Record<string, string> = {};
      for (const [, key, value] of (m[2] ?? '').matchAll(LABEL)) labels[key] = value;
      return [{ name: m[1], labels, value: Number(m[3]) }];
    });
}

/** Samples of one series name whose labels include `match`. */
export const samplesOf = (
  samples: Sample[],
  name: string,
  match: Record<string, string> = {},
): Sample[] =>
  samples.filter(
    (s) => s.name === name && Object.entries(match).every(([k, v]) => s.labels[k] === v),
  );

/** The sum of those samples' values. */
export const sumOf = (samples: Sample[], name: string, match: Record<string, string> = {}) =>
  samplesOf(samples, name, match).reduce((n, s) => n + s.value, 0);
