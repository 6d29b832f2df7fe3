import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EventEnvelope } from '@switchboard/contracts';
import { EventWiring, NatsBus } from '@switchboard/runtime';
import { TimelineService } from './timeline.service';

/** Durable consumer `activity-timeline`: contact events become timeline entries, once each. */
@Injectable()
export class TimelineConsumer implements OnModuleInit {
  static readonly durable = 'activity-timeline';

  constructor(
    private readonly wiring: EventWiring,
    private readonly bus: NatsBus,
    private readonly timeline: TimelineService,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.wiring.startConsumer({
      durable: TimelineConsumer.durable,
      stream: 'events',
      filterSubjects: [this.bus.ns.eventFilter('contact.>')],
      parse: (raw) => EventEnvelope.parse(raw),
      handle: async (event) => {
        await this.timeline.record(event);
      },
    });
  }
}
