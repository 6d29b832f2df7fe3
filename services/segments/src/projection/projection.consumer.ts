import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EventWiring, NatsBus } from '@switchboard/runtime';
import { parseProjectionEvent } from './projection.events';
import { ProjectionRebuildService } from './projection-rebuild.service';
import { ProjectionService } from './projection.service';

/**
 * The projection's durable JetStream consumers, batched (one compare-and-set per contact and
 * batch): `segments-projection` over `crm.*.contact.>` (contact snapshots, merges, fit scores)
 * and `segments-activity` over `crm.*.activity.recorded` (behavioural counters). Batches go in
 * order (one in flight): the profile's version and event-id checks make order and repeats
 * harmless anyway. An event that does not carry what its contract promises is dead-lettered at
 * once (`dlq.<durable>.<subject>`, reason `invalid`); one that keeps failing (the contacts
 * service unreachable for field types, Redis down) after MAX_DELIVER attempts with back-off.
 */
@Injectable()
export class ProjectionConsumer implements OnModuleInit {
  static readonly durable = 'segments-projection';
  static readonly activityDurable = 'segments-activity';
  static readonly MAX_DELIVER = 10;

  constructor(
    private readonly wiring: EventWiring,
    private readonly bus: NatsBus,
    private readonly projection: ProjectionService,
    private readonly rebuild: ProjectionRebuildService,
  ) {}

  async onModuleInit(): Promise<void> {
    // Before the first live event lands: is the projection empty (lost, or never built)?
    await this.rebuild.prepare();
    for (const [durable, filter] of [
      [ProjectionConsumer.durable, 'contact.>'],
      [ProjectionConsumer.activityDurable, 'activity.recorded'],
    ] as const) {
      await this.wiring.startBatchConsumer({
        durable,
        stream: 'events',
        filterSubjects: [this.bus.ns.eventFilter(filter)],
        maxBatch: 500,
        lingerMs: 5,
        maxDeliver: ProjectionConsumer.MAX_DELIVER,
        backoffMs: [200, 1000, 5000, 15000, 30000],
        parse: (raw) => parseProjectionEvent(raw),
        handleBatch: (items) =>
          this.projection.apply(
            items.map((i) => ({
              event: i.message,
              seenBefore: i.seenBefore,
              traceparent: i.traceparent,
            })),
          ),
      });
    }
  }
}
