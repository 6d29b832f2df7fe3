import { Injectable } from '@nestjs/common';
import type {
  ApplyChannelEventInput,
  ApplyChannelEventResult,
  Channel,
  ChannelType,
  FieldChange,
  FindByChannelInput,
  FindByChannelResult,
  RequestContext,
} from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { buildEvent } from '@switchboard/messaging';
import { toContact } from './contact.mapper';
import { normaliseChannelValue } from './contact-normalizer';
import { foldText } from './contact-search';
import type { ContactDoc } from './contact.schema';
import { ContactsRepository } from './contacts.repository';
import { ContactsService } from './contacts.service';

/** Phone numbers are one family: an SMS or WhatsApp number is also a `phone` channel. */
const PHONE_FAMILY: ChannelType[] = ['phone', 'sms', 'whatsapp'];
const familyOf = (type: ChannelType): ChannelType[] =>
  PHONE_FAMILY.includes(type) ? PHONE_FAMILY : [type];

/** Survivor hops followed at most (a chain of merges). */
const MAX_MERGE_HOPS = 5;

/**
 * The search key a stored channel value is also found under (contact-search.ts): FerretDB
 * answers an equality on the top-level `searchKeys` array from its index, where a query on
 * `channels.value` would scan the workspace.
 */
const searchKeyOf = (type: ChannelType, value: string): string =>
  PHONE_FAMILY.includes(type) ? value.replace(/\D/g, '') : foldText(value);

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
 * complaint or unsubscribe on a channel (written through `ContactsService.mutate`, so it is
 * version-checked and emits `contact.updated` with the channel change).
 */
@Injectable()
export class ContactLookupService {
  constructor(
    private readonly repository: ContactsRepository,
    private readonly contacts: ContactsService,
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

  async applyChannelEvent(
    ctx: RequestContext,
    input: ApplyChannelEventInput,
  ): Promise<ApplyChannelEventResult> {
    const contactId = await this.survivorOf(ctx.workspaceId, input.contactId);
    let channelValue: string | null = null;
    let changed = false;
    await this.contacts.mutate(ctx.workspaceId, contactId, (doc) => {
      const index = channelIndex(doc.channels, input);
      channelValue = index >= 0 ? doc.channels[index].value : null;
      if (index < 0) return null;
      const before = doc.channels[index];
      const after = withEffect(before, input);
      changed = after !== before;
      if (!changed) return null;
      const channels = doc.channels.map((c, i) => (i === index ? after : c));
      const now = new Date();
      const changes: FieldChange[] = [
        { field: `channels.${before.type}:${before.value}`, from: before, to: after },
      ];
      return {
        next: { ...doc, channels, version: doc.version + 1, updatedAt: now },
        events: (next) => [
          buildEvent('contact.updated', {
            workspaceId: ctx.workspaceId,
            actor: ctx.actor,
            aggregateId: next._id,
            aggregateVersion: next.version,
            occurredAt: now,
            data: { contact: toContact(next), changes },
          }),
        ],
      };
    });
    return { contactId, changed, channelValue };
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

/** The channel with the effect in place; the same object when it already was (idempotence). */
function withEffect(channel: Channel, input: ApplyChannelEventInput): Channel {
  if (input.effect === 'unsubscribe') {
    if (!channel.subscribed && channel.consent?.unsubscribedAt) return channel;
    return {
      ...channel,
      subscribed: false,
      consent: { ...channel.consent, unsubscribedAt: input.occurredAt },
    };
  }
  // The first suppression stands: a later complaint does not rewrite a bounce.
  if (channel.suppression) return channel;
  const reason = input.effect === 'suppress_bounce' ? 'bounce' : 'complaint';
  return { ...channel, suppression: { reason, at: input.occurredAt } };
}
