import type { Lifecycle } from '@switchboard/runtime';
import type { GatewayConfig } from '../config';
import type { IntegrationsRepository } from './integrations.repository';
import type { NatsAccountsRepository, RevocationList } from './nats-accounts.repository';
import { RevocationSync } from './revocation-sync.service';

/** The server side: the list NATS holds, and every list pushed to it. */
function world(db: Record<string, string>, held: RevocationList = {}) {
  const pushed: RevocationList[] = [];
  const state = { held: { ...held } };
  const integrations = {
    revokedUsers: () =>
      Promise.resolve(new Map(Object.entries(db).map(([k, at]) => [k, new Date(at)]))),
  } as unknown as IntegrationsRepository;
  const accounts = {
    configured: true,
    serverRevocations: () => Promise.resolve({ ...state.held }),
    push: (list: RevocationList) => {
      pushed.push(list);
      state.held = { ...list };
      return Promise.resolve();
    },
  } as unknown as NatsAccountsRepository;
  const lifecycle = { onStop: () => undefined } as unknown as Lifecycle;
  const config = { INTEGRATIONS_SYNC_MS: 30_000 } as GatewayConfig;
  return { sync: new RevocationSync(integrations, accounts, config, lifecycle), pushed, state };
}

describe('RevocationSync', () => {
  it('pushes the union of the database and what the server holds, never dropping an entry', async () => {
    const w = world(
      { UA: '2026-01-01T00:00:00.000Z', UB: '2026-01-02T00:00:00.500Z' },
      { UOTHER: 5, UA: 1 },
    );
    await w.sync.pushNow();
    expect(w.pushed).toEqual([
      {
        UOTHER: 5,
        UA: Date.UTC(2026, 0, 1) / 1000,
        UB: Math.ceil(Date.UTC(2026, 0, 2, 0, 0, 0, 500) / 1000),
      },
    ]);
  });

  it('does not push on a periodic check when the server holds every revocation', async () => {
    const w = world({ UA: '2026-01-01T00:00:00.000Z' }, { UA: 1767225600 });
    await (w.sync as unknown as { run(force: boolean): Promise<void> }).run(false);
    expect(w.pushed).toEqual([]);
  });

  it('runs once more when asked during a run, so a revocation recorded meanwhile is pushed', async () => {
    const w = world({});
    const first = w.sync.pushNow();
    const second = w.sync.pushNow();
    await Promise.all([first, second]);
    expect(w.pushed).toHaveLength(2);
  });
});
