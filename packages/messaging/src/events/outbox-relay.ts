import type { Logger } from 'pino';
import type { EventEnvelope } from '@switchboard/contracts';

/** Events staged on one document, in the order they were written. */
export interface OutboxBatch {
  ref: unknown;
  events: EventEnvelope[];
}

/** The events of one batch that reached the broker. */
export interface PublishedBatch {
  batch: OutboxBatch;
  eventIds: string[];
}

/** Where pending events are stored: the documents whose write caused them (see storage). */
export interface OutboxSource {
  readonly name: string;
  pending(limit: number): Promise<OutboxBatch[]>;
  /** Removes published events (all batches in one go) and clears flags left with nothing. */
  markPublished(published: PublishedBatch[]): Promise<void>;
}

export interface EventSink {
  publish(event: EventEnvelope): Promise<unknown>;
  /**
   * Sets aside an event that can never be published (see `isUnpublishable`), with the reason.
   * A sink without it leaves such events pending.
   */
  deadLetter?(event: EventEnvelope, error: string): Promise<unknown>;
}

/**
 * True for a publish failure that no retry can fix: the encoded event is larger than the
 * server's `max_payload` or the stream's message size. Anything else (no connection, no stream
 * yet, a timeout) is retried.
 */
export function isUnpublishable(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown; api_error?: { err_code?: unknown } } | null;
  if (e?.code === 'MAX_PAYLOAD_EXCEEDED') return true;
  // JetStream's "message size exceeds maximum allowed" (JSStreamMessageExceedsMaximumErr).
  if (e?.api_error?.err_code === 10054) return true;
  return typeof e?.message === 'string' && /exceeds maximum allowed/i.test(e.message);
}

export interface OutboxRelayOptions {
  /** Sweep period for events left behind by a crash or a failed publish. */
  intervalMs?: number;
  /**
   * Longest sweep period when sweeps keep finding nothing: the period doubles after each empty
   * sweep up to this, and drops back to `intervalMs` as soon as a flush publishes something.
   * Writers kick the relay, so an idle sweep only guards against a crash; on FerretDB a sweep
   * scans the collection (docs/architecture.md, decision 48). Default: `intervalMs` (no growth).
   */
  idleMaxMs?: number;
  batchSize?: number;
  maxBackoffMs?: number;
  /** Test-only fault injection: runs just before publishing / just before marking published. */
  faults?: { beforePublish?: () => void; afterPublish?: () => void };
}

/**
 * Relays staged events to JetStream. Writers kick it after each write so events leave within
 * milliseconds; a periodic sweep picks up whatever a crash left behind. Publishing twice is
 * harmless (JetStream deduplicates by Nats-Msg-Id), so the relay needs no lock and may run in
 * every replica.
 */
export class OutboxRelay {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private again = false;
  private stopped = true;
  private failures = 0;
  /** The current sweep period (grows while idle). */
  private sweepMs: number;
  private readonly intervalMs: number;
  private readonly idleMaxMs: number;
  private readonly batchSize: number;
  private readonly maxBackoffMs: number;

  constructor(
    private readonly sources: OutboxSource[],
    private readonly sink: EventSink,
    private readonly logger: Logger,
    private readonly options: OutboxRelayOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 1000;
    this.idleMaxMs = Math.max(this.intervalMs, options.idleMaxMs ?? this.intervalMs);
    this.sweepMs = this.intervalMs;
    this.batchSize = options.batchSize ?? 200;
    this.maxBackoffMs = options.maxBackoffMs ?? 30_000;
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Asks for a flush soon; coalesces with a flush already running. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop().finally(() => {
      this.running = undefined;
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Publishes everything pending now; returns how many events went out. */
  async flush(): Promise<number> {
    let published = 0;
    for (const source of this.sources) {
      for (;;) {
        const batches = await source.pending(this.batchSize);
        published += await this.relayBatches(source, batches);
        if (batches.length < this.batchSize) break;
      }
    }
    return published;
  }

  /**
   * Documents go out in parallel, each one's events in order (per-aggregate order is what
   * consumers rely on); then one bulk mark for everything that went out.
   */
  private async relayBatches(source: OutboxSource, batches: OutboxBatch[]): Promise<number> {
    const outcomes = await Promise.all(batches.map((batch) => this.publishInOrder(batch)));
    // Whatever went out is marked even when another event failed; empty batches clear their flag.
    const marked = outcomes.filter((o) => o.eventIds.length > 0 || o.batch.events.length === 0);
    if (marked.some((o) => o.eventIds.length > 0)) this.options.faults?.afterPublish?.();
    if (marked.length > 0) await source.markPublished(marked);
    const failed = outcomes.find((o) => o.error !== undefined);
    if (failed) throw failed.error;
    return outcomes.reduce((n, o) => n + o.eventIds.length, 0);
  }

  /**
   * An event that can never be published is dead-lettered and taken off the document like a
   * published one, so it cannot hold up the aggregate's later events and writes.
   */
  private async publishInOrder(batch: OutboxBatch): Promise<PublishedBatch & { error?: unknown }> {
    const eventIds: string[] = [];
    try {
      for (const event of batch.events) {
        this.options.faults?.beforePublish?.();
        try {
          await this.sink.publish(event);
        } catch (err) {
          if (!isUnpublishable(err) || !this.sink.deadLetter) throw err;
          const error = err instanceof Error ? err.message : String(err);
          this.logger.error(
            { err, eventId: event.id, type: event.type, aggregate: event.aggregate },
            'event can never be published; dead-lettered',
          );
          await this.sink.deadLetter(event, error);
        }
        eventIds.push(event.id);
      }
      return { batch, eventIds };
    } catch (error) {
      return { batch, eventIds, error };
    }
  }

  private async loop(): Promise<void> {
    let published = 0;
    do {
      this.again = false;
      try {
        published += await this.flush();
        this.failures = 0;
      } catch (err) {
        this.failures += 1;
        this.logger.warn({ err, failures: this.failures }, 'outbox relay failed; will retry');
        this.schedule(Math.min(this.maxBackoffMs, 100 * 2 ** this.failures));
        return;
      }
    } while (this.again && !this.stopped);
    this.sweepMs = published > 0 ? this.intervalMs : Math.min(this.idleMaxMs, this.sweepMs * 2);
    this.schedule(this.sweepMs);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.kick(), ms);
    this.timer.unref();
  }
}
