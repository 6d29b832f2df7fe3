/** Where a command's result goes: JSON on stdout for scripts (`--json`), else lines for people. */
export class Output {
  constructor(readonly json: boolean) {}

  /** The command's result: `data` as JSON, or what `human` renders from it. */
  result<T>(data: T, human: (data: T) => string): void {
    process.stdout.write(json(this.json ? data : undefined) ?? `${human(data)}\n`);
  }

  /** Messages for people (progress, notes) go to stderr so stdout stays the result. */
  note(text: string): void {
    if (!this.json) process.stderr.write(`${text}\n`);
  }
}

function json(data: unknown): string | undefined {
  return data === undefined ? undefined : `${JSON.stringify(data, null, 2)}\n`;
}

export const count = (n: number): string => n.toLocaleString('en-US');

/** Rows of cells as aligned columns. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  return [header, ...rows]
    .map((r) =>
      r
        .map((cell, i) => (cell ?? '').padEnd(widths[i]))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
