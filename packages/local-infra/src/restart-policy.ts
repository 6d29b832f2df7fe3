export interface RestartPolicyOptions {
  /** Wait before the first restart. */
  initialDelayMs?: number;
  /** The wait doubles after each crash up to this. */
  maxDelayMs?: number;
  /** A process that stayed up this long starts again from `initialDelayMs`. */
  resetAfterMs?: number;
}

/**
 * When to start a crashed process again (docs/decisions/0072): 0.5 s, doubling after each crash
 * up to 30 s, and back to 0.5 s once a run lasted a minute. A process that crashes at boot
 * (bad configuration, a dependency down) is retried ever more slowly instead of spinning; one
 * that crashed after running well comes back at once.
 */
export class RestartPolicy {
  private readonly initialDelayMs: number;
  private readonly maxDelayMs: number;
  private readonly resetAfterMs: number;
  private crashes = 0;
  private startedAt: number;

  constructor(
    options: RestartPolicyOptions = {},
    private readonly now: () => number = Date.now,
  ) {
    this.initialDelayMs = options.initialDelayMs ?? 500;
    this.maxDelayMs = options.maxDelayMs ?? 30_000;
    this.resetAfterMs = options.resetAfterMs ?? 60_000;
    this.startedAt = now();
  }

  /** The process was (re)started now. */
  started(): void {
    this.startedAt = this.now();
  }

  /** The process exited now: how long to wait before starting it again. */
  exited(): number {
    if (this.now() - this.startedAt >= this.resetAfterMs) this.crashes = 0;
    const delay = Math.min(this.maxDelayMs, this.initialDelayMs * 2 ** this.crashes);
    this.crashes += 1;
    return delay;
  }

  /** Crashes since the last run that lasted `resetAfterMs`. */
  get consecutiveCrashes(): number {
    return this.crashes;
  }
}
