import { z } from 'zod';
import {
  Id,
  InboundMessagingEvent,
  MESSAGING_EVENTS,
  type ChannelType,
  type Direction,
  type MessagingChannel,
} from '@switchboard/contracts';

/** An inbound messaging event, validated and placed: who sent it where, about whom. */
export interface InboundMessage {
  workspaceId: string;
  channel: MessagingChannel;
  event: string;
  /** `<channel>.<event>`: the timeline entry type. */
  type: string;
  payload: InboundMessagingEvent;
  /** The timeline entry id, and the dedup key: one entry per sender event id and workspace. */
  entryId: string;
  /** How the person is looked up: `id:<contactId>` or `addr:<channel type>:<address>`. */
  lookupKey: string;
}

const Subject = z.tuple([
  z.literal('messaging'),
  Id,
  z.enum(Object.keys(MESSAGING_EVENTS) as [MessagingChannel, ...MessagingChannel[]]),
  z.string().min(1),
]);

/** The contact channel an address of a messaging channel is (bots have no address of their own). */
export const CONTACT_CHANNEL: Record<MessagingChannel, ChannelType | null> = {
  email: 'email',
  sms: 'sms',
  whatsapp: 'whatsapp',
  linkedin: 'linkedin',
  telegram: 'telegram',
  bot: null,
};

const PHONE_FAMILY = new Set<ChannelType>(['phone', 'sms', 'whatsapp']);

/**
 * An address as contacts store it, near enough to match: emails lower-cased, phone numbers
 * without formatting (contacts keep E.164), anything else trimmed.
 */
export function normaliseAddress(type: ChannelType, address: string): string {
  const value = address.trim();
  if (type === 'email') return value.toLowerCase();
  if (PHONE_FAMILY.has(type)) return value.replace(/[\s().-]/g, '');
  return value;
}

/** Lookup keys under which a stored contact channel can be named by inbound events. */
export function lookupKeysOfChannel(type: ChannelType, value: string): string[] {
  const types: ChannelType[] = PHONE_FAMILY.has(type) ? ['sms', 'whatsapp'] : [type];
  return types.map((t) => `addr:${t}:${normaliseAddress(t, value)}`);
}

/**
 * Subject + payload → InboundMessage; throws (a zod error, read by the dead-letter reason) when
 * the subject is not `messaging.<workspaceId>.<channel>.<event>` with a known event, or the
 * payload is not the contract's.
 */
export function parseInbound(contractSubject: string, raw: unknown): InboundMessage {
  const [, workspaceId, channel, event] = Subject.parse(contractSubject.split('.'));
  if (!(MESSAGING_EVENTS[channel] as readonly string[]).includes(event)) {
    throw new z.ZodError([
      {
        code: 'custom',
        path: ['subject'],
        message: `unknown event ${channel}.${event} (known: ${MESSAGING_EVENTS[channel].join(', ')})`,
      },
    ]);
  }
  const payload = InboundMessagingEvent.parse(raw);
  const contactType = CONTACT_CHANNEL[channel];
  let lookupKey: string;
  if (payload.contactId) lookupKey = `id:${payload.contactId}`;
  else if (contactType && payload.address) {
    lookupKey = `addr:${contactType}:${normaliseAddress(contactType, payload.address)}`;
  } else {
    throw new z.ZodError([
      {
        code: 'custom',
        path: ['contactId'],
        message: `${channel} events name the person by contactId`,
      },
    ]);
  }
  return {
    workspaceId,
    channel,
    event,
    type: `${channel}.${event}`,
    payload,
    entryId: `msg:${workspaceId}:${payload.id}`,
    lookupKey,
  };
}

/** Events that are a two-way interaction: they move the contact's last touch. */
const TOUCHES = new Set(['sent', 'replied']);
/** Events about a message from the person (the others are about a message sent to them). */
const INBOUND = new Set(['replied', 'unsubscribed', 'complained', 'escalated']);
const SOFT_BOUNCES = new Set(['soft', 'transient', 'temporary']);

export type ChannelEffectName = 'suppress_bounce' | 'suppress_complaint' | 'unsubscribe';

/** What an inbound event means beyond its timeline entry. */
export function consequences(m: InboundMessage): {
  touch: boolean;
  direction: Direction;
  effect: ChannelEffectName | null;
} {
  const detail = m.payload.detail ?? {};
  const declared = detail.bounceType ?? detail.type;
  const bounceType = typeof declared === 'string' ? declared.toLowerCase() : 'hard';
  const effect =
    CONTACT_CHANNEL[m.channel] === null
      ? null
      : m.event === 'bounced' && !SOFT_BOUNCES.has(bounceType)
        ? 'suppress_bounce'
        : m.event === 'complained'
          ? 'suppress_complaint'
          : m.event === 'unsubscribed'
            ? 'unsubscribe'
            : null;
  return {
    touch: TOUCHES.has(m.event),
    direction: INBOUND.has(m.event) ? 'inbound' : 'outbound',
    effect,
  };
}
