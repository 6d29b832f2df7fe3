import { DEFAULT_TRANSIENT_WINDOW_MS, verdictOf } from './retry-policy';
import {
  AckPolicy,
  DeliverPolicy,
  nanos,
  type ConsumerConfig,
  type ConsumerMessages,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
} from 'nats';
import type { Logger } from 'pino';
import { ServiceTracer, SpanKind } from '@switchboard/tracing';
import { newRequestId, runWithCorrelation } from '../correlation';
import type { SubjectNamespace } from '../namespace';
import { deadLetter, workspaceMismatch, type DeadLetterReason } from './dead-letter';
import { traceparentOf, type MessageMeta } from './durable-consumer';

/** One parsed message of a batch. */
export interface BatchItem<T> {
  message: T;
  meta: MessageMeta;
  /**
   * The message may have been handled (partly) before: a redelivery, or a retry after its batch
   * failed. Handlers that skip follow-up work for records they find already written should not
   * skip it then.
   */
  seenBefore: boolean;
  /** Where the message's trace continues (header or envelope), for work done per message. */
  traceparent?: string;
}

export interface BatchConsumerSpec<T> {
  /** Durable name, unique per logical consumer; replicas share it. */
  durable: string;
  stream: 'events' | 'messaging';
  filterSubjects: string[];
  /**
   * Subjects (without prefix) the handler wants; others are acknowledged unread (a consumer of
   * `crm.>` that has no use for a frequent event type does not pay for parsing it).
   */
  accept?: (contractSubject: string) => boolean;
  /** Raw JSON (and where it came from) → typed message; throwing marks the message as poison. */
  parse: (raw: unknown, meta: MessageMeta) => T;
  /**
   * Handles a batch; must be idempotent (JetStream delivers at least once). When it throws, the
   * batch is handled again one message at a time, so one bad message cannot hold the others.
   */
  handleBatch: (items: BatchItem<T>[]) => Promise<void>;
  /** Most messages handled at once. */
  maxBatch?: number;
  /** How long a batch waits for more messages after its first one arrived. */
  lingerMs?: number;
  /**
   * Batches handled at once (default 1: in order). More overlaps one batch's database writes
   * with another's network waits; only for handlers that do not need delivery order.
   */
  batchesInFlight?: number;
  /** Deliveries before a failing message is dead-lettered. */
  maxDeliver?: number;
  /** How long failures of an unavailable dependency are retried (24 h by default). */
  transientWindowMs?: number;
  /** Redelivery delays after a failure, by attempt (the last one repeats). */
  backoffMs?: number[];
  ackWaitMs?: number;
  /** Called after a message was dead-lettered (metrics count them by consumer and reason). */
  onDeadLetter?: (reason: DeadLetterReason) => void;
}

function describeError(err: unknown): string {
  const issues = (err as { issues?: { path: (string | number)[]; message: string }[] })?.issues;
  const text = Array.isArray(issues)
    ? issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')
    : err instanceof Error
      ? err.message
      : String(err);
  return text.replace(/[\r\n]+/g, ' ');
}

const LINGER_DONE = Symbol('linger');

/**
 * A durable JetStream pull consumer that hands messages to its handler in batches (for batched
 * inserts: one round trip per batch instead of per message). Same guarantees as
 * DurableConsumer: explicit acks after the handler succeeded, poison messages and events whose
 * envelope names another workspace than their subject dead-lettered with the reason
 * (`dlq.<durable>.<subject>`), failures retried with back-off, then
 * dead-lettered; the consumer goes on.
 */
export class BatchConsumer<T> {
  private messages?: ConsumerMessages;
  private loop?: Promise<void>;
  private readonly maxBatch: number;
  private readonly lingerMs: number;
  private readonly batchesInFlight: number;
  private readonly maxDeliver: number;
  private readonly transientWindowMs: number;
  private readonly backoffMs: number[];

  constructor(
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly ns: SubjectNamespace,
    private readonly spec: BatchConsumerSpec<T>,
    private readonly logger: Logger,
    private readonly tracer?: ServiceTracer,
  ) {
    this.maxBatch = spec.maxBatch ?? 256;
    this.lingerMs = spec.lingerMs ?? 5;
    this.batchesInFlight = spec.batchesInFlight ?? 1;
    this.maxDeliver = spec.maxDeliver ?? 5;
    this.transientWindowMs = spec.transientWindowMs ?? DEFAULT_TRANSIENT_WINDOW_MS;
    this.backoffMs = spec.backoffMs ?? [200, 1000, 5000, 15000];
  }

  get streamName(): string {
    return this.ns.stream(this.spec.stream).name;
  }

  async start(): Promise<void> {
    const config: Partial<ConsumerConfig> & { durable_name: string } = {
      durable_name: this.spec.durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      ...(this.spec.filterSubjects.length === 1
        ? { filter_subject: this.spec.filterSubjects[0] }
        : { filter_subjects: this.spec.filterSubjects }),
      // Unlimited on the server: `maxDeliver` counts only the message's own failures
      // (retry-policy.ts); an unavailable dependency must not use it up.
      max_deliver: -1,
      ack_wait: nanos(this.spec.ackWaitMs ?? 30_000),
      // Enough in flight for a batch being handled while the next one is pulled.
      max_ack_pending: Math.max(1000, this.maxBatch * (this.batchesInFlight + 2)),
    };
    try {
      await this.jsm.consumers.add(this.streamName, config);
    } catch (err) {
      if (!/already exists|already in use/i.test(String((err as Error).message))) throw err;
      await this.jsm.consumers.update(this.streamName, this.spec.durable, config);
    }
    const consumer = await this.js.consumers.get(this.streamName, this.spec.durable);
    this.messages = await consumer.consume({ max_messages: this.maxBatch * 2 });
    this.loop = this.run(this.messages);
  }

