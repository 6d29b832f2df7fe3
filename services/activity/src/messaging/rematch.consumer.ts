import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { Contact, EventEnvelope } from '@switchboard/contracts';
import { CONFIG, EventWiring, Lifecycle, NatsBus } from '@switchboard/runtime';
import type { ActivityConfig } from '../config';
import { ContactResolver } from './contact-resolver';
import { lookupKeysOfChannel } from './inbound-message';
import { IngestionService } from './ingestion.service';
import { ParkedMessagesRepository } from './parked-messages.repository';

const SWEEP_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Durable consumer `activity-messaging-rematch` over contact events: a contact that appears (or
 * gains a channel, or absorbs a duplicate) is who parked messages under its id or addresses were
 * waiting for; its lookups are also forgotten in this replica's cache. An hourly sweep drops
 * parked messages older than PARKED_RETENTION_DAYS.
 */
@Injectable()
export class RematchConsumer implements OnModuleInit {
  static readonly durable = 'activity-messaging-rematch';
  private readonly logger = new Logger('messaging-rematch');

  constructor(
    private readonly wiring: EventWiring,
    private readonly bus: NatsBus,
    private readonly ingestion: IngestionService,
    private readonly resolver: ContactResolver,
    private readonly parked: ParkedMessagesRepository,
    private readonly lifecycle: Lifecycle,
    @Inject(CONFIG) private readonly config: ActivityConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.wiring.startBatchConsumer({
      durable: RematchConsumer.durable,
      stream: 'events',
      filterSubjects: [this.bus.ns.eventFilter('contact.>')],
      parse: (raw) => EventEnvelope.parse(raw),
      handleBatch: (items) => this.onContactEvents(items.map((i) => i.message)),
    });
    const timer = setInterval(() => void this.sweep(), SWEEP_MS);
    timer.unref();
    this.lifecycle.onStop(1, 'parked-messages sweep', () => clearInterval(timer));
  }

  /**
   * Forgets the cached lookups of every contact in the batch; then, per workspace, records what
   * was parked under the ids and addresses of the active ones.
   */
  private async onContactEvents(events: EventEnvelope[]): Promise<void> {
    const known = new Map<string, Map<string, string>>();
    for (const event of events) {
      const parsed = Contact.safeParse(event.data.contact);
      if (!parsed.success) continue;
      const contact = parsed.data;
      const keys = [
        `id:${contact.id}`,
        ...contact.channels.flatMap((c) => lookupKeysOfChannel(c.type, c.value)),
      ];
      if (event.type === 'contact.merged') keys.push(`id:${String(event.data.duplicateId)}`);
      this.resolver.forget(event.workspaceId, keys);
      if (contact.status !== 'active') continue;
      const ws = known.get(event.workspaceId) ?? new Map<string, string>();
      for (const key of keys) ws.set(key, contact.id);
      known.set(event.workspaceId, ws);
    }
    for (const [workspaceId, knownAs] of known) {
      await this.ingestion.rematch(workspaceId, [...knownAs.keys()], { knownAs });
    }
  }

  private async sweep(): Promise<void> {
    try {
      const before = new Date(Date.now() - this.config.PARKED_RETENTION_DAYS * DAY_MS);
      const dropped = await this.parked.expire(before);
      if (dropped > 0)
        this.logger.log(`dropped ${dropped} parked messages older than ${before.toISOString()}`);
    } catch (err) {
      this.logger.warn({ err }, 'parked-messages sweep failed');
    }
  }
}
