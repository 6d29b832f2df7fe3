import { Injectable } from '@nestjs/common';
import type {
  ApplyChannelEventInput,
  ApplyChannelEventResult,
  Channel,
  ChannelType,
  FindByChannelInput,
  FindByChannelResult,
  RequestContext,
  SuppressionReason,
} from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { SuppressionsService } from '../suppressions/suppressions.service';
import { normaliseChannelValue } from './contact-normalizer';
import { familyOf, searchKeyOf } from './channel-holders';
import { withConsent } from './channel-consent';
import { channelsChangedEvents } from './channel-events';
import { stamped } from './contact-writes';
import type { ContactDoc } from './contact.schema';
import { ContactsRepository } from './contacts.repository';
import { ContactsService } from './contacts.service';

/** The list reason of each messaging effect. */
const REASON_OF: Record<ApplyChannelEventInput['effect'], SuppressionReason> = {
  suppress_bounce: 'bounce',
  suppress_complaint: 'complaint',
  unsubscribe: 'unsubscribe',
};

/** The consent source of an unsubscribe reported by a messaging service. */
const MESSAGING_SOURCE = 'messaging';

/** Survivor hops followed at most (a chain of merges). */
const MAX_MERGE_HOPS = 5;

/** The value as contacts store it, or null when it cannot be one (a malformed address). */
function normalised(type: ChannelType, value: string): string | null {
  try {
    return normaliseChannelValue({ type, value }, 0);
  } catch (err) {
    if (AppError.from(err).code === 'validation_failed') return null;
    throw err;
  }
}

/**
 * What messaging ingestion asks of contacts: who holds an address, and the effect of a bounce,
 * complaint or unsubscribe on a channel (the suppression list, and the channel's consent; written
 * through `ContactsService.mutate`, so version-checked, emitting `contact.updated`).
 */
@Injectable()
export class ContactLookupService {
  constructor(
    private readonly repository: ContactsRepository,
    private readonly contacts: ContactsService,
    private readonly suppressions: SuppressionsService,
  ) {}

  async findByChannel(
    ctx: RequestContext,
    input: FindByChannelInput,
  ): Promise<FindByChannelResult> {
    const value = normalised(input.type, input.value);
    if (value === null) return { contactId: null };
    const family = familyOf(input.type);
    const holders = (
      await this.repository.model
        .find(
          { workspaceId: ctx.workspaceId, searchKeys: searchKeyOf(input.type, value) },
          { status: 1, mergedInto: 1, channels: 1 },
        )
        .lean<Pick<ContactDoc, '_id' | 'status' | 'mergedInto' | 'channels'>[]>()
    ).filter((c) => c.channels.some((ch) => ch.value === value && family.includes(ch.type)));
    const active = holders.find((c) => c.status === 'active');
    if (active) return { contactId: active._id };
    const merged = holders.find((c) => c.mergedInto);
    if (merged) return { contactId: await this.survivorOf(ctx.workspaceId, merged._id) };
    return { contactId: holders[0]?._id ?? null };
  }

  /**
   * A bounce, complaint or unsubscribe of one of the contact's channels: the channel's address
   * goes on the workspace suppression list (which suppresses every channel holding it, decision
   * 0121), and an unsubscribe also records `opted_out` on the channel (decision 0120). A contact
   * without such a channel still lists an address the event names.
   */
  async applyChannelEvent(
    ctx: RequestContext,
    input: ApplyChannelEventInput,
  ): Promise<ApplyChannelEventResult> {
    const contactId = await this.survivorOf(ctx.workspaceId, input.contactId);
    const doc = await this.contacts.load(ctx.workspaceId, contactId);
    const index = channelIndex(doc.channels, input);
    const channel = index >= 0 ? doc.channels[index] : null;
    let changed = false;
    // Listed first, opted out second: once the consent shows, the suppression is there too.
    const address = channel?.value ?? input.value;
    if (address !== undefined) {
      const listed = await this.suppressions.record(ctx, {
        address,
        channelType: channel?.type ?? input.type,
        reason: REASON_OF[input.effect],
        occurredAt: input.occurredAt,
        sourceId: input.sourceId,
      });
      changed = listed.contactIds.includes(contactId);
    }
    if (channel && input.effect === 'unsubscribe') {
      changed = (await this.optOut(ctx, contactId, input)) || changed;
    }
    return { contactId, changed, channelValue: channel?.value ?? null };
  }

  /** `opted_out` recorded on the channel the unsubscribe names (idempotent). */
  private async optOut(
    ctx: RequestContext,
    contactId: string,
    input: ApplyChannelEventInput,
  ): Promise<boolean> {
    let changed = false;
    await this.contacts.mutate(ctx.workspaceId, contactId, (doc) => {
      const index = channelIndex(doc.channels, input);
      if (index < 0) return null;
      const before = doc.channels[index];
      const after = withConsent(before, {
        status: 'opted_out',
        at: new Date(input.occurredAt).toISOString(),
        source: MESSAGING_SOURCE,
        recordedAt: new Date().toISOString(),
      });
      changed = after !== before;
      if (!changed) return null;
      const channels = doc.channels.map((c, i) => (i === index ? after : c));
      const next = stamped({ ...doc, channels }, new Date());
      return { next, events: (n) => channelsChangedEvents(ctx.actor, doc, n) };
    });
    return changed;
  }

  /** The contact itself, or the survivor it was merged into (following a chain of merges). */
  private async survivorOf(workspaceId: string, id: string): Promise<string> {
    let current = id;
    for (let hop = 0; hop < MAX_MERGE_HOPS; hop++) {
      const doc = await this.repository.findById(workspaceId, current);
      if (!doc) throw AppError.notFound('contact', current);
      if (!doc.mergedInto) return current;
      current = doc.mergedInto;
    }
    return current;
  }
}

/** The channel an effect applies to: the named value, else the primary (or first) of the type. */
function channelIndex(channels: Channel[], input: ApplyChannelEventInput): number {
  const family = familyOf(input.type);
  if (input.value !== undefined) {
    const value = normalised(input.type, input.value);
    return channels.findIndex((c) => c.value === value && family.includes(c.type));
  }
  const primary = channels.findIndex((c) => c.type === input.type && c.primary);
  if (primary >= 0) return primary;
  return channels.findIndex((c) => family.includes(c.type));
}
