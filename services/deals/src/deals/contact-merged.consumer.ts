import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ContactMergedV1, EventEnvelope } from '@switchboard/contracts';
import { EventWiring, NatsBus } from '@switchboard/runtime';
import { DealsService } from './deals.service';

/** Durable consumer `deals-contact-merged`: the duplicate's deals move to the survivor. */
@Injectable()
export class ContactMergedConsumer implements OnModuleInit {
  static readonly durable = 'deals-contact-merged';

  constructor(
    private readonly wiring: EventWiring,
    private readonly bus: NatsBus,
    private readonly deals: DealsService,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.wiring.startConsumer({
      durable: ContactMergedConsumer.durable,
      stream: 'events',
      filterSubjects: [this.bus.ns.eventFilter('contact.merged')],
      parse: (raw) => {
        const event = EventEnvelope.parse(raw);
        return { event, data: ContactMergedV1.parse(event.data) };
      },
      // Idempotent: a redelivery finds no deal left on the duplicate.
      handle: async ({ event, data }) => {
        await this.deals.reassignContact(
          event.workspaceId,
          event.actor,
          data.duplicateId,
          data.survivorId,
        );
      },
    });
  }
}
