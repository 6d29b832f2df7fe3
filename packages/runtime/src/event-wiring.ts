import { Inject, Injectable } from '@nestjs/common';
import type { Model } from 'mongoose';
import type { Logger } from 'pino';
import {
  BatchConsumer,
  DurableConsumer,
  EventPublisher,
  OUTBOX_DLQ,
  OutboxRelay,
  type EventSink,
  type BatchConsumerSpec,
  type ConsumerSpec,
  type OutboxSource,
  type OutboxRelayOptions,
} from '@switchboard/messaging';
import {
  EVENT_CATALOG,
  EventEnvelope,
  type EventData,
  type EventType,
} from '@switchboard/contracts';
import { MongoOutboxSource } from '@switchboard/storage';
import { ServiceTracer } from '@switchboard/tracing';
import { CONFIG, type BaseConfig } from './config';
import { Lifecycle } from './lifecycle';
import { createLogger } from './logging';
import { Metrics } from './metrics';
import { NatsBus } from './nats-bus';
import { SERVICE_NAME } from './tokens';

/** What a writer needs from the relay: a nudge after each write. */
export interface OutboxKick {
  kick(): void;
}

/**
 * Wires the event plumbing of a service: outbox relays over its aggregate models and durable
 * consumers, each started now and stopped in the first shutdown phase.
 */
@Injectable()
export class EventWiring {
  private readonly logger: Logger;

  constructor(
    @Inject(CONFIG) private readonly config: BaseConfig,
    @Inject(SERVICE_NAME) service: string,
    private readonly bus: NatsBus,
    private readonly publisher: EventPublisher,
    private readonly lifecycle: Lifecycle,
    private readonly metrics: Metrics,
    private readonly tracer: ServiceTracer,
  ) {
    this.logger = createLogger(service, config);
  }

  /**
   * Starts a relay over the given models (each must use outboxPlugin). `batchSize`: documents
   * read per round (default 200); smaller for documents that stage many events each.
   */
  startOutboxRelay(
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any aggregate model with the outbox plugin
    models: Model<any>[],
    options: Pick<OutboxRelayOptions, 'batchSize'> = {},
  ): OutboxKick {
    return this.startRelay(
      models.map((m) => new MongoOutboxSource(m)),
      options,
    );
  }

  /** Starts a relay over any outbox sources (stores of staged events other than outboxPlugin's). */
  startRelay(
    sources: OutboxSource[],
    options: Pick<OutboxRelayOptions, 'batchSize'> = {},
  ): OutboxKick {
    this.metrics.watchOutbox(sources);
    if (this.config.SWITCHBOARD_FAULT === 'pause_outbox') {
      this.logger.warn('fault injection: outbox relay paused');
      return { kick: () => undefined };
    }
    const relay = new OutboxRelay(
      sources,
      this.countedSink(),
      this.logger.child({ component: 'outbox-relay' }),
      {
        intervalMs: this.config.OUTBOX_SWEEP_MS,
        idleMaxMs: this.config.OUTBOX_IDLE_SWEEP_MS,
        faults: this.faults(),
        ...options,
      },
    );
    relay.start();
    this.lifecycle.onStop(1, 'outbox-relay', () => relay.stop());
    return relay;
  }

  async startConsumer<T>(spec: ConsumerSpec<T>): Promise<DurableConsumer<T>> {
    const consumer = new DurableConsumer(
      this.bus.js,
      this.bus.jsm,
      this.bus.ns,
      this.counted(spec),
      this.logger.child({ component: 'consumer', durable: spec.durable }),
      this.tracer,
    );
    await consumer.start();
    this.metrics.watchConsumer(this.bus.jsm, consumer.streamName, spec.durable);
    this.lifecycle.onStop(1, `consumer ${spec.durable}`, () => consumer.stop());
    return consumer;
  }

  /** A durable consumer that handles messages in batches (see BatchConsumer). */
  async startBatchConsumer<T>(spec: BatchConsumerSpec<T>): Promise<BatchConsumer<T>> {
    const consumer = new BatchConsumer(
      this.bus.js,
      this.bus.jsm,
      this.bus.ns,
      this.counted(spec),
      this.logger.child({ component: 'consumer', durable: spec.durable }),
      this.tracer,
    );
    await consumer.start();
    this.metrics.watchConsumer(this.bus.jsm, consumer.streamName, spec.durable);
    this.lifecycle.onStop(1, `consumer ${spec.durable}`, () => consumer.stop());
    return consumer;
  }

  /**
   * A durable consumer of one catalogued event type (across workspaces): the envelope and its
   * data are validated against the catalogue, so a malformed one is dead-lettered, not handled.
   */
  async onEvent<T extends EventType>(
    durable: string,
    type: T,
    handle: (event: EventEnvelope<EventData<T>>) => Promise<void>,
  ): Promise<DurableConsumer<EventEnvelope<EventData<T>>>> {
    const schema = EVENT_CATALOG[type].data;
    return this.startConsumer({
      durable,
      stream: 'events',
      filterSubjects: [this.bus.ns.eventFilter(type)],
      parse: (raw) => {
        const event = EventEnvelope.parse(raw);
        return { ...event, data: schema.parse(event.data) };
      },
      handle: (event) => handle(event),
    });
  }

  /** The spec with its dead letters counted in the metrics (by durable and reason). */
  private counted<S extends Pick<ConsumerSpec<unknown>, 'durable' | 'onDeadLetter'>>(spec: S): S {
    return {
      ...spec,
      onDeadLetter: (reason) => {
        this.metrics.deadLetters.inc({ consumer: spec.durable, reason });
        spec.onDeadLetter?.(reason);
      },
    };
  }

  /** The publisher, with the relay's dead letters (unpublishable events) counted. */
  private countedSink(): EventSink {
    return {
      publish: (event) => this.publisher.publish(event),
      deadLetter: async (event, error) => {
        await this.publisher.deadLetter(event, error);
        this.metrics.deadLetters.inc({ consumer: OUTBOX_DLQ, reason: 'unpublishable' });
      },
    };
  }

  private faults(): OutboxRelayOptions['faults'] {
    const crash = () => process.kill(process.pid, 'SIGKILL');
    switch (this.config.SWITCHBOARD_FAULT) {
      case 'crash_before_publish':
        return { beforePublish: crash };
      case 'crash_after_publish':
        return { afterPublish: crash };
      case 'none':
      case 'pause_outbox':
      case 'crash_mid_import':
        return undefined;
    }
  }
}
