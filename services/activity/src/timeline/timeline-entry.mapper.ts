import type { EventEnvelope, TimelineEntry } from '@switchboard/contracts';
import type { TimelineEntryDoc } from './timeline-entry.schema';

type Summariser = (event: EventEnvelope) => string;

const contactName = (event: EventEnvelope): string => {
  const contact = (event.data as { contact?: { displayName?: string } }).contact;
  return contact?.displayName ? ` (${contact.displayName})` : '';
};

/** How each event type reads on a timeline. Unknown types still land, with a generic line. */
const SUMMARIES: Record<string, Summariser> = {
  'contact.created': (e) => `Contact created${contactName(e)}`,
};

/** The contact an event is about: the aggregate itself for contact events. */
export function contactIdOf(event: EventEnvelope): string | undefined {
  if (event.aggregate.type === 'contact') return event.aggregate.id;
  const id = (event.data as { contactId?: unknown }).contactId;
  return typeof id === 'string' ? id : undefined;
}

/** Event → timeline entry document for one contact (pure; ids derived from the event). */
export function entryFromEvent(
  event: EventEnvelope,
  contactId: string,
  recordedAt = new Date(),
): TimelineEntryDoc {
  const summarise = SUMMARIES[event.type] ?? ((e: EventEnvelope) => e.type.replace(/\./g, ' '));
  return {
    _id: `${event.id}:contact:${contactId}`,
    workspaceId: event.workspaceId,
    contactId,
    type: event.type,
    occurredAt: new Date(event.occurredAt),
    actor: event.actor,
    summary: summarise(event),
    detail: { aggregate: event.aggregate, version: event.version },
    sourceEventId: event.id,
    recordedAt,
  };
}

export function toTimelineEntry(doc: TimelineEntryDoc): TimelineEntry {
  return {
    id: doc._id,
    contactId: doc.contactId,
    type: doc.type,
    occurredAt: new Date(doc.occurredAt).toISOString(),
    actor: { type: doc.actor.type, id: doc.actor.id },
    summary: doc.summary,
    detail: doc.detail,
    sourceEventId: doc.sourceEventId,
  };
}
