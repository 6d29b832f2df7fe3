import type { NatsConnection } from 'nats';
import type { Company, Session } from '@switchboard/contracts';
import {
  http,
  newContact,
  Platform,
  SERVICES,
  signUp,
  testNamespace,
  waitFor,
  type ServiceName,
} from '@switchboard/testing';
import { PausableProxy } from './support/pausable-proxy';
import { parseMetrics, samplesOf, sumOf, type Sample } from './support/prometheus-text';

/**
 * `/metrics` of every process after a scripted flow (decision 0094): request durations, the
 * outbox backlog (its age rises while the gateway is cut off from NATS and falls after),
 * consumers, dead letters, queues, write conflicts and the Mongo pool.
 */
const ns = testNamespace();
let platform: Platform;
let proxy: PausableProxy;
let nc: NatsConnection;
let session: Session;

const scrape = async (service: ServiceName): Promise<Sample[]> => {
  const res = await fetch(`${platform.get(service).url}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
  return parseMetrics(await res.text());
};

/** Polls (a scrape is a few database reads: not too often) on a machine that may be busy. */
const POLL = { timeoutMs: 60_000, intervalMs: 250 };

const OUTBOX_AGE = 'switchboard_outbox_oldest_pending_age_seconds';
const OUTBOX_PENDING = 'switchboard_outbox_pending_events';

/** The gateway's outbox backlog: events pending and the largest oldest-event age. */
const gatewayOutbox = async () => {
  const samples = await scrape('gateway');
  return {
    pending: sumOf(samples, OUTBOX_PENDING),
    age: Math.max(0, ...samplesOf(samples, OUTBOX_AGE).map((s) => s.value)),
  };
};

/**
 * Starts a service the way its supervisor would (decision 0072): one that exits while booting
 * (e.g. its NATS handshake timed out on a starved machine) is started again, up to three times.
 */
const supervised = async (service: ServiceName, env: Record<string, string> = {}) => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await platform.startOne(service, env);
    } catch (err) {
      if (attempt === 3 || !/exited with/.test(String(err))) throw err;
    }
  }
};

beforeAll(async () => {
  // The gateway reaches NATS through a proxy the test can cut; the others connect directly.
  proxy = await PausableProxy.start(ns.natsUrl);
  platform = new Platform(ns);
  // One at a time: seven processes loading at once on a busy machine can each miss the ready
  // timeout, one alone has the machine's share to itself.
  for (const service of SERVICES.filter((s) => s !== 'gateway')) await supervised(service);
  await supervised('gateway', { NATS_URL: proxy.url });
  nc = await ns.natsConnect();
  session = await signUp(platform.gatewayUrl);
  // The flow: records and events through every service, a poison message, contended writes.
  await newContact(platform.gatewayUrl, session.accessToken);
  const company = await http<Company>(platform.gatewayUrl, 'POST', '/v1/companies', {
    token: session.accessToken,
    body: { name: 'Contended Ltd' },
  });
  expect(company.status).toBe(201);
  // Racing writers (some may end in 409 version_conflict): the conflicts are what is measured.
  await Promise.all(
    Array.from({ length: 8 }, (_, i) =>
      http(platform.gatewayUrl, 'PATCH', `/v1/companies/${company.body.id}`, {
        token: session.accessToken,
        body: { industry: `industry ${i}` },
      }),
    ),
  );
  await nc
    .jetstream()
    .publish(`${ns.natsPrefix}messaging.${session.workspace.id}.email.sent`, '{"not":"an event"}');
}, 900_000);

afterAll(async () => {
  await nc?.close();
  await platform?.stop();
  await proxy?.close();
});

describe('/metrics', () => {
  it.each(SERVICES)('%s serves the shared series', async (service) => {
    const samples = await scrape(service);
    expect(samplesOf(samples, 'process_cpu_seconds_total', { service })).toHaveLength(1);
    expect(samplesOf(samples, 'switchboard_mongodb_pool_connections_in_use')).toHaveLength(1);
    expect(sumOf(samples, 'switchboard_mongodb_pool_connections_in_use')).toBeGreaterThanOrEqual(0);
    // Series that carry ids would make labels unbounded: no label value looks like a UUID.
    const ids = samples
      .flatMap((s) => Object.values(s.labels))
      .filter((v) => /[0-9a-f]{8}-/.test(v));
    expect(ids).toEqual([]);
  });

  it('the gateway times HTTP requests by route pattern and status', async () => {
    const samples = await scrape('gateway');
    const created = samplesOf(samples, 'switchboard_http_request_duration_seconds_count', {
      method: 'POST',
      route: '/v1/contacts',
      status_code: '201',
    });
    expect(created).toHaveLength(1);
    expect(created[0].value).toBeGreaterThanOrEqual(1);
    expect(
      samplesOf(samples, 'switchboard_http_request_duration_seconds_count', {
        route: '/v1/companies/:id',
        method: 'PATCH',
      }).length,
    ).toBeGreaterThanOrEqual(1);
  });

  it('contacts times RPC requests by subject and outcome, and counts write conflicts', async () => {
    const samples = await scrape('contacts');
    expect(
      sumOf(samples, 'switchboard_rpc_request_duration_seconds_count', {
        subject: 'rpc.contacts.create',
        outcome: 'ok',
      }),
    ).toBeGreaterThanOrEqual(1);
    // Eight writers moved the same company version at once: all but one lost at least once.
    expect(
      sumOf(samples, 'switchboard_write_conflicts_total', { aggregate: 'company' }),
    ).toBeGreaterThanOrEqual(1);
  });

  it('consumers report pending and ack-pending per durable', async () => {
    const durables: [ServiceName, string][] = [
      ['contacts', 'contacts-last-touch'],
      ['segments', 'segments-projection'],
      ['activity', 'activity-timeline'],
      ['deals', 'deals-contact-merged'],
      ['tasks', 'tasks-contact-merged'],
    ];
    for (const [service, durable] of durables) {
      const samples = await scrape(service);
      for (const name of [
        'switchboard_jetstream_consumer_pending_messages',
        'switchboard_jetstream_consumer_ack_pending_messages',
      ]) {
        const found = samplesOf(samples, name, { durable });
        expect(found).toHaveLength(1);
        expect(found[0].value).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('activity counts the poison message it dead-lettered, by consumer and reason', async () => {
    const count = await waitFor(async () => {
      const n = sumOf(await scrape('activity'), 'switchboard_dead_letters_total', {
        consumer: 'activity-messaging',
        reason: 'invalid',
      });
      return n > 0 ? n : undefined;
    }, POLL);
    expect(count).toBe(1);
  });

  it('queues report their jobs by state', async () => {
    const queues: [ServiceName, string][] = [
      ['contacts', 'contact-imports'],
      ['tasks', 'task-reminders'],
      ['segments', 'segment-evaluation'],
      ['segment-worker', 'segment-evaluation'],
    ];
    for (const [service, queue] of queues) {
      const found = samplesOf(await scrape(service), 'switchboard_bullmq_jobs', { queue });
      expect(found.map((s) => s.labels.state).sort()).toEqual([
        'active',
        'delayed',
        'failed',
        'waiting',
      ]);
      expect(found.every((s) => s.value >= 0)).toBe(true);
    }
  });

  it('the outbox age rises while NATS is out of reach and falls once it is back', async () => {
    await waitFor(async () => ((await gatewayOutbox()).pending === 0 ? true : undefined), POLL);
    expect((await gatewayOutbox()).age).toBe(0);

    proxy.pause();
    // A signup stages workspace.created on the workspace document: it cannot leave now.
    await signUp(platform.gatewayUrl);
    const first = await waitFor(async () => {
      const o = await gatewayOutbox();
      return o.pending > 0 && o.age > 0 ? o : undefined;
    }, POLL);
    const later = await waitFor(async () => {
      const o = await gatewayOutbox();
      return o.age > first.age ? o : undefined;
    }, POLL);
    expect(later.pending).toBeGreaterThanOrEqual(1);

    proxy.resume();
    const drained = await waitFor(
      async () => {
        const o = await gatewayOutbox();
        return o.pending === 0 ? o : undefined;
      },
      { ...POLL, timeoutMs: 90_000 },
    );
    expect(drained.age).toBe(0);
  });
});
