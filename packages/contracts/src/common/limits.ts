/**
 * Size limits of stored free-form values, events and replies (docs/decisions/0071). NATS refuses
 * any message over the server's `max_payload` (1 MiB by default); everything below keeps the
 * messages that carry these values well under it.
 */
export const LIMITS = {
  /** A contact's `metadata`: 16 KiB of JSON, 8 levels, 50 top-level keys. */
  metadata: { maxBytes: 16 * 1024, maxDepth: 8, maxEntries: 50 },
  /** All custom-field values of one record together, as JSON. */
  customFieldsBytes: 32 * 1024,
  /** A lead's extra form `fields`: 32 KiB of JSON, plain values, 100 keys. */
  leadFields: { maxBytes: 32 * 1024, maxDepth: 2, maxEntries: 100 },
  /** A segment or fit filter AST before the segment language checks it (its own depth is 8). */
  filter: { maxBytes: 64 * 1024, maxDepth: 32 },
  /** An inbound messaging event's `detail`. */
  messagingDetail: { maxBytes: 8192, maxDepth: 8 },
} as const;

/**
 * Largest encoded domain event a write may stage. A write whose event would be larger is refused
 * (413 `payload_too_large`, nothing stored): such an event could never be published.
 */
export const EVENT_MAX_BYTES = 512 * 1024;

/**
 * Items of one RPC list page stop at this many bytes of JSON (a `nextCursor` carries on), so a
 * reply stays under the payload limit whatever the stored values weigh.
 */
export const REPLY_PAGE_BUDGET_BYTES = 512 * 1024;
