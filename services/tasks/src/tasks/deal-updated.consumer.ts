import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EventWiring } from '@switchboard/runtime';
import { TaskWriter } from './task-writer';

/**
 * Durable consumer `tasks-deal-updated`: when a deal moves to another contact (an edit or a
 * contact merge), its tasks follow, so their events land on the right timeline.
 */
@Injectable()
export class DealUpdatedConsumer implements OnModuleInit {
  static readonly durable = 'tasks-deal-updated';

  constructor(
    private readonly wiring: EventWiring,
    private readonly writer: TaskWriter,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.wiring.onEvent(
      DealUpdatedConsumer.durable,
      'deal.updated',
      async ({ data, ...event }) => {
        if (!data.previousContactId || !data.contactId) return;
        await this.writer.followDealContact(
          event.workspaceId,
          event.actor,
          data.deal.id,
          data.contactId,
        );
      },
    );
  }
}
