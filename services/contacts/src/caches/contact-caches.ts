import type { ContactDoc } from '../contacts/contact.schema';
import type { CONTACT_CACHE_FIELDS } from '../contacts/contacts.repository';

/**
 * The caches the contacts service keeps on a contact from other services' events (eventually
 * consistent): `lastTouchAt` from `activity.recorded`, `segmentIds` from
 * `segment.member.joined|left`. Each function returns the cache fields to write (never the
 * version: a cache change is not an edit of the contact), or null when the event
 * changes nothing — a redelivery, or an event older than what the contact already reflects —
 * so handlers are idempotent and order-insensitive.
 */

type CacheView = Pick<ContactDoc, 'lastTouchAt' | 'segmentIds' | 'segmentSeenAt'>;
type CacheFields = Partial<Pick<ContactDoc, (typeof CONTACT_CACHE_FIELDS)[number]>>;

/** `lastTouchAt` only moves forward (with its sort key, see contact-search.ts). */
export function touched(contact: CacheView, occurredAt: Date): CacheFields | null {
  const current = contact.lastTouchAt ? new Date(contact.lastTouchAt).getTime() : -Infinity;
  if (occurredAt.getTime() <= current) return null;
  return { lastTouchAt: occurredAt, lastTouchSortKey: occurredAt };
}

/**
 * Joins or leaves a segment as of `at`. The time of the latest membership event per segment is
 * kept (`segmentSeenAt`), so a late `joined` cannot undo a newer `left` (or the other way round)
 * when consumers on several replicas, or redeliveries, take events out of order.
 */
export function membership(
  contact: CacheView,
  segmentId: string,
  joined: boolean,
  at: Date,
): CacheFields | null {
  const seen = contact.segmentSeenAt?.[segmentId];
  const seenAt = seen ? new Date(seen).getTime() : -Infinity;
  const ids = contact.segmentIds ?? [];
  const isMember = ids.includes(segmentId);
  // Older than what was applied: stale. Same time and same state: a redelivery. (Two different
  // events in the same millisecond apply in the order they arrive.)
  if (at.getTime() < seenAt || (at.getTime() === seenAt && isMember === joined)) return null;
  return {
    segmentIds: joined
      ? isMember
        ? ids
        : [...ids, segmentId]
      : ids.filter((id) => id !== segmentId),
    segmentSeenAt: { ...contact.segmentSeenAt, [segmentId]: at.toISOString() },
  };
}
