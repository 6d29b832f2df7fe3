/** Delay before retry `n` (1-based): base doubling per attempt, capped. */
export const retryDelay = (n: number, baseMs: number, maxMs: number): number =>
  Math.min(maxMs, baseMs * 2 ** Math.min(n - 1, 40));

/**
 * Attempts that fit in the retry window: the first one plus every retry whose cumulative delay
 * stays within `windowMs` (at least one retry, at most 1000 attempts).
 */
export function attemptsWithin(windowMs: number, baseMs: number, maxMs: number): number {
  let elapsed = 0;
  let attempts = 1;
  while (attempts < 1000) {
    const next = retryDelay(attempts, baseMs, maxMs);
    if (attempts > 1 && elapsed + next > windowMs) break;
    elapsed += next;
    attempts += 1;
  }
  return attempts;
}
