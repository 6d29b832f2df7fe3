import { createHash } from 'node:crypto';
import type { ActivityRecordedV1, EventEnvelope } from '@switchboard/contracts';
import { buildEvent } from '@switchboard/messaging';
import type { TimelineEntryDoc } from './timeline-entry.schema';

/** A stable UUID-shaped id from a string: the same entry always yields the same event id. */
export function derivedId(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/**
 * `activity.recorded` for an entry. Its id derives from the entry, so publishing it again
 * (a redelivery after a crash) is dropped by JetStream's duplicate window.
 */
export function activityRecorded(
  entry: Pick<TimelineEntryDoc, '_id' | 'workspaceId' | 'occurredAt'>,
  data: Omit<ActivityRecordedV1, 'entryId' | 'occurredAt'>,
): EventEnvelope {
  const id = derivedId(`activity.recorded:${entry._id}`);
  const event = buildEvent('activity.recorded', {
    workspaceId: entry.workspaceId,
    actor: { type: 'service', id: 'activity' },
    aggregateId: id,
    aggregateVersion: 1,
    occurredAt: entry.occurredAt,
    data: { ...data, entryId: entry._id, occurredAt: entry.occurredAt.toISOString() },
  });
  return { ...event, id };
}
