import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EventEnvelope } from '@switchboard/contracts';
import { EventWiring, NatsBus } from '@switchboard/runtime';
import { ProjectionService } from './projection.service';

/** Durable consumer `segments-projection`: keeps the contact projection in step with contact events. */
@Injectable()
export class ProjectionConsumer implements OnModuleInit {
  static readonly durable = 'segments-projection';

  constructor(
    private readonly wiring: EventWiring,
    private readonly bus: NatsBus,
    private readonly projection: ProjectionService,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.wiring.startConsumer({
      durable: ProjectionConsumer.durable,
      stream: 'events',
      filterSubjects: [this.bus.ns.eventFilter('contact.>')],
      parse: (raw) => EventEnvelope.parse(raw),
      handle: async (event) => {
        await this.projection.apply(event);
      },
    });
  }
}
