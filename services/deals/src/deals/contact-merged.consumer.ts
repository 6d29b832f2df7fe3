import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EventWiring } from '@switchboard/runtime';
import { DealsService } from './deals.service';

/** Durable consumer `deals-contact-merged`: the duplicate's deals move to the survivor. */
@Injectable()
export class ContactMergedConsumer implements OnModuleInit {
  static readonly durable = 'deals-contact-merged';

  constructor(
    private readonly wiring: EventWiring,
    private readonly deals: DealsService,
  ) {}

  async onModuleInit(): Promise<void> {
    // Idempotent: a redelivery finds no deal left on the duplicate.
    await this.wiring.onEvent(ContactMergedConsumer.durable, 'contact.merged', async (event) => {
      await this.deals.reassignContact(
        event.workspaceId,
        event.actor,
        event.data.duplicateId,
        event.data.survivorId,
      );
    });
  }
}
