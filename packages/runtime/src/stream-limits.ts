import { z } from 'zod';
import { STREAM_LIMITS } from '@switchboard/contracts';
import type { StreamLimitSettings } from '@switchboard/messaging';

const bytes = (fallback: number) =>
  z.coerce
    .number()
    .int()
    .min(1024 * 1024)
    .default(fallback);
const days = (fallback: number) => z.coerce.number().positive().max(3650).default(fallback);

/**
 * Settings of the JetStream streams' limits (defaults: contracts STREAM_LIMITS). Each stream's
 * byte limit is reserved against the NATS server's JetStream storage (`max_file_store`).
 */
export const StreamLimitSettingsEnv = {
  STREAM_EVENTS_MAX_BYTES: bytes(STREAM_LIMITS.events.maxBytes),
  STREAM_EVENTS_MAX_AGE_DAYS: days(STREAM_LIMITS.events.maxAgeDays),
  STREAM_MESSAGING_MAX_BYTES: bytes(STREAM_LIMITS.messaging.maxBytes),
  STREAM_MESSAGING_MAX_AGE_DAYS: days(STREAM_LIMITS.messaging.maxAgeDays),
  STREAM_DLQ_MAX_BYTES: bytes(STREAM_LIMITS.deadLetters.maxBytes),
  STREAM_DLQ_MAX_AGE_DAYS: days(STREAM_LIMITS.deadLetters.maxAgeDays),
};

type StreamLimitConfig = { [K in keyof typeof StreamLimitSettingsEnv]: number };

export const streamLimitsOf = (c: StreamLimitConfig): StreamLimitSettings => ({
  events: { maxBytes: c.STREAM_EVENTS_MAX_BYTES, maxAgeDays: c.STREAM_EVENTS_MAX_AGE_DAYS },
  messaging: {
    maxBytes: c.STREAM_MESSAGING_MAX_BYTES,
    maxAgeDays: c.STREAM_MESSAGING_MAX_AGE_DAYS,
  },
  deadLetters: { maxBytes: c.STREAM_DLQ_MAX_BYTES, maxAgeDays: c.STREAM_DLQ_MAX_AGE_DAYS },
});
