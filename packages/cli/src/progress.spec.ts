import { renderBar, renderCounter } from './progress';

describe('progress rendering', () => {
  it('draws the share done, the rows, the rate and the time left', () => {
    expect(renderBar({ done: 2_500, total: 10_000, elapsedMs: 5_000 })).toBe(
      '[######··················]   25%  2,500/10,000 rows  500 rows/s  ETA 15s',
    );
  });

  it('uses the bytes read for the share while the row total is unknown', () => {
    expect(renderBar({ done: 300, total: null, fraction: 0.5, elapsedMs: 120_000 })).toBe(
      '[############············]   50%  300 rows  3 rows/s  ETA 2m00s',
    );
  });

  it('has no ETA before anything moved, and says done at the end', () => {
    expect(renderBar({ done: 0, total: null, fraction: 0, elapsedMs: 0 })).toMatch(/ETA …$/);
    expect(renderBar({ done: 10, total: 10, elapsedMs: 1_000 })).toMatch(
      /^\[#{24}\]\s+100%\s+10\/10 rows {2}10 rows\/s {2}done$/,
    );
  });

  it('counts with a rate', () => {
    expect(renderCounter(4_321, 2_000, 'contacts exported')).toBe(
      '4,321 contacts exported  2,161/s',
    );
  });
});
