import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EventWiring } from '@switchboard/runtime';
import { DealsService } from './deals.service';

/**
 * Durable consumer `deals-company-merged`: the duplicate company's deals move to the survivor.
 * Idempotent (a redelivery finds no deal left on the duplicate); malformed events dead-letter.
 */
@Injectable()
export class CompanyMergedConsumer implements OnModuleInit {
  static readonly durable = 'deals-company-merged';

  constructor(
    private readonly wiring: EventWiring,
    private readonly deals: DealsService,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.wiring.onEvent(CompanyMergedConsumer.durable, 'company.merged', async (e) => {
      if (e.data.duplicateId === e.data.survivorId) return;
      await this.deals.reassignCompany(
        e.workspaceId,
        e.actor,
        e.data.duplicateId,
        e.data.survivorId,
      );
    });
  }
}
