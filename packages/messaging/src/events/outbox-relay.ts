import type { Logger } from 'pino';
import type { EventEnvelope } from '@switchboard/contracts';

/** Events staged on one document, in the order they were written. */
export interface OutboxBatch {
  ref: unknown;
  events: EventEnvelope[];
}

/** Where pending events are stored: the documents whose write caused them (see storage). */
export interface OutboxSource {
  readonly name: string;
  pending(limit: number): Promise<OutboxBatch[]>;
  markPublished(batch: OutboxBatch, eventIds: string[]): Promise<void>;
}

export interface EventSink {
  publish(event: EventEnvelope): Promise<unknown>;
}

export interface OutboxRelayOptions {
  /** Sweep period for events left behind by a crash or a failed publish. */
  intervalMs?: number;
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
  private readonly intervalMs: number;
  private readonly batchSize: number;
  private readonly maxBackoffMs: number;

  constructor(
    private readonly sources: OutboxSource[],
    private readonly sink: EventSink,
    private readonly logger: Logger,
    private readonly options: OutboxRelayOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 1000;
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
        for (const batch of batches) published += await this.relayBatch(source, batch);
        if (batches.length < this.batchSize) break;
      }
    }
    return published;
  }

  private async relayBatch(source: OutboxSource, batch: OutboxBatch): Promise<number> {
    const done: string[] = [];
    try {
      for (const event of batch.events) {
        this.options.faults?.beforePublish?.();
        await this.sink.publish(event);
        done.push(event.id);
      }
    } finally {
      // Whatever went out is marked even when a later event of the batch failed.
      if (done.length > 0) {
        this.options.faults?.afterPublish?.();
        await source.markPublished(batch, done);
      }
    }
    return done.length;
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.flush();
        this.failures = 0;
      } catch (err) {
        this.failures += 1;
        this.logger.warn({ err, failures: this.failures }, 'outbox relay failed; will retry');
        this.schedule(Math.min(this.maxBackoffMs, 100 * 2 ** this.failures));
        return;
      }
    } while (this.again && !this.stopped);
    this.schedule(this.intervalMs);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => this.kick(), ms);
    this.timer.unref();
  }
}
