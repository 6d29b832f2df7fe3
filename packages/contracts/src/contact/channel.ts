import { z } from 'zod';
import { Timestamp } from '../common/primitives';

export const CHANNEL_TYPES = [
  'email',
  'phone',
  'sms',
  'whatsapp',
  'linkedin',
  'telegram',
  'other',
] as const;
export const ChannelType = z.enum(CHANNEL_TYPES);
export type ChannelType = z.infer<typeof ChannelType>;

/** A contact point as a client sends it. */
export const ChannelInput = z
  .object({
    type: ChannelType,
    value: z.string().trim().min(1).max(320),
    label: z.string().trim().max(64).optional(),
    primary: z.boolean().optional(),
  })
  .strict();
export type ChannelInput = z.infer<typeof ChannelInput>;

/** Why an address is suppressed (the workspace suppression list keeps every reason it got). */
export const SuppressionReason = z.enum(['bounce', 'complaint', 'unsubscribe', 'manual']);
export type SuppressionReason = z.infer<typeof SuppressionReason>;

/** A channel's consent: `unknown` until an opt-in or opt-out is recorded (absent = unknown). */
export const ConsentStatus = z.enum(['unknown', 'opted_in', 'opted_out']);
export type ConsentStatus = z.infer<typeof ConsentStatus>;

/** Consent changes kept per channel (newest last); older ones are dropped. */
export const CONSENT_HISTORY_MAX = 20;

/** One recorded consent change: what was given, when, where from. */
export const ConsentChange = z.object({
  status: z.enum(['opted_in', 'opted_out']),
  /** When the person gave it (the client's `at`, else the server's time). */
  at: Timestamp,
  /** `CSV Import`, `web form`, `messaging`, `api`, … */
  source: z.string(),
  ip: z.string().optional(),
  /** When the CRM recorded it. */
  recordedAt: Timestamp,
});
export type ConsentChange = z.infer<typeof ConsentChange>;

/**
 * A stored contact point: normalised value, consent and suppression per channel. `subscribed`
 * (kept for existing clients) is false exactly when the latest consent is `opted_out`;
 * `consent.status` is the authority (decision 0120). `suppression` is set while the workspace
 * suppression list holds the address (decision 0121).
 */
export const Channel = z.object({
  type: ChannelType,
  value: z.string(),
  label: z.string().optional(),
  primary: z.boolean(),
  subscribed: z.boolean(),
  consent: z
    .object({
      status: ConsentStatus.optional(),
      /** When the latest change was given. */
      at: Timestamp.optional(),
      optInAt: Timestamp.optional(),
      source: z.string().optional(),
      ip: z.string().optional(),
      unsubscribedAt: Timestamp.optional(),
      /** The latest CONSENT_HISTORY_MAX changes, oldest first. */
      history: z.array(ConsentChange).optional(),
    })
    .optional(),
  suppression: z.object({ reason: SuppressionReason, at: Timestamp }).optional(),
});
export type Channel = z.infer<typeof Channel>;
