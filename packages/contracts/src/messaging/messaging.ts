import { z } from 'zod';
import { checkJson } from '../common/bounded-json';
import { Id, Timestamp } from '../common/primitives';

/**
 * What messaging services report, by channel: the inbound subjects are
 * `messaging.<workspaceId>.<channel>.<event>` on the MESSAGING stream.
 */
const MESSAGE_LIFECYCLE = [
  'sent',
  'delivered',
  'opened',
  'clicked',
  'replied',
  'bounced',
  'complained',
  'unsubscribed',
] as const;
export const MESSAGING_EVENTS = {
  email: MESSAGE_LIFECYCLE,
  sms: MESSAGE_LIFECYCLE,
  whatsapp: MESSAGE_LIFECYCLE,
  linkedin: ['sent', 'replied'],
  telegram: ['sent', 'replied'],
  bot: ['replied', 'escalated'],
} as const;
export type MessagingChannel = keyof typeof MESSAGING_EVENTS;
export const MessagingChannel = z.enum(
  Object.keys(MESSAGING_EVENTS) as [MessagingChannel, ...MessagingChannel[]],
);
/** `email.sent`, `sms.bounced`, `bot.escalated`, … (the subject's last two tokens). */
export const MESSAGING_EVENT_TYPES = Object.entries(MESSAGING_EVENTS).flatMap(([channel, events]) =>
  events.map((event) => `${channel}.${event}`),
) as [string, ...string[]];
export const MessagingEventType = z.enum(MESSAGING_EVENT_TYPES);

/** `detail` as sent; kept as JSON and capped so one message cannot bloat a timeline. */
export const MESSAGING_DETAIL_MAX_BYTES = 8192;

/**
 * Payload of an inbound messaging event. The person is named by `contactId` or by the channel
 * `address` (an email address, an E.164 number, a profile handle); `id` is the sender's event
 * id: the same id is recorded once. Unknown fields are ignored (senders may add more).
 */
export const InboundMessagingEvent = z
  .object({
    id: z
      .string()
      .min(1)
      .max(128)
      .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces'),
    occurredAt: Timestamp,
    contactId: Id.optional(),
    address: z.string().trim().min(1).max(320).optional(),
    campaignId: z.string().min(1).max(128).optional(),
    messageId: z.string().min(1).max(256).optional(),
    /** Anything else the sender knows: bounce type (`hard`/`soft`), clicked URL, reply text… */
    detail: z
      .record(z.unknown())
      .superRefine(checkJson({ maxBytes: MESSAGING_DETAIL_MAX_BYTES, maxDepth: 8 }))
      .optional(),
  })
  .refine((e) => e.contactId !== undefined || e.address !== undefined, {
    message: 'name the person by contactId or address',
    path: ['contactId'],
  });
export type InboundMessagingEvent = z.infer<typeof InboundMessagingEvent>;
