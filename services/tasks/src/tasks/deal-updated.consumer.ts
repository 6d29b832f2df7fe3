import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DealUpdatedV1, EventEnvelope } from '@switchboard/contracts';
import { EventWiring, NatsBus } from '@switchboard/runtime';
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
    private readonly bus: NatsBus,
    private readonly writer: TaskWriter,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.wiring.startConsumer({
      durable: DealUpdatedConsumer.durable,
      stream: 'events',
      filterSubjects: [this.bus.ns.eventFilter('deal.updated')],
      parse: (raw) => {
        const event = EventEnvelope.parse(raw);
        return { event, data: DealUpdatedV1.parse(event.data) };
      },
      handle: async ({ event, data }) => {
        if (!data.previousContactId) return;
        await this.writer.followDealContact(
          event.workspaceId,
          event.actor,
          data.deal.id,
          data.contactId,
        );
      },
    });
  }
}
