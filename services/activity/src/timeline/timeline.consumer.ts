import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EventEnvelope } from '@switchboard/contracts';
import { EventWiring, NatsBus } from '@switchboard/runtime';
import { TimelineService } from './timeline.service';

/**
 * Durable consumer `activity-timeline` over every domain event (`crm.>`), in batches: each event
 * lands on the timelines of the records it concerns, once (ids derive from the event); unknown
 * types land as generic entries.
 */
@Injectable()
export class TimelineConsumer implements OnModuleInit {
  static readonly durable = 'activity-timeline';

  constructor(
    private readonly wiring: EventWiring,
    private readonly bus: NatsBus,
    private readonly timeline: TimelineService,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.wiring.startBatchConsumer({
      durable: TimelineConsumer.durable,
      stream: 'events',
      filterSubjects: [this.bus.ns.eventFilter('>')],
      // Its own notifications (one per inbound messaging event) are no timeline entries.
      accept: (subject) => !subject.endsWith('.activity.recorded'),
      parse: (raw) => EventEnvelope.parse(raw),
      handleBatch: (items) => this.timeline.recordEvents(items.map((i) => i.message)),
    });
  }
}
