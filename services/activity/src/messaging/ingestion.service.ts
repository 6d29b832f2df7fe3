import { Injectable, Logger } from '@nestjs/common';
import { RPC, type EventEnvelope } from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { EventPublisher, RpcClient } from '@switchboard/messaging';
import { TimelineService } from '../timeline/timeline.service';
import { ContactResolver, serviceContext } from './contact-resolver';
import {
  CONTACT_CHANNEL,
  consequences,
  parseInbound,
  type InboundMessage,
} from './inbound-message';
import { messagingEntry, recordedFromInbound } from './messaging-entry';
import type { ParkedMessageDoc } from './parked-message.schema';
import { ParkedMessagesRepository } from './parked-messages.repository';

/** An inbound message and whether it may have been handled before (redelivery, retry). */
export interface Inbound {
  message: InboundMessage;
  seenBefore: boolean;
}

/** The suppression-list reason of each channel effect. */
const SUPPRESSION_REASON = {
  suppress_bounce: 'bounce',
  suppress_complaint: 'complaint',
  unsubscribe: 'unsubscribe',
} as const;

/** Channel effects (contacts RPCs) and JetStream publishes in flight at once. */
const EFFECTS_IN_FLIGHT = 16;
const PUBLISHES_IN_FLIGHT = 256;

