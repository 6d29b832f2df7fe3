import {
  CONTACT_EVENT_HISTORY_MAX,
  CONTACT_EVENT_SEGMENT_IDS_MAX,
  type Contact,
  type CustomFieldType,
  type CustomFieldTypes,
  type EventEnvelope,
} from '@switchboard/contracts';

/** Field types by slug of one workspace (a type never changes once defined). */
export type FieldTypeMap = ReadonlyMap<string, CustomFieldType>;

/** The types of the custom values `customFields` holds (slugs without a definition left out). */
export function typesOf(
  customFields: Record<string, unknown>,
  types: FieldTypeMap,
): CustomFieldTypes {
  const out: CustomFieldTypes = {};
  for (const slug of Object.keys(customFields)) {
    const type = types.get(slug);
    if (type) out[slug] = type;
  }
  return out;
}

/**
 * The contact as an event carries it: the record with its histories cut to their latest
 * transitions and its `segmentIds` cache bounded, so that an old, busy contact's events stay
 * under CONTACT_EVENT_MAX_BYTES (the record itself keeps everything).
 */
export function eventContact(contact: Contact): Contact {
  const cut = <T>(list: T[], max: number) => (list.length > max ? list.slice(-max) : list);
  return {
    ...contact,
    stageHistory: cut(contact.stageHistory, CONTACT_EVENT_HISTORY_MAX),
    statusHistory: cut(contact.statusHistory, CONTACT_EVENT_HISTORY_MAX),
    segmentIds: cut(contact.segmentIds, CONTACT_EVENT_SEGMENT_IDS_MAX),
  };
}

const carriedContact = (event: EventEnvelope): Contact | null => {
  const data = event.data as { contact?: Contact } | null;
  return event.type.startsWith('contact.') && data?.contact ? data.contact : null;
};

/** Slugs of the custom values carried by contact events (what their types are needed for). */
export const carriedSlugs = (events: readonly EventEnvelope[]): string[] => [
  ...new Set(events.flatMap((e) => Object.keys(carriedContact(e)?.customFields ?? {}))),
];

/**
 * A contact event as consumers get it (decision 0085): its `contact` bounded (`eventContact`)
 * and `customFieldTypes` beside it. Other events pass unchanged.
 */
export function completeContactEvent(event: EventEnvelope, types: FieldTypeMap): EventEnvelope {
  const contact = carriedContact(event);
  if (!contact) return event;
  return {
    ...event,
    data: {
      ...event.data,
      contact: eventContact(contact),
      customFieldTypes: typesOf(contact.customFields, types),
    },
  };
}
