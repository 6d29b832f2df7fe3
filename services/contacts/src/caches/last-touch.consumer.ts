import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EventWiring } from '@switchboard/runtime';
import { touched } from './contact-caches';
import { ContactCacheWriter } from './contact-cache-writer';

/**
 * Durable consumer `contacts-last-touch` (`crm.*.activity.recorded`): the contact's
 * `lastTouchAt`, from activities that are a touch (two-way interactions, not opens or bounces),
 * moved forward only, so redeliveries and late events change nothing.
 */
@Injectable()
export class LastTouchConsumer implements OnModuleInit {
  static readonly durable = 'contacts-last-touch';

  constructor(
    private readonly wiring: EventWiring,
    private readonly writer: ContactCacheWriter,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.wiring.onEvent(LastTouchConsumer.durable, 'activity.recorded', async (event) => {
      if (!event.data.touch) return;
      await this.writer.apply(event.workspaceId, event.data.contactId, (c) =>
        touched(c, new Date(event.data.occurredAt)),
      );
    });
  }
}
