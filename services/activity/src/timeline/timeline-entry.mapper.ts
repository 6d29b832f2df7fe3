import type { EventEnvelope, TimelineEntry } from '@switchboard/contracts';
import type { EntryFacts } from './timeline-details';
import type { TimelineEntryDoc } from './timeline-entry.schema';

/** One document per record the event lands on; ids derived from the event (pure). */
export function entriesFromEvent(
  event: EventEnvelope,
  facts: EntryFacts,
  recordedAt = new Date(),
): TimelineEntryDoc[] {
  const detailJson = JSON.stringify(facts.detail);
  return facts.anchors.map((anchor) => ({
    _id: `${event.id}:${anchor.type}`,
    workspaceId: event.workspaceId,
    anchorType: anchor.type,
    anchorId: anchor.id,
    contactId: facts.contactId,
    type: event.type,
    occurredAt: new Date(event.occurredAt),
    actor: { type: event.actor.type, id: event.actor.id },
    summary: facts.summary,
    detailJson,
    sourceEventId: event.id,
    refId: facts.refId,
    hidden: false,
    recordedAt,
  }));
}

export function toTimelineEntry(doc: TimelineEntryDoc): TimelineEntry {
  return {
    id: doc._id,
    anchor: { type: doc.anchorType, id: doc.anchorId },
    contactId: doc.contactId ?? null,
    type: doc.type,
    occurredAt: new Date(doc.occurredAt).toISOString(),
    actor: { type: doc.actor.type, id: doc.actor.id },
    summary: doc.summary,
    detail: JSON.parse(doc.detailJson) as Record<string, unknown>,
    sourceEventId: doc.sourceEventId,
  };
}
