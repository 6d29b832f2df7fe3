import type { ContactDoc } from '../contacts/contact.schema';

/**
 * The caches the contacts service keeps on a contact from other services' events (eventually
 * consistent): `lastTouchAt` from `activity.recorded`, `segmentIds` from
 * `segment.member.joined|left`. Each function returns the next state, or null when the event
 * changes nothing — a redelivery, or an event older than what the contact already reflects —
 * so handlers are idempotent and order-insensitive.
 */

type CacheView = Pick<ContactDoc, 'lastTouchAt' | 'segmentIds' | 'segmentSeenAt' | 'version'>;

/** `lastTouchAt` only moves forward. */
export function touched<D extends CacheView>(contact: D, occurredAt: Date): D | null {
  const current = contact.lastTouchAt ? new Date(contact.lastTouchAt).getTime() : -Infinity;
  if (occurredAt.getTime() <= current) return null;
  return { ...contact, lastTouchAt: occurredAt, version: contact.version + 1 };
}

/**
 * Joins or leaves a segment as of `at`. The time of the latest membership event per segment is
 * kept (`segmentSeenAt`), so a late `joined` cannot undo a newer `left` (or the other way round)
 * when consumers on several replicas, or redeliveries, take events out of order.
 */
export function membership<D extends CacheView>(
  contact: D,
  segmentId: string,
  joined: boolean,
  at: Date,
): D | null {
  const seen = contact.segmentSeenAt?.[segmentId];
  const seenAt = seen ? new Date(seen).getTime() : -Infinity;
  const ids = contact.segmentIds ?? [];
  const isMember = ids.includes(segmentId);
  // Older than what was applied: stale. Same time and same state: a redelivery. (Two different
  // events in the same millisecond apply in the order they arrive.)
  if (at.getTime() < seenAt || (at.getTime() === seenAt && isMember === joined)) return null;
  return {
    ...contact,
    segmentIds: joined
      ? isMember
        ? ids
        : [...ids, segmentId]
      : ids.filter((id) => id !== segmentId),
    segmentSeenAt: { ...contact.segmentSeenAt, [segmentId]: at.toISOString() },
    version: contact.version + 1,
  };
}
