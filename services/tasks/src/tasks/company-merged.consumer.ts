import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EventWiring } from '@switchboard/runtime';
import { TaskWriter } from './task-writer';

/**
 * Durable consumer `tasks-company-merged`: tasks anchored to the duplicate company anchor to
 * the survivor. Idempotent (a redelivery finds none left); malformed events dead-letter.
 */
@Injectable()
export class CompanyMergedConsumer implements OnModuleInit {
  static readonly durable = 'tasks-company-merged';

  constructor(
    private readonly wiring: EventWiring,
    private readonly writer: TaskWriter,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.wiring.onEvent(CompanyMergedConsumer.durable, 'company.merged', async (e) => {
      if (e.data.duplicateId === e.data.survivorId) return;
      await this.writer.reassignCompany(
        e.workspaceId,
        e.actor,
        e.data.duplicateId,
        e.data.survivorId,
      );
    });
  }
}
