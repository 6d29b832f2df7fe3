/** Whether an endpoint's patterns (`deal.won`, `contact.*`, `*`) select an event type. */
export function matchesEvent(patterns: readonly string[], type: string): boolean {
  return patterns.some(
    (p) => p === '*' || p === type || (p.endsWith('.*') && type.startsWith(p.slice(0, -1))),
  );
}

/** Segment ids narrow only segment membership events; other types pass. */
export function matchesSegment(
  segmentIds: readonly string[] | null,
  type: string,
  data: unknown,
): boolean {
  if (!segmentIds || !type.startsWith('segment.member.')) return true;
  const id = (data as { segmentId?: unknown } | null)?.segmentId;
  return typeof id === 'string' && segmentIds.includes(id);
}

/** The contact an event is about, for per-contact ordering; null when none. */
export function contactOf(event: {
  aggregate: { type: string; id: string };
  data: unknown;
}): string | null {
  const id = (event.data as { contactId?: unknown } | null)?.contactId;
  if (typeof id === 'string') return id;
  return event.aggregate.type === 'contact' ? event.aggregate.id : null;
}
