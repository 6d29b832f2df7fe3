import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ContactErasedV1, EventEnvelope } from '@switchboard/contracts';
import { EventWiring, NatsBus } from '@switchboard/runtime';
import { AuditService } from '../audit/audit.service';
import { PersonRecordsRepository } from '../people/person-records.repository';
import { TimelineService } from '../timeline/timeline.service';

/**
 * Durable consumer `activity-timeline` over every domain event (`crm.>`), in batches: each event
 * lands on the timelines of the records it concerns and, if it records a write, in the audit
 * trail — both once (ids derive from the event). One consumer for both projections, so each
 * event is delivered and parsed once; a failure retries both (both are idempotent).
 */
@Injectable()
export class DomainEventsConsumer implements OnModuleInit {
  static readonly durable = 'activity-timeline';

  constructor(
    private readonly wiring: EventWiring,
    private readonly bus: NatsBus,
    private readonly timeline: TimelineService,
    private readonly audit: AuditService,
    private readonly people: PersonRecordsRepository,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.wiring.startBatchConsumer({
      durable: DomainEventsConsumer.durable,
      stream: 'events',
      filterSubjects: [this.bus.ns.eventFilter('>')],
      // Its own notifications (one per inbound messaging event) are neither entries nor writes.
      accept: (subject) => !subject.endsWith('.activity.recorded'),
      parse: (raw) => EventEnvelope.parse(raw),
      handleBatch: async (items) => {
        const events = items.map((i) => i.message);
        await Promise.all([this.timeline.recordEvents(events), this.audit.record(events)]);
        for (const event of events) await this.applyPersonEffects(event);
      },
    });
  }

  /**
   * After the batch is recorded: a merge moves the duplicate's notes and communications to the
   * survivor; an erasure deletes what names the person, including entries this batch wrote
   * (decision 0131). Both are idempotent, so a redelivered batch does nothing more.
   */
  private async applyPersonEffects(event: EventEnvelope): Promise<void> {
    const d = event.data;
    if (event.type === 'contact.merged') {
      const { duplicateId, survivorId } = d as { duplicateId?: string; survivorId?: string };
      if (duplicateId && survivorId && duplicateId !== survivorId)
        await this.people.moveToSurvivor(event.workspaceId, duplicateId, survivorId);
    } else if (event.type === 'contact.erased') {
      const parsed = ContactErasedV1.safeParse(d);
      if (parsed.success)
        await this.people.erase(event.workspaceId, parsed.data.contactId, parsed.data.leadIds);
    }
  }
}
