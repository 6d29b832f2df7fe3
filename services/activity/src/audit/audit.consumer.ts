import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EventEnvelope } from '@switchboard/contracts';
import { EventWiring, NatsBus } from '@switchboard/runtime';
import { AuditService } from './audit.service';

/** Durable consumer `activity-audit` over every domain event (`crm.>`): one audit entry per write. */
@Injectable()
export class AuditConsumer implements OnModuleInit {
  static readonly durable = 'activity-audit';

  constructor(
    private readonly wiring: EventWiring,
    private readonly bus: NatsBus,
    private readonly audit: AuditService,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.wiring.startBatchConsumer({
      durable: AuditConsumer.durable,
      stream: 'events',
      filterSubjects: [this.bus.ns.eventFilter('>')],
      // Derived notifications, one per inbound messaging event: no write to audit.
      accept: (subject) => !subject.endsWith('.activity.recorded'),
      parse: (raw) => EventEnvelope.parse(raw),
      handleBatch: (items) => this.audit.record(items.map((i) => i.message)),
    });
  }
}
