import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EventWiring } from '@switchboard/runtime';
import { TaskWriter } from './task-writer';

/** Durable consumer `tasks-contact-merged`: tasks of the duplicate are re-anchored to the survivor. */
@Injectable()
export class ContactMergedConsumer implements OnModuleInit {
  static readonly durable = 'tasks-contact-merged';

  constructor(
    private readonly wiring: EventWiring,
    private readonly writer: TaskWriter,
  ) {}

  async onModuleInit(): Promise<void> {
    // Idempotent: a redelivery finds no task left on the duplicate.
    await this.wiring.onEvent(ContactMergedConsumer.durable, 'contact.merged', async (event) => {
      await this.writer.reassignContact(
        event.workspaceId,
        event.actor,
        event.data.duplicateId,
        event.data.survivorId,
      );
    });
  }
}
