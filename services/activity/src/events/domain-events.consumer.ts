import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EventEnvelope } from '@switchboard/contracts';
import { EventWiring, NatsBus } from '@switchboard/runtime';
import { AuditService } from '../audit/audit.service';
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
      },
    });
  }
}
