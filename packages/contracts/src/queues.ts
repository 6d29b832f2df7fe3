/** BullMQ queue names (keys are prefixed per deployment with QUEUE_PREFIX). */
export const QUEUES = {
  /** Dynamic segment evaluation: per contact (incremental), per segment (full), sweeps. */
  segmentEvaluation: 'segment-evaluation',
  /** Task due reminders as delayed jobs. */
  taskReminders: 'task-reminders',
  /** CSV imports of contacts: one job per import (resumable from its checkpoint). */
  contactImports: 'contact-imports',
  /** Tag renames, merges and deletes across a workspace's contacts: one job per operation. */
  tagOperations: 'tag-operations',
  /** The retention sweep: archived contacts past the workspace's retention are erased. */
  contactRetention: 'contact-retention',
  /** Outbound webhook deliveries: one job per delivery attempt series, retried with backoff. */
  webhookDeliveries: 'webhook-deliveries',
} as const;
