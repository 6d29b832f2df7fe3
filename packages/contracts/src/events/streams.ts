/**
 * JetStream streams and subject roots. A deployment may set a subject prefix (NATS_PREFIX,
 * e.g. `staging.`) that is put in front of every subject and stream name below; the public
 * contract is the unprefixed form.
 */
export const STREAMS = {
  /** Domain events: `crm.<workspaceId>.<aggregate>.<event>`. */
  events: { name: 'CRM_EVENTS', subjects: ['crm.>'] },
  /** Inbound from messaging services: `messaging.<workspaceId>.<channel>.<event>`. */
  messaging: { name: 'MESSAGING', subjects: ['messaging.>'] },
  /** Poison messages: `dlq.<consumer>.<original subject>`. */
  deadLetters: { name: 'DEAD_LETTERS', subjects: ['dlq.>'] },
} as const;

export const SUBJECT_ROOTS = {
  events: 'crm',
  messaging: 'messaging',
  deadLetters: 'dlq',
  rpc: 'rpc',
} as const;

const MiB = 1024 * 1024;

/**
 * Default byte and age limits of the streams (a deployment sets its own: STREAM_*_MAX_BYTES and
 * STREAM_*_MAX_AGE_DAYS). A stream's byte limit is reserved against the NATS server's JetStream
 * storage when the stream is created. The events and messaging streams refuse new messages when
 * full (the outbox keeps them, a messaging sender sees the refusal), so nothing acknowledged is
 * dropped; the dead-letter stream drops its oldest.
 */
export const STREAM_LIMITS = {
  events: { maxBytes: 4096 * MiB, maxAgeDays: 30 },
  messaging: { maxBytes: 2048 * MiB, maxAgeDays: 7 },
  deadLetters: { maxBytes: 512 * MiB, maxAgeDays: 30 },
} as const;
