import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EventEnvelope } from '@switchboard/contracts';
import { EventWiring, NatsBus } from '@switchboard/runtime';
import { DeliveriesService } from './deliveries.service';

/**
 * Durable consumer `webhooks-events` over every domain event (`crm.*.>`): each batch becomes
 * deliveries, one per event and matching endpoint, queued for the worker. Idempotent: delivery
 * ids derive from endpoint and event, and jobs from delivery ids.
 */
@Injectable()
export class EventsConsumer implements OnModuleInit {
  static readonly durable = 'webhooks-events';

  constructor(
    private readonly wiring: EventWiring,
    private readonly bus: NatsBus,
    private readonly deliveries: DeliveriesService,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.wiring.startBatchConsumer({
      durable: EventsConsumer.durable,
      stream: 'events',
      filterSubjects: [this.bus.ns.eventFilter('>')],
      parse: (raw) => EventEnvelope.parse(raw),
      handleBatch: async (items) => {
        await this.deliveries.fromEvents(
          items.map((i) => ({ event: i.message, seq: i.meta.streamSequence })),
        );
      },
    });
  }
}
