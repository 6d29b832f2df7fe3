import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ContactMergedV1, EventEnvelope } from '@switchboard/contracts';
import { EventWiring, NatsBus } from '@switchboard/runtime';
import { TaskWriter } from './task-writer';

/** Durable consumer `tasks-contact-merged`: tasks of the duplicate are re-anchored to the survivor. */
@Injectable()
export class ContactMergedConsumer implements OnModuleInit {
  static readonly durable = 'tasks-contact-merged';

  constructor(
    private readonly wiring: EventWiring,
    private readonly bus: NatsBus,
    private readonly writer: TaskWriter,
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
      // Idempotent: a redelivery finds no task left on the duplicate.
      handle: async ({ event, data }) => {
        await this.writer.reassignContact(
          event.workspaceId,
          event.actor,
          data.duplicateId,
          data.survivorId,
        );
      },
    });
  }
}
