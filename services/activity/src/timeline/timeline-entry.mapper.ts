import type { EventEnvelope, TimelineEntry } from '@switchboard/contracts';
import type { TimelineEntryDoc } from './timeline-entry.schema';

type Summariser = (event: EventEnvelope) => string;

const contactName = (event: EventEnvelope): string => {
  const contact = (event.data as { contact?: { displayName?: string } }).contact;
  return contact?.displayName ? ` (${contact.displayName})` : '';
};

const title = (event: EventEnvelope, key: 'deal' | 'task'): string => {
  const t = (event.data as Record<string, { title?: string } | undefined>)[key]?.title;
  return t ? ` "${t}"` : '';
};
const stageName = (event: EventEnvelope): string =>
  (event.data as { to?: { name?: string } }).to?.name ?? '?';

/** How each event type reads on a timeline. Unknown types still land, with a generic line. */
const SUMMARIES: Record<string, Summariser> = {
  'contact.created': (e) => `Contact created${contactName(e)}`,
  'deal.created': (e) => `Deal${title(e, 'deal')} created`,
  'deal.updated': (e) => `Deal${title(e, 'deal')} updated`,
  'deal.stage.changed': (e) => `Deal${title(e, 'deal')} moved to ${stageName(e)}`,
  'deal.won': (e) => `Deal${title(e, 'deal')} won`,
  'deal.lost': (e) => `Deal${title(e, 'deal')} lost`,
  'task.created': (e) => `Task${title(e, 'task')} created`,
  'task.assigned': (e) => `Task${title(e, 'task')} assigned`,
  'task.updated': (e) => `Task${title(e, 'task')} updated`,
  'task.completed': (e) => `Task${title(e, 'task')} completed`,
  'task.deleted': (e) => `Task${title(e, 'task')} deleted`,
  'task.due': (e) => `Task${title(e, 'task')} is due`,
};

/** The contact an event is about: the aggregate for contact events, else `data.contactId`. */
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
