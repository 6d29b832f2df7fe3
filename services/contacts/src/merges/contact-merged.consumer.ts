import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EventWiring } from '@switchboard/runtime';
import { MergedReferencesRepository } from './merged-references.repository';

/**
 * Durable consumer `contacts-contact-merged`: the duplicate's fit assessments, rankings and
 * converted leads move to the survivor. Idempotent (a redelivery finds nothing left on the
 * duplicate); a malformed event is dead-lettered by the wiring.
 */
@Injectable()
export class ContactMergedConsumer implements OnModuleInit {
  static readonly durable = 'contacts-contact-merged';

  constructor(
    private readonly wiring: EventWiring,
    private readonly refs: MergedReferencesRepository,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.wiring.onEvent(ContactMergedConsumer.durable, 'contact.merged', async (event) => {
      const { duplicateId, survivorId } = event.data;
      if (duplicateId === survivorId) return;
      const ws = event.workspaceId;
      await this.refs.moveAssessments(ws, duplicateId, survivorId);
      await this.refs.moveRankings(ws, duplicateId, survivorId);
      await this.refs.moveLeads(ws, duplicateId, survivorId);
    });
  }
}
