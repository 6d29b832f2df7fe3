import type { CustomFieldDefinition, CustomValue, Profile } from '@switchboard/segment-dsl';
import type { ContactDoc } from '../contacts/contact.schema';

const primary = (doc: ContactDoc, type: string) =>
  doc.channels.find((c) => c.type === type && c.primary)?.value ?? null;

/** A custom value in its field's type, as the segments projection stores it (dates as Date). */
function typed(value: unknown, type: string | undefined): CustomValue | undefined {
  if (value === null || value === undefined) return null;
  if (type === 'date' && (typeof value === 'string' || typeof value === 'number')) {
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? null : d;
  }
  if (
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    value instanceof Date
  ) {
    return value;
  }
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return undefined;
}

/**
 * The segment-dsl Profile of a contact, built in the contacts service from the stored contact
 * (the same shape the segments projection keeps), so a derived fit criterion reads what a
 * segment with the same filter would. No activity counters here (refused in fit filters);
 * `fit` holds the contact's current totals of other products.
 */
export function profileOf(
  doc: ContactDoc,
  customFields: readonly CustomFieldDefinition[],
  fit: Record<string, number>,
): Profile {
  const types = new Map(customFields.map((f) => [f.slug, f.type]));
  const custom: NonNullable<Profile['custom']> = {};
  for (const [slug, value] of Object.entries(doc.customFields ?? {})) {
    const v = typed(value, types.get(slug));
    if (v !== undefined) custom[slug] = v;
  }
  return {
    contactId: doc._id,
    firstName: doc.firstName ?? null,
    lastName: doc.lastName ?? null,
    displayName: doc.displayName,
    email: primary(doc, 'email'),
    phone: primary(doc, 'phone'),
    stage: doc.stage ?? null,
    source: doc.source ?? null,
    status: doc.mergedInto ? 'merged' : doc.status,
    locale: doc.locale ?? null,
    timeZone: doc.timeZone ?? null,
    country: doc.address?.country ?? null,
    ownerId: doc.ownerId ?? null,
    companyId: doc.companyLinks[0]?.companyId ?? null,
    birthMonth: doc.birthMonth ?? null,
    createdAt: new Date(doc.createdAt),
    updatedAt: new Date(doc.updatedAt),
    lastTouchAt: new Date(doc.lastTouchAt ?? doc.createdAt),
    tags: doc.tags,
    custom,
    channels: doc.channels.map((c) => ({
      type: c.type,
      subscribed: c.subscribed,
      suppressed: c.suppression !== undefined && c.suppression !== null,
    })),
    fit,
    activity: {},
    segments: doc.segmentIds ?? [],
  };
}
