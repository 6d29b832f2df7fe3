import { loginLockMs } from './auth-throttle.service';

describe('loginLockMs', () => {
  const policy = { after: 5, baseMs: 1000, maxMs: 15 * 60 * 1000 };

  it('locks from the 5th consecutive failure, doubling from 1 s, capped', () => {
    expect([1, 4, 5, 6, 7, 8].map((n) => loginLockMs(n, policy))).toEqual([
      0, 0, 1000, 2000, 4000, 8000,
    ]);
    expect(loginLockMs(15, policy)).toBe(15 * 60 * 1000);
    expect(loginLockMs(10_000, policy)).toBe(15 * 60 * 1000);
  });
});
