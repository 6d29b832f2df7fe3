import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { JetStreamManager } from 'nats';
import type { OutboxSource } from '@switchboard/messaging';

/**
 * Request durations in seconds: from a cached read (a few ms) to an RPC at its timeout. Fixed
 * buckets, so replicas and services aggregate.
 */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

/** Pending documents read per outbox source and scrape (the relay reads 200 per round). */
export const OUTBOX_SCAN_LIMIT = 500;

/** BullMQ job states reported per queue. */
export const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

/** What the queue gauge needs of a BullMQ Queue (kept structural: runtime does not use bullmq). */
export interface WatchedQueue {
  readonly name: string;
  getJobCounts(...states: string[]): Promise<Record<string, number>>;
}

/**
 * The process's Prometheus registry (one per service, so services started in one test process
 * keep apart) with the collectors every service shares: request durations, the outbox, durable
 * consumers, dead letters, BullMQ queues, write conflicts and the Mongo pool. Label values are
 * bounded sets (routes, subjects, durables, codes), never ids (decision 0094).
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();

  readonly httpDuration: Histogram<'method' | 'route' | 'status_code'>;
  readonly rpcDuration: Histogram<'subject' | 'outcome'>;
  readonly deadLetters: Counter<'consumer' | 'reason'>;
  readonly writeConflicts: Counter<'aggregate' | 'stage'>;
  readonly mongoPoolInUse: Gauge;

  private readonly gauges: ReturnType<typeof scrapedGauges>;
  private readonly outboxSources: OutboxSource[] = [];
  private readonly consumers: { jsm: JetStreamManager; stream: string; durable: string }[] = [];
  private readonly queues: WatchedQueue[] = [];

  constructor(readonly service: string) {
    const registers = [this.registry];
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    this.httpDuration = new Histogram({
      name: 'switchboard_http_request_duration_seconds',
      help: 'HTTP requests by route pattern (`unmatched` for none) and status code',
      labelNames: ['method', 'route', 'status_code'],
      buckets: DURATION_BUCKETS,
      registers,
    });
    this.rpcDuration = new Histogram({
      name: 'switchboard_rpc_request_duration_seconds',
      help: 'RPC requests handled, by subject and outcome (`ok` or the error code)',
      labelNames: ['subject', 'outcome'],
      buckets: DURATION_BUCKETS,
      registers,
    });
    this.deadLetters = new Counter({
      name: 'switchboard_dead_letters_total',
      help: 'Messages this process dead-lettered, by consumer (`outbox`: unpublishable events) and reason',
      labelNames: ['consumer', 'reason'],
      registers,
    });
    this.writeConflicts = new Counter({
      name: 'switchboard_write_conflicts_total',
      help: 'Compare-and-set writes that lost (each followed by a retry or a version_conflict), by aggregate and stage',
      labelNames: ['aggregate', 'stage'],
      registers,
    });
    this.mongoPoolInUse = new Gauge({
      name: 'switchboard_mongodb_pool_connections_in_use',
      help: 'Connections of the MongoDB pool checked out by an operation',
      registers,
    });
    this.gauges = scrapedGauges(registers);
  }

  /** Reports the backlog of these outbox sources (read at scrape time). */
  watchOutbox(sources: OutboxSource[]): void {
    this.outboxSources.push(...sources);
  }

  /** Reports pending and unacknowledged messages of a durable consumer (read at scrape time). */
  watchConsumer(jsm: JetStreamManager, stream: string, durable: string): void {
    if (this.consumers.some((c) => c.stream === stream && c.durable === durable)) return;
    this.consumers.push({ jsm, stream, durable });
  }

  /** Reports job counts of a BullMQ queue by state (read at scrape time). */
  watchQueue(queue: WatchedQueue): void {
    if (!this.queues.some((q) => q.name === queue.name)) this.queues.push(queue);
  }

  /** The text exposition format. */
  async scrape(): Promise<string> {
    await this.refresh();
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /**
   * Reads what is measured at scrape time (the outbox backlog, consumer info, queue counts) into
   * its gauges. A reading that fails leaves its series out of this scrape rather than stale.
   */
  private async refresh(): Promise<void> {
    const g = this.gauges;
    for (const gauge of Object.values(g)) gauge.reset();
    await Promise.all([
      ...this.outboxSources.map(async (source) => {
        const batches = await source.pending(OUTBOX_SCAN_LIMIT).catch(() => undefined);
        if (!batches) return;
        const events = batches.flatMap((b) => b.events);
        const oldest = Math.min(...events.map((e) => Date.parse(e.occurredAt)));
        const age = events.length > 0 ? Math.max(0, (Date.now() - oldest) / 1000) : 0;
        g.outboxPending.set({ source: source.name }, events.length);
        g.outboxAge.set({ source: source.name }, age);
      }),
      ...this.consumers.map(async ({ jsm, stream, durable }) => {
        const info = await jsm.consumers.info(stream, durable).catch(() => undefined);
        if (!info) return;
        g.consumerPending.set({ durable }, info.num_pending);
        g.consumerAckPending.set({ durable }, info.num_ack_pending);
      }),
      ...this.queues.map(async (queue) => {
        const counts = await queue.getJobCounts(...QUEUE_STATES).catch(() => undefined);
        if (!counts) return;
        for (const state of QUEUE_STATES) {
          g.queueJobs.set({ queue: queue.name, state }, counts[state] ?? 0);
        }
      }),
    ]);
  }
}

function scrapedGauges(registers: Registry[]) {
  return {
    outboxPending: new Gauge({
      name: 'switchboard_outbox_pending_events',
      help: `Events staged and not yet published, by outbox source (counted over at most ${OUTBOX_SCAN_LIMIT} pending documents)`,
      labelNames: ['source'],
      registers,
    }),
    outboxAge: new Gauge({
      name: 'switchboard_outbox_oldest_pending_age_seconds',
      help: 'Age of the oldest staged event not yet published, by outbox source (0: none)',
      labelNames: ['source'],
      registers,
    }),
    consumerPending: new Gauge({
      name: 'switchboard_jetstream_consumer_pending_messages',
      help: 'Messages of the stream not yet delivered to a durable consumer',
      labelNames: ['durable'],
      registers,
    }),
    consumerAckPending: new Gauge({
      name: 'switchboard_jetstream_consumer_ack_pending_messages',
      help: 'Messages delivered to a durable consumer and not yet acknowledged',
      labelNames: ['durable'],
      registers,
    }),
    queueJobs: new Gauge({
      name: 'switchboard_bullmq_jobs',
      help: 'BullMQ jobs by queue and state (waiting, active, delayed, failed)',
      labelNames: ['queue', 'state'],
      registers,
    }),
  };
}
