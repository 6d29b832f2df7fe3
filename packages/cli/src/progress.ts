import { count } from './output';

export interface ProgressState {
  /** Rows done so far. */
  done: number;
  /** Rows in all, when known. */
  total?: number | null;
  /** Share of the work done (0–1) when `total` is not known yet (bytes read of the file). */
  fraction?: number;
  elapsedMs: number;
}

const BAR_WIDTH = 24;

function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

/** `[#####·····]  42%  4,200/10,000 rows  1,234 rows/s  ETA 5s` */
export function renderBar(state: ProgressState): string {
  const seconds = state.elapsedMs / 1000;
  const fraction = Math.min(1, state.total ? state.done / state.total : (state.fraction ?? 0));
  const filled = Math.round(fraction * BAR_WIDTH);
  const rate = seconds > 0 ? state.done / seconds : 0;
  const of = state.total ? `${count(state.done)}/${count(state.total)}` : count(state.done);
  const eta =
    fraction >= 1
      ? 'done'
      : fraction > 0
        ? `ETA ${duration((seconds / fraction) * (1 - fraction))}`
        : 'ETA …';
  return [
    `[${'#'.repeat(filled)}${'·'.repeat(BAR_WIDTH - filled)}]`,
    `${String(Math.floor(fraction * 100)).padStart(3)}%`,
    `${of} rows`,
    `${count(Math.round(rate))} rows/s`,
    eta,
  ].join('  ');
}

/** `exported 4,321 contacts  1,234/s` */
export function renderCounter(done: number, elapsedMs: number, noun: string): string {
  const rate = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  return `${count(done)} ${noun}  ${count(Math.round(rate))}/s`;
}

/**
 * Redraws one status line on a terminal (stderr), at most every `everyMs`; writes nothing when
 * stderr is not a terminal (scripts read the result, not the animation).
 */
export class StatusLine {
  private last = 0;
  private shown = false;
  readonly started = Date.now();

  constructor(
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly everyMs = 100,
  ) {}

  get enabled(): boolean {
    return !!this.stream.isTTY;
  }

  get elapsedMs(): number {
    return Date.now() - this.started;
  }

  update(text: string, force = false): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (!force && now - this.last < this.everyMs) return;
    this.last = now;
    this.shown = true;
    this.stream.write(`\r\x1b[2K${text}`);
  }

  /** Leaves the last state on screen and moves to a new line. */
  end(text?: string): void {
    if (text !== undefined) this.update(text, true);
    if (this.shown) this.stream.write('\n');
    this.shown = false;
  }
}
