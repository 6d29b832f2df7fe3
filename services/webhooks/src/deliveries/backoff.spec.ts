import { attemptsWithin, retryDelay } from './backoff';

describe('retry backoff', () => {
  it('doubles from the base up to the cap', () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelay(n, 5000, 30_000))).toEqual([
      5000, 10_000, 20_000, 30_000, 30_000,
    ]);
  });

  it('fits about three days of retries with the defaults', () => {
    const day = 24 * 3600 * 1000;
    const attempts = attemptsWithin(3 * day, 5000, 6 * 3600 * 1000);
    let total = 0;
    for (let n = 1; n < attempts; n++) total += retryDelay(n, 5000, 6 * 3600 * 1000);
    expect(total).toBeLessThanOrEqual(3 * day);
    expect(total + 6 * 3600 * 1000).toBeGreaterThan(3 * day);
  });

  it('keeps at least one retry even with a tiny window', () => {
    expect(attemptsWithin(0, 10, 10)).toBe(2);
  });
});
