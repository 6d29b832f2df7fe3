import type { AuditChange, AuditEntry, EventEnvelope } from '@switchboard/contracts';
import type { AuditEntryDoc } from './audit-entry.schema';

/** Events that record no write of a record (derived notifications): not audited. */
const NOT_WRITES = new Set(['activity.recorded', 'task.due']);

type Data = Record<string, unknown>;

/**
 * The field diff of an event: `data.changes` as `{field, from, to}` (contacts, companies, notes,
 * communications) or as field names only (deals, tasks); none otherwise.
 */
export function changesOf(data: Data): AuditChange[] {
  const changes = data.changes;
  if (!Array.isArray(changes)) return [];
  return changes.flatMap((c): AuditChange[] => {
    if (typeof c === 'string') return [{ field: c, from: undefined, to: undefined }];
    if (c && typeof c === 'object' && typeof (c as Data).field === 'string') {
      const { field, from, to } = c as { field: string; from?: unknown; to?: unknown };
      return [{ field, from, to }];
    }
    return [];
  });
}

const tagsOf = (data: Data): string[] =>
  Array.isArray(data.auditTags)
    ? data.auditTags.filter((t): t is string => typeof t === 'string')
    : [];

/** Event → audit document (pure); null for events that are no write. */
export function auditFromEvent(
  event: EventEnvelope,
  recordedAt = new Date(),
): AuditEntryDoc | null {
  if (NOT_WRITES.has(event.type)) return null;
  return {
    _id: event.id,
    workspaceId: event.workspaceId,
    occurredAt: new Date(event.occurredAt),
    actor: { type: event.actor.type, id: event.actor.id },
    actorId: event.actor.id,
    targetType: event.aggregate.type,
    targetId: event.aggregate.id,
    action: event.type,
    changesJson: JSON.stringify(changesOf(event.data)),
    tags: tagsOf(event.data),
    requestId: event.requestId ?? null,
    recordedAt,
  };
}

export function toAuditEntry(doc: AuditEntryDoc): AuditEntry {
  return {
    id: doc._id,
    occurredAt: new Date(doc.occurredAt).toISOString(),
    actor: { type: doc.actor.type, id: doc.actor.id },
    target: { type: doc.targetType, id: doc.targetId },
    action: doc.action,
    changes: JSON.parse(doc.changesJson) as AuditChange[],
    tags: doc.tags,
    requestId: doc.requestId ?? null,
  };
}
