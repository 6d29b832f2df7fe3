import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { CONFIG, EventWiring, NatsBus } from '@switchboard/runtime';
import type { ActivityConfig } from '../config';
import { parseInbound } from './inbound-message';
import { IngestionService } from './ingestion.service';

/**
 * Durable consumer `activity-messaging` over the MESSAGING stream (`messaging.>`), in batches.
 * A message that is not the contract's (subject or payload) is dead-lettered with the reason
 * (`dlq.activity-messaging.<subject>`) and the consumer goes on.
 */
@Injectable()
export class MessagingConsumer implements OnModuleInit {
  static readonly durable = 'activity-messaging';

  constructor(
    private readonly wiring: EventWiring,
    private readonly bus: NatsBus,
    private readonly ingestion: IngestionService,
    @Inject(CONFIG) private readonly config: ActivityConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.wiring.startBatchConsumer({
      durable: MessagingConsumer.durable,
      stream: 'messaging',
      filterSubjects: [this.bus.ns.stream('messaging').subjects[0]],
      maxBatch: this.config.MESSAGING_BATCH_MAX,
      lingerMs: this.config.MESSAGING_LINGER_MS,
      // Entries are ordered by occurredAt on read, not by arrival: batches may overlap.
      batchesInFlight: this.config.MESSAGING_BATCHES_IN_FLIGHT,
      parse: (raw, meta) => parseInbound(meta.contractSubject, raw),
      handleBatch: (items) =>
        this.ingestion.ingest(items.map((i) => ({ message: i.message, seenBefore: i.seenBefore }))),
    });
  }
}
