import { RestartPolicy } from './restart-policy';

describe('RestartPolicy', () => {
  it('waits 0.5 s, doubling after each crash up to 30 s', () => {
    let t = 0;
    const policy = new RestartPolicy({}, () => t);
    const delays: number[] = [];
    for (let i = 0; i < 9; i++) {
      policy.started();
      t += 1000; // each run crashes after a second
      delays.push(policy.exited());
      t += delays[delays.length - 1];
    }
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
    expect(policy.consecutiveCrashes).toBe(9);
  });

  it('starts again from 0.5 s once a run lasted a minute', () => {
    let t = 0;
    const policy = new RestartPolicy({}, () => t);
    for (let i = 0; i < 4; i++) {
      policy.started();
      t += 100;
      policy.exited();
    }
    policy.started();
    t += 60_000;
    expect(policy.exited()).toBe(500);
    policy.started();
    t += 10;
    expect(policy.exited()).toBe(1000);
  });

  it('takes its own delays', () => {
    let t = 0;
    const policy = new RestartPolicy(
      { initialDelayMs: 10, maxDelayMs: 25, resetAfterMs: 5 },
      () => t,
    );
    expect([policy.exited(), policy.exited(), policy.exited()]).toEqual([10, 20, 25]);
    policy.started();
    t += 5;
    expect(policy.exited()).toBe(10);
  });
});
