import { RPC } from '@switchboard/contracts';
import { useConfigHarness, workspace } from './support/config-harness';

/** The contacts service's `/metrics` (decision 0094), read after real requests. */
const h = useConfigHarness();

const scrape = async (): Promise<string> => {
  const res = await fetch(`${h.url}/metrics`);
  expect(res.status).toBe(200);
  return res.text();
};

/** The value of the first sample of `name` whose labels include every `key="value"`. */
const valueOf = (text: string, name: string, labels: Record<string, string>) => {
  const line = text
    .split('\n')
    .find(
      (l) =>
        l.startsWith(`${name}{`) &&
        Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)),
    );
  return line === undefined ? undefined : Number(line.split(' ').pop());
};

describe('contacts /metrics', () => {
  it('times RPC requests by subject and outcome, and counts lost compare-and-sets', async () => {
    const ws = workspace();
    const company = await h.company(ws, { name: 'Contended' });
    // Racing writers of one version: every loser at least once.
    await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) =>
        h.rpc.call(RPC.contacts.updateCompany, h.ctx(ws), {
          id: company.id,
          patch: { industry: `industry ${i}`, version: 1 },
        }),
      ),
    );
    const text = await scrape();
    expect(
      valueOf(text, 'switchboard_rpc_request_duration_seconds_count', {
        subject: RPC.contacts.createCompany.subject,
        outcome: 'ok',
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      valueOf(text, 'switchboard_rpc_request_duration_seconds_count', {
        subject: RPC.contacts.updateCompany.subject,
        outcome: 'version_conflict',
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      valueOf(text, 'switchboard_write_conflicts_total', { aggregate: 'company' }),
    ).toBeGreaterThanOrEqual(1);
  });

  it('reports the outbox, consumers, queues and the Mongo pool', async () => {
    const text = await scrape();
    expect(
      valueOf(text, 'switchboard_outbox_pending_events', { source: 'companies' }),
    ).toBeGreaterThanOrEqual(0);
    expect(
      valueOf(text, 'switchboard_outbox_oldest_pending_age_seconds', { source: 'companies' }),
    ).toBeGreaterThanOrEqual(0);
    expect(
      valueOf(text, 'switchboard_jetstream_consumer_pending_messages', {
        durable: 'contacts-last-touch',
      }),
    ).toBeGreaterThanOrEqual(0);
    expect(
      valueOf(text, 'switchboard_bullmq_jobs', { queue: 'contact-imports', state: 'waiting' }),
    ).toBeGreaterThanOrEqual(0);
    expect(text).toMatch(
      /^switchboard_mongodb_pool_connections_in_use\{service="contacts"\} \d+$/m,
    );
  });
});
