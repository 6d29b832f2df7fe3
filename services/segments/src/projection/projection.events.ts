import { z } from 'zod';
import { Contact, EVENT_CATALOG, EventEnvelope } from '@switchboard/contracts';

/** What the projection takes from one event of `crm.*.contact.>` or `crm.*.activity.recorded`. */
export type ProjectionEvent =
  | { kind: 'snapshot'; event: EventEnvelope; contact: Contact; types?: FieldTypeRecord }
  | {
      kind: 'merged';
      event: EventEnvelope;
      survivorId: string;
      duplicateId: string;
      contact?: Contact;
      types?: FieldTypeRecord;
    }
  | {
      kind: 'scored';
      event: EventEnvelope;
      contactId: string;
      productSlug: string;
      total: number;
    }
  | { kind: 'activity'; event: EventEnvelope; contactId: string; activity: string; at: Date }
  | { kind: 'erased'; event: EventEnvelope; contactId: string }
  | { kind: 'ignored'; event: EventEnvelope };

/**
 * `customFieldTypes` of contact events (absent from events published before decision 0085):
 * read as plain strings, so a type added later is not a reason to dead-letter.
 */
const FieldTypeRecord = z.record(z.string());
type FieldTypeRecord = z.infer<typeof FieldTypeRecord>;

const Merged = z.object({
  survivorId: z.string().min(1),
  duplicateId: z.string().min(1),
  contact: Contact.optional(),
  customFieldTypes: FieldTypeRecord.optional(),
});
const Erased = z.object({ contactId: z.string().min(1) });
const Snapshot = z.object({ contact: Contact, customFieldTypes: FieldTypeRecord.optional() });
/** Read tolerantly: only what the projection needs (the producer may add fields). */
const Scored = z.object({
  contactId: z.string().min(1),
  productSlug: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/),
  total: z.number().finite(),
});
const Recorded = z.object({
  contactId: z.string().min(1),
  activity: z
    .string()
    .min(1)
    .max(100)
    .regex(/^[a-z0-9_.]+$/),
  occurredAt: z.string().datetime({ offset: true }),
});

/**
 * Parses an event for the projection; throws (→ dead letter, reason `invalid`) when an event the
 * projection reads does not carry what its contract promises. Contact events of types the
 * catalogue does not know and that carry no contact are ignored, not dead-lettered.
 */
export function parseProjectionEvent(raw: unknown): ProjectionEvent {
  const event = EventEnvelope.parse(raw);
  const data = event.data as Record<string, unknown> | null;
  switch (event.type) {
    case 'contact.merged': {
      const { customFieldTypes, ...m } = Merged.parse(data);
      return { kind: 'merged', event, ...m, types: customFieldTypes };
    }
    case 'contact.erased':
      return { kind: 'erased', event, contactId: Erased.parse(data).contactId };
    case 'contact.scored':
      return { kind: 'scored', event, ...Scored.parse(data) };
    case 'activity.recorded': {
      const a = Recorded.parse(data);
      return {
        kind: 'activity',
        event,
        contactId: a.contactId,
        activity: a.activity,
        at: new Date(a.occurredAt),
      };
    }
    default:
      if ((data && 'contact' in data) || event.type in EVENT_CATALOG) {
        const s = Snapshot.parse(data);
        return { kind: 'snapshot', event, contact: s.contact, types: s.customFieldTypes };
      }
      return { kind: 'ignored', event };
  }
}
