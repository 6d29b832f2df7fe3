import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EventWiring } from '@switchboard/runtime';
import { TaskWriter } from './task-writer';

/**
 * Durable consumer `tasks-contact-erased`: the erased person's tasks go, other tasks forget
 * them. Idempotent; malformed events dead-letter.
 */
@Injectable()
export class ContactErasedConsumer implements OnModuleInit {
  static readonly durable = 'tasks-contact-erased';

  constructor(
    private readonly wiring: EventWiring,
    private readonly writer: TaskWriter,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.wiring.onEvent(ContactErasedConsumer.durable, 'contact.erased', async (e) => {
      await this.writer.forgetContact(e.workspaceId, e.data.contactId);
    });
  }
}