  async stop(): Promise<void> {
    // Stop pulling, then let the batch in hand finish; unacked messages are redelivered later.
    this.messages?.stop();
    await this.loop;
  }

  /** Collects up to maxBatch messages: what is already there, or what arrives within lingerMs. */
  private async run(messages: ConsumerMessages): Promise<void> {
    const it = messages[Symbol.asyncIterator]();
    const inFlight = new Set<Promise<void>>();
    let next: Promise<IteratorResult<JsMsg>> | undefined;
    for (let done = false; !done;) {
      const first = await (next ?? it.next());
      next = undefined;
      if (first.done) break;
      const batch = [first.value];
      let timer: NodeJS.Timeout | undefined;
      const linger = new Promise<typeof LINGER_DONE>((resolve) => {
        timer = setTimeout(() => resolve(LINGER_DONE), this.lingerMs);
      });
      while (batch.length < this.maxBatch) {
        next = it.next();
        const r = await Promise.race([next, linger]);
        if (r === LINGER_DONE) break; // `next` stays pending for the following batch
        next = undefined;
        if (r.done) {
          done = true;
          break;
        }
        batch.push(r.value);
      }
      clearTimeout(timer);
      const handled: Promise<void> = this.process(batch).finally(() => inFlight.delete(handled));
      inFlight.add(handled);
      if (inFlight.size >= this.batchesInFlight) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  }

  private async process(msgs: JsMsg[]): Promise<void> {
    const items: { msg: JsMsg; item: BatchItem<T> }[] = [];
    for (const msg of msgs) {
      const meta: MessageMeta = {
        subject: msg.subject,
        contractSubject: this.ns.strip(msg.subject),
        deliveryCount: msg.info.redeliveryCount,
        streamSequence: msg.info.streamSequence,
      };
      if (this.spec.accept && !this.spec.accept(meta.contractSubject)) {
        msg.ack();
        continue;
      }
      let raw: unknown;
      try {
        raw = msg.json();
      } catch (err) {
        await this.reject(msg, 'invalid', err);
        continue;
      }
      const mismatch = workspaceMismatch(meta.contractSubject, raw);
      if (mismatch) {
        await this.reject(msg, 'workspace_mismatch', new Error(mismatch));
        continue;
      }
      try {
        const message = this.spec.parse(raw, meta);
        const traceparent = traceparentOf(msg, raw);
        items.push({
          msg,
          item: {
            message,
            meta,
            seenBefore: meta.deliveryCount > 1,
            ...(traceparent ? { traceparent } : {}),
          },
        });
      } catch (err) {
        await this.reject(msg, 'invalid', err);
      }
    }
    if (items.length === 0) return;
    try {
      await runWithCorrelation({ requestId: newRequestId() }, () =>
        this.traced(
          items.map((i) => i.item),
          () => this.spec.handleBatch(items.map((i) => i.item)),
        ),
      );
      for (const { msg } of items) msg.ack();
      return;
    } catch (err) {
      if (items.length > 1) {
        this.logger.warn(
          { err, size: items.length },
          'batch failed; handling its messages one at a time',
        );
      }
      if (items.length === 1) return this.failed(items[0].msg, items[0].item.meta, err);
    }
    for (const { msg, item } of items) {
      try {
        await runWithCorrelation({ requestId: newRequestId() }, () =>
          this.traced([item], () => this.spec.handleBatch([{ ...item, seenBefore: true }])),
        );
        msg.ack();
      } catch (err) {
        await this.failed(msg, item.meta, err);
      }
    }
  }

  /**
   * One consumer span per batch: child of its first traced message, linked to the others (a
   * batch serves many traces). Handlers that work per message continue each message's own trace
   * from `BatchItem.traceparent`.
   */
  private traced(items: BatchItem<T>[], fn: () => Promise<void>): Promise<void> {
    if (!this.tracer?.enabled) return fn();
    const traced = items.filter((i) => i.traceparent);
    return this.tracer.inSpan(
      `process ${this.spec.durable}`,
      {
        kind: SpanKind.CONSUMER,
        parent: traced[0]?.traceparent,
        links: traced.slice(1).map((i) => i.traceparent),
        attributes: { 'messaging.batch.message_count': items.length },
      },
      fn,
    );
  }

  private async failed(msg: JsMsg, meta: MessageMeta, err: unknown): Promise<void> {
    const verdict = verdictOf(err, msg, meta.deliveryCount, {
      maxDeliver: this.maxDeliver,
      backoffMs: this.backoffMs,
      transientWindowMs: this.transientWindowMs,
    });
    if (verdict.kind === 'reject') return this.reject(msg, 'rejected', err);
    if (verdict.kind === 'exhausted') return this.reject(msg, 'exhausted', err);
    this.logger.warn(
      {
        err,
        subject: meta.contractSubject,
        attempt: meta.deliveryCount,
        transient: verdict.transient,
      },
      'handler failed; will retry',
    );
    msg.nak(verdict.delayMs);
  }

  private async reject(msg: JsMsg, reason: DeadLetterReason, err: unknown): Promise<void> {
    const error = describeError(err);
    this.logger.error({ subject: this.ns.strip(msg.subject), reason, error }, 'dead-lettering');
    try {
      await deadLetter(this.js, this.ns, this.spec.durable, msg, reason, error);
      this.spec.onDeadLetter?.(reason);
      // No reason text: nats-server 2.9 takes "+TERM <reason>" for no ack at all (redelivered).
      msg.term();
    } catch (publishErr) {
      this.logger.error({ err: publishErr }, 'dead-letter publish failed');
      msg.nak(this.backoffMs[this.backoffMs.length - 1]);
    }
  }
}
