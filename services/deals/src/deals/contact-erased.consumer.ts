import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EventWiring } from '@switchboard/runtime';
import { DealsService } from './deals.service';

/**
 * Durable consumer `deals-contact-erased`: the erased contact's deals keep no reference to it.
 * Idempotent (a redelivery finds no deal naming it); malformed events dead-letter.
 */
@Injectable()
export class ContactErasedConsumer implements OnModuleInit {
  static readonly durable = 'deals-contact-erased';

  constructor(
    private readonly wiring: EventWiring,
    private readonly deals: DealsService,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.wiring.onEvent(ContactErasedConsumer.durable, 'contact.erased', async (e) => {
      await this.deals.forgetContact(e.workspaceId, e.data.contactId);
    });
  }
}
