import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EventEnvelope } from '@switchboard/contracts';
import { EventWiring, NatsBus } from '@switchboard/runtime';
import { TimelineService } from './timeline.service';

/**
 * Durable consumers that put events on contact timelines, once each: `activity-timeline` for
 * contact events, plus one per other aggregate whose events name a `contactId` (nats-server 2.9
 * allows one filter subject per consumer, hence one durable each).
 */
@Injectable()
export class TimelineConsumer implements OnModuleInit {
  static readonly durable = 'activity-timeline';
  /** Aggregate → durable name of its timeline consumer. */
  static readonly durables = {
    contact: TimelineConsumer.durable,
    deal: 'activity-timeline-deals',
    task: 'activity-timeline-tasks',
  } as const;

  constructor(
    private readonly wiring: EventWiring,
    private readonly bus: NatsBus,
    private readonly timeline: TimelineService,
  ) {}

  async onModuleInit(): Promise<void> {
    for (const [aggregate, durable] of Object.entries(TimelineConsumer.durables)) {
      await this.wiring.startConsumer({
        durable,
        stream: 'events',
        filterSubjects: [this.bus.ns.eventFilter(`${aggregate}.>`)],
        parse: (raw) => EventEnvelope.parse(raw),
        handle: async (event) => {
          await this.timeline.record(event);
        },
      });
    }
  }
}
