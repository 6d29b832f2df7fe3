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

export const SuppressionReason = z.enum(['bounce', 'complaint', 'manual']);

/** A stored contact point: normalised value, consent and suppression per channel. */
export const Channel = z.object({
  type: ChannelType,
  value: z.string(),
  label: z.string().optional(),
  primary: z.boolean(),
  subscribed: z.boolean(),
  consent: z
    .object({
      optInAt: Timestamp.optional(),
      source: z.string().optional(),
      ip: z.string().optional(),
      unsubscribedAt: Timestamp.optional(),
    })
    .optional(),
  suppression: z.object({ reason: SuppressionReason, at: Timestamp }).optional(),
});
export type Channel = z.infer<typeof Channel>;
