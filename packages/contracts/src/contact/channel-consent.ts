import { z } from 'zod';
import { Id, Timestamp } from '../common/primitives';
import { Contact } from './contact';

/**
 * A channel of a contact in a path: `<type>:<value>` (`email:ada@example.com`,
 * `phone:+447700900123`), URL-encoded; the value is matched after normalisation, as stored.
 */
export const ChannelKey = z
  .string()
  .min(3)
  .max(400)
  .regex(/^[a-z]+:.+$/, 'must be <type>:<value>, e.g. email:ada@example.com');

export const ChannelConsentParams = z.object({ id: Id, channelId: ChannelKey }).strict();
export type ChannelConsentParams = z.infer<typeof ChannelConsentParams>;

/**
 * `POST /v1/contacts/:id/channels/:channelId/consent`: an opt-in or opt-out with where it came
 * from; `at` (when it was given) defaults to the server's time and may not be in the future.
 */
export const RecordConsentInput = z
  .object({
    status: z.enum(['opted_in', 'opted_out']),
    source: z.string().trim().min(1).max(200),
    ip: z.string().ip().optional(),
    at: Timestamp.optional(),
  })
  .strict();
export type RecordConsentInput = z.infer<typeof RecordConsentInput>;

/** `rpc.contacts.channels.consent` → the contact with the channel's consent recorded. */
export const CHANNEL_CONSENT_RPC = {
  recordConsent: {
    subject: 'rpc.contacts.channels.consent',
    input: z.object({ id: Id, channelId: ChannelKey, consent: RecordConsentInput }).strict(),
    output: Contact,
  },
} as const;
