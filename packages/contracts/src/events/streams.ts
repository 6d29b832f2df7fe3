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