async function inParallel<T>(
  items: T[],
  width: number,
  fn: (t: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}

/**
 * Messaging ingestion, a batch at a time: resolve each event's person (cached lookups), record
 * the entries in one unordered insert (the entry id is the dedup key), then — for entries new
 * now, or possibly left half-done by an earlier attempt — apply the channel effect (bounce,
 * complaint, unsubscribe) through the contacts service and publish `activity.recorded`. Events
 * for unknown people are parked and recorded when the person appears.
 */
@Injectable()
export class IngestionService {
  private readonly logger = new Logger('messaging-ingestion');

  constructor(
    private readonly resolver: ContactResolver,
    private readonly timeline: TimelineService,
    private readonly parked: ParkedMessagesRepository,
    private readonly rpc: RpcClient,
    private readonly publisher: EventPublisher,
  ) {}

  async ingest(batch: Inbound[]): Promise<void> {
    const byWorkspace = new Map<string, Inbound[]>();
    for (const item of batch) {
      const ws = item.message.workspaceId;
      const list = byWorkspace.get(ws);
      if (list) list.push(item);
      else byWorkspace.set(ws, [item]);
    }
    for (const [workspaceId, items] of byWorkspace) await this.ingestWorkspace(workspaceId, items);
  }

  private async ingestWorkspace(workspaceId: string, items: Inbound[]): Promise<void> {
    const found = await this.resolver.resolve(
      workspaceId,
      items.map((i) => i.message.lookupKey),
    );
    const resolved = items.filter((i) => found.get(i.message.lookupKey));
    const unknown = items.filter((i) => !found.get(i.message.lookupKey));
    await this.record(resolved.map((i) => ({ ...i, contactId: found.get(i.message.lookupKey)! })));
    if (unknown.length > 0) {
      // The address is suppressed whether or not a contact holds it (decision 0121).
      const listed = unknown.filter((i) => consequences(i.message).effect !== null);
      await inParallel(listed, EFFECTS_IN_FLIGHT, (i) => this.listAddress(i.message));
      await this.park(workspaceId, unknown);
    }
  }

  /** Puts the address of a bounce, complaint or unsubscribe nobody holds on the list. */
  private async listAddress(m: InboundMessage): Promise<void> {
    const { effect } = consequences(m);
    const channelType = CONTACT_CHANNEL[m.channel];
    if (!effect || !channelType || !m.payload.address) return;
    try {
      await this.rpc.call(RPC.contacts.recordSuppression, serviceContext(m.workspaceId), {
        address: m.payload.address,
        channelType,
        reason: SUPPRESSION_REASON[effect],
        occurredAt: m.payload.occurredAt,
        sourceId: m.payload.id,
      });
    } catch (err) {
      // An address that cannot be one (a malformed email) is not listed; anything else retries.
      if (AppError.from(err).code !== 'validation_failed') throw err;
      this.logger.warn({ err, id: m.payload.id, effect }, 'address not listed');
    }
  }

  /** Records entries for resolved messages, then their effects and `activity.recorded`. */
  async record(items: (Inbound & { contactId: string })[]): Promise<void> {
    if (items.length === 0) return;
    const now = new Date();
    const entries = items.map((i) => messagingEntry(i.message, i.contactId, now));
    const inserted = await this.timeline.insert(entries);
    // Redeliveries and retries repeat the follow-ups: they are idempotent, and the first
    // attempt may have died between the insert and them.
    const todo = items
      .map((item, k) => ({ item, entry: entries[k] }))
      .filter(({ item, entry }) => inserted.has(entry._id) || item.seenBefore);
    const events = todo.map(({ item, entry }) => recordedFromInbound(item.message, entry));
    const effects = todo.filter(({ item }) => consequences(item.message).effect !== null);
    await Promise.all([
      inParallel(effects, EFFECTS_IN_FLIGHT, ({ item, entry }) =>
        this.applyEffect(item.message, entry.anchorId),
      ),
      inParallel(events, PUBLISHES_IN_FLIGHT, (e) => this.publish(e)),
    ]);
  }

  private async publish(event: EventEnvelope): Promise<void> {
    await this.publisher.publish(event);
  }

  private async applyEffect(m: InboundMessage, contactId: string): Promise<void> {
    const { effect } = consequences(m);
    const type = CONTACT_CHANNEL[m.channel];
    if (!effect || !type) return;
    try {
      await this.rpc.call(RPC.contacts.applyChannelEvent, serviceContext(m.workspaceId), {
        contactId,
        type,
        ...(m.payload.address ? { value: m.payload.address } : {}),
        effect,
        occurredAt: m.payload.occurredAt,
        sourceId: m.payload.id,
      });
    } catch (err) {
      // The contact went away meanwhile, or the address is not one a contact can hold: nothing
      // to suppress. Anything else (contacts down, a timeout) fails the batch for a retry.
      const code = AppError.from(err).code;
      if (code !== 'not_found' && code !== 'validation_failed') throw err;
      this.logger.warn({ err, id: m.payload.id, effect }, 'channel effect not applied');
    }
  }

  /**
   * Parks messages nobody matches. Then looks again, past the cache: a contact created between
   * the first lookup and the parking was announced before there was anything to re-match.
   */
  private async park(workspaceId: string, items: Inbound[]): Promise<void> {
    const now = new Date();
    const docs: ParkedMessageDoc[] = items.map(({ message: m }) => ({
      _id: m.entryId,
      workspaceId,
      lookupKey: m.lookupKey,
      subject: `messaging.${workspaceId}.${m.channel}.${m.event}`,
      payloadJson: JSON.stringify(m.payload),
      parkedAt: now,
    }));
    await this.parked.park(docs);
    await this.rematch(workspaceId, [...new Set(items.map((i) => i.message.lookupKey))], {
      fresh: true,
    });
  }

  /**
   * Records the parked messages under the given lookup keys whose person can now be found
   * (`knownAs`: keys a contact event says belong to that contact), and unparks them.
   */
  async rematch(
    workspaceId: string,
    keys: string[],
    opts: { fresh?: boolean; knownAs?: Map<string, string> } = {},
  ): Promise<void> {
    const parked = await this.parked.byKeys(workspaceId, keys);
    if (parked.length === 0) return;
    const unknownKeys = [...new Set(parked.map((p) => p.lookupKey))].filter(
      (k) => !opts.knownAs?.has(k),
    );
    const found = await this.resolver.resolve(workspaceId, unknownKeys, { fresh: opts.fresh });
    const ready = parked.flatMap((p) => {
      const contactId = opts.knownAs?.get(p.lookupKey) ?? found.get(p.lookupKey);
      if (!contactId) return [];
      const message = parseInbound(p.subject, JSON.parse(p.payloadJson));
      return [{ message, contactId, seenBefore: true, parkedId: p._id }];
    });
    await this.record(ready);
    await this.parked.remove(
      workspaceId,
      ready.map((r) => r.parkedId),
    );
  }
}
