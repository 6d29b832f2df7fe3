import { z } from 'zod';
import { PageQuery } from '../common/pagination';
import { Timestamp } from '../common/primitives';
import { Actor } from '../context/request-context';

/** One changed field: `from`/`to` are the contract's JSON values (absent when not known). */
export const AuditChange = z.object({ field: z.string(), from: z.unknown(), to: z.unknown() });
export type AuditChange = z.infer<typeof AuditChange>;

/** One audited write: every domain event of every service becomes one (by its event id). */
export const AuditEntry = z.object({
  /** The id of the event that recorded the write. */
  id: z.string(),
  occurredAt: Timestamp,
  actor: Actor,
  target: z.object({ type: z.string(), id: z.string() }),
  /** The event type: `contact.updated`, `deal.won`, `import.completed`, … */
  action: z.string(),
  changes: z.array(AuditChange),
  /** From the event's `auditTags`: imports and exports carry `contacts.pii_movement`. */
  tags: z.array(z.string()),
  requestId: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** `GET /v1/audit`: newest first; every filter is optional and they combine. */
export const AuditQuery = PageQuery.extend({
  targetId: z.string().min(1).max(64).optional(),
  targetType: z.string().min(1).max(64).optional(),
  actorId: z.string().min(1).max(128).optional(),
  tag: z.string().min(1).max(100).optional(),
  action: z.string().min(1).max(100).optional(),
  from: Timestamp.optional(),
  to: Timestamp.optional(),
}).strict();
export type AuditQuery = z.infer<typeof AuditQuery>;

/** `GET /v1/audit/export`: the list's filters, without paging (CSV of every matching entry). */
export const AuditExportQuery = AuditQuery.omit({ limit: true, cursor: true });
export type AuditExportQuery = z.infer<typeof AuditExportQuery>;
