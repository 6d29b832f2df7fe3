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
import {
  REQUEST_ID_HEADER,
  TRACEPARENT_HEADER,
  runWithCorrelation,
  newRequestId,
} from '../correlation';
import type { SubjectNamespace } from '../namespace';
import { deadLetter, workspaceMismatch, type DeadLetterReason } from './dead-letter';

export interface MessageMeta {
  subject: string;
  /** The subject without the deployment prefix, as the contract names it. */
  contractSubject: string;
  deliveryCount: number;
  streamSequence: number;
}

export interface ConsumerSpec<T> {
  /** Durable name, unique per logical consumer (e.g. `activity-timeline`); replicas share it. */
  durable: string;
  stream: 'events' | 'messaging';
  filterSubjects: string[];
  /** Turns the raw JSON into a typed message; throwing here marks the message as poison. */
  parse: (raw: unknown) => T;
  handle: (message: T, meta: MessageMeta) => Promise<void>;
  /** Deliveries before the message is dead-lettered. */
  maxDeliver?: number;
  /** How long failures of an unavailable dependency are retried (24 h by default). */
  transientWindowMs?: number;
  /** Redelivery delays after a failure, by attempt (the last one repeats). */
  backoffMs?: number[];
  ackWaitMs?: number;
  /** Called after a message was dead-lettered (metrics count them by consumer and reason). */
  onDeadLetter?: (reason: DeadLetterReason) => void;
}

/** One line for logs and DLQ headers; zod failures become `path: message; …`. */
function describeError(err: unknown): string {
  const issues = (err as { issues?: { path: (string | number)[]; message: string }[] })?.issues;
  const text = Array.isArray(issues)
    ? issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')
    : err instanceof Error
      ? err.message
      : String(err);
  return text.replace(/[\r\n]+/g, ' ');
}

/**
 * Where a message's trace continues: the publisher's `traceparent` header, else the envelope's
 * field (decision 0140); empty strings count as none.
 */
export function traceparentOf(msg: JsMsg, raw: unknown): string | undefined {
  const header = msg.headers?.get(TRACEPARENT_HEADER);
  if (header) return header;
  const field = (raw as { traceparent?: unknown } | null)?.traceparent;
  return typeof field === 'string' && field ? field : undefined;
}

/** Codes that no retry can fix: such a message goes straight to the dead-letter subject. */

/**
 * A durable JetStream pull consumer with explicit acks: a handler that throws gets the message
 * again after a back-off; a message that cannot be parsed, or fails with a validation error, or
 * keeps failing, or whose envelope names another workspace than its subject, is copied to
 * `dlq.<durable>.<subject>` and terminated, and the consumer goes on.
 * Handlers must be idempotent: JetStream delivers at least once.
 */
export class DurableConsumer<T> {
  private messages?: ConsumerMessages;
  private loop?: Promise<void>;
  private readonly maxDeliver: number;
  private readonly transientWindowMs: number;
  private readonly backoffMs: number[];

  constructor(
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly ns: SubjectNamespace,
    private readonly spec: ConsumerSpec<T>,
    private readonly logger: Logger,
    private readonly tracer?: ServiceTracer,
  ) {
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
      // A single filter uses the pre-2.10 field, so Debian's nats-server 2.9 works too.
      ...(this.spec.filterSubjects.length === 1
        ? { filter_subject: this.spec.filterSubjects[0] }
        : { filter_subjects: this.spec.filterSubjects }),
      // Unlimited on the server: `maxDeliver` counts only the message's own failures
      // (retry-policy.ts); an unavailable dependency must not use it up.
      max_deliver: -1,
      ack_wait: nanos(this.spec.ackWaitMs ?? 30_000),
      max_ack_pending: 1000,
    };
    try {
      await this.jsm.consumers.add(this.streamName, config);
    } catch (err) {
      if (!/already exists|already in use/i.test(String((err as Error).message))) throw err;
      await this.jsm.consumers.update(this.streamName, this.spec.durable, config);
    }
    const consumer = await this.js.consumers.get(this.streamName, this.spec.durable);
    this.messages = await consumer.consume({ max_messages: 256 });
    this.loop = this.run(this.messages);
  }

  async stop(): Promise<void> {
    // Stop pulling, then let the message in hand finish; unacked ones are redelivered later.
    this.messages?.stop();
    await this.loop;
  }

  private async run(messages: ConsumerMessages): Promise<void> {
    for await (const msg of messages) {
      await this.process(msg);
    }
  }

  private async process(msg: JsMsg): Promise<void> {
    const meta: MessageMeta = {
      subject: msg.subject,
      contractSubject: this.ns.strip(msg.subject),
      deliveryCount: msg.info.redeliveryCount,
      streamSequence: msg.info.streamSequence,
    };
    let raw: unknown;
    try {
      raw = msg.json();
    } catch (err) {
      await this.reject(msg, 'invalid', err);
      return;
    }
    const mismatch = workspaceMismatch(meta.contractSubject, raw);
    if (mismatch) {
      await this.reject(msg, 'workspace_mismatch', new Error(mismatch));
      return;
    }
    let parsed: T;
    try {
      parsed = this.spec.parse(raw);
    } catch (err) {
      await this.reject(msg, 'invalid', err);
      return;
    }
    const requestId = msg.headers?.get(REQUEST_ID_HEADER) || newRequestId();
    const traceparent = traceparentOf(msg, raw);
    try {
      await runWithCorrelation({ requestId, ...(traceparent ? { traceparent } : {}) }, () =>
        this.tracer?.enabled
          ? this.tracer.inSpan(
              `process ${this.spec.durable}`,
              {
                kind: SpanKind.CONSUMER,
                parent: traceparent,
                attributes: { 'messaging.destination.name': meta.contractSubject },
              },
              () => this.spec.handle(parsed, meta),
            )
          : this.spec.handle(parsed, meta),
      );
      msg.ack();
    } catch (err) {
      const verdict = verdictOf(err, msg, meta.deliveryCount, {
        maxDeliver: this.maxDeliver,
        backoffMs: this.backoffMs,
        transientWindowMs: this.transientWindowMs,
      });
      if (verdict.kind === 'reject') {
        await this.reject(msg, 'rejected', err);
      } else if (verdict.kind === 'exhausted') {
        await this.reject(msg, 'exhausted', err);
      } else {
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
    }
  }

  private async reject(msg: JsMsg, reason: DeadLetterReason, err: unknown): Promise<void> {
    const error = describeError(err);
    this.logger.error(
      { subject: this.ns.strip(msg.subject), reason, error },
      'dead-lettering message',
    );
    try {
      await deadLetter(this.js, this.ns, this.spec.durable, msg, reason, error);
      this.spec.onDeadLetter?.(reason);
      // No reason text: nats-server 2.9 takes "+TERM <reason>" for no ack at all (redelivered).
      msg.term();
    } catch (publishErr) {
      // Could not park it: leave it to redelivery rather than lose it.
      this.logger.error({ err: publishErr }, 'dead-letter publish failed');
      msg.nak(this.backoffMs[this.backoffMs.length - 1]);
    }
  }
}
