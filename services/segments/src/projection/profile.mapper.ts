import type { Contact } from '@switchboard/contracts';
import { activityKey, dayKey, type CustomValue } from '@switchboard/segment-dsl';
import type { ProfileChange, ProfileChannelDoc, ProfileDoc } from '@switchboard/segment-store';

/** Custom-field types by slug, as the workspace defines them (types never change). */
export type FieldTypes = ReadonlyMap<string, string>;

/** Ids of counted activity events kept per profile (a redelivery among them counts once). */
export const ACTIVITY_SEEN_MAX = 100;

const DAY_MS = 86_400_000;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

const asDate = (v: string | null | undefined): Date | null => {
  if (!v) return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d;
};

/** One custom value in its declared type (dates as Date); undefined = no value. */
export function typedCustomValue(
  value: unknown,
  type: string | undefined,
): CustomValue | undefined {
  if (value === null || value === undefined) return undefined;
  switch (type ?? 'undefined') {
    case 'date': {
      if (typeof value !== 'string') return undefined;
      const d = new Date(DATE_ONLY.test(value) ? `${value}T00:00:00.000Z` : value);
      return Number.isNaN(d.getTime()) ? undefined : d;
    }
    case 'number': {
      const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
      return Number.isFinite(n) && value !== '' ? n : undefined;
    }
    case 'boolean':
      if (typeof value === 'boolean') return value;
      return value === 'true' ? true : value === 'false' ? false : undefined;
    case 'multi_select':
      if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
      return typeof value === 'string' ? [value] : undefined;
    case 'text':
    case 'select':
      return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
    default:
      // No definition (yet): kept as it came, if it is a value filters can read.
      if (typeof value === 'string' || typeof value === 'boolean') return value;
      if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
      if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
      return undefined;
  }
}

export function typedCustom(
  values: Record<string, unknown>,
  types: FieldTypes,
): Record<string, CustomValue> {
  const out: Record<string, CustomValue> = {};
  for (const [slug, raw] of Object.entries(values)) {
    const v = typedCustomValue(raw, types.get(slug));
    if (v !== undefined) out[slug] = v;
  }
  return out;
}

const primaryOf = (channels: Contact['channels'], type: string): string | null =>
  (channels.find((c) => c.type === type && c.primary) ?? channels.find((c) => c.type === type))
    ?.value ?? null;

/** The attributes of a profile, from the contact as its event carries it. */
export function attributesFromContact(contact: Contact, types: FieldTypes): ProfileChange {
  const channels: ProfileChannelDoc[] = contact.channels.map((c) => ({
    type: c.type,
    value: c.value,
    primary: c.primary,
    subscribed: c.subscribed,
    suppressed: c.suppression !== undefined,
    ...(c.consent?.status === 'opted_in' || c.consent?.status === 'opted_out'
      ? { consent: c.consent.status }
      : {}),
  }));
  return {
    version: contact.version,
    firstName: contact.firstName ?? null,
    lastName: contact.lastName ?? null,
    displayName: contact.displayName,
    email: primaryOf(contact.channels, 'email'),
    phone: primaryOf(contact.channels, 'phone'),
    stage: contact.stage ?? null,
    source: contact.source ?? null,
    status: contact.status,
    locale: contact.locale ?? null,
    timeZone: contact.timeZone ?? null,
    country: contact.address?.country ?? null,
    ownerId: contact.ownerId,
    companyId: contact.companyLinks[0]?.companyId ?? null,
    birthMonth: contact.birthMonth ?? null,
    birthDay: contact.birthDay ?? null,
    birthday:
      contact.birthMonth && contact.birthDay ? contact.birthMonth * 100 + contact.birthDay : null,
    createdAt: asDate(contact.createdAt),
    updatedAt: asDate(contact.updatedAt),
    lastTouchAt: asDate(contact.lastTouchAt),
    tags: contact.tags,
    custom: typedCustom(contact.customFields, types),
    channels,
    mergedInto: contact.mergedInto,
  };
}

/**
 * A contact snapshot applies only if it is newer than what the profile reflects (aggregate
 * version): late and repeated events change nothing.
 */
export function snapshotChange(
  profile: ProfileDoc,
  contact: Contact,
  types: FieldTypes,
): ProfileChange | null {
  if (contact.version <= profile.version) return null;
  return attributesFromContact(contact, types);
}

/** An activity event as the projection counts it. */
export interface CountedActivity {
  id: string;
  activity: string;
  occurredAt: Date;
}

/** Daily counters with the days before `oldestDay` dropped (empty activities too). */
function pruned(
  activity: NonNullable<ProfileDoc['activity']>,
  oldestDay: string,
): NonNullable<ProfileDoc['activity']> {
  const out: NonNullable<ProfileDoc['activity']> = {};
  for (const [key, days] of Object.entries(activity)) {
    const kept = Object.entries(days).filter(([day]) => day >= oldestDay);
    if (kept.length > 0) out[key] = Object.fromEntries(kept);
  }
  return out;
}

/**
 * Counts activity events into `activity[activityKey][dayKey(occurredAt)]` (UTC days), each at
 * most once (`activitySeen`, the last ACTIVITY_SEEN_MAX ids), drops days older than
 * `retentionDays` before `now` (and events that old), and returns null when nothing changed.
 */
export function countActivities(
  profile: ProfileDoc,
  events: readonly CountedActivity[],
  now: Date,
  retentionDays: number,
): ProfileChange | null {
  const oldestDay = dayKey(new Date(now.getTime() - (retentionDays - 1) * DAY_MS));
  const seen = new Set(profile.activitySeen ?? []);
  const activity = pruned(profile.activity ?? {}, oldestDay);
  const seenList = [...(profile.activitySeen ?? [])];
  for (const e of events) {
    if (seen.has(e.id)) continue;
    seen.add(e.id);
    seenList.push(e.id);
    const day = dayKey(e.occurredAt);
    if (day < oldestDay) continue;
    const key = activityKey(e.activity);
    const days = (activity[key] = { ...activity[key] });
    days[day] = (days[day] ?? 0) + 1;
  }
  const grew = seenList.length > (profile.activitySeen ?? []).length;
  if (!grew && JSON.stringify(activity) === JSON.stringify(profile.activity ?? {})) return null;
  return { activity, activitySeen: seenList.slice(-ACTIVITY_SEEN_MAX) };
}

/** A product fit total as `contact.scored` carries it. */
export interface FitScore {
  productSlug: string;
  total: number;
  occurredAt: Date;
}

/** Keeps the newest total per product (by assessment time): a late score never regresses it. */
export function fitChange(profile: ProfileDoc, scores: readonly FitScore[]): ProfileChange | null {
  const fit = { ...(profile.fit ?? {}) };
  const fitAt = { ...(profile.fitAt ?? {}) };
  let changed = false;
  for (const s of scores) {
    const at = s.occurredAt.toISOString();
    const prev = fitAt[s.productSlug];
    if (prev !== undefined && prev >= at) continue;
    fit[s.productSlug] = s.total;
    fitAt[s.productSlug] = at;
    changed = true;
  }
  return changed ? { fit, fitAt } : null;
}

/**
 * A merge folds the duplicate's daily counters into the survivor (summed per day), once:
 * `mergedFrom` remembers it, and the duplicate's counted event ids come along so a redelivery
 * now forwarded to the survivor is not counted again.
 */
export function foldCounters(survivor: ProfileDoc, duplicate: ProfileDoc): ProfileChange | null {
  if ((survivor.mergedFrom ?? []).includes(duplicate._id) || survivor._id === duplicate._id) {
    return null;
  }
  const activity: NonNullable<ProfileDoc['activity']> = {};
  for (const source of [survivor.activity ?? {}, duplicate.activity ?? {}]) {
    for (const [key, days] of Object.entries(source)) {
      const into = (activity[key] = { ...activity[key] });
      for (const [day, n] of Object.entries(days)) into[day] = (into[day] ?? 0) + n;
    }
  }
  const seen = [...new Set([...(duplicate.activitySeen ?? []), ...(survivor.activitySeen ?? [])])];
  return {
    activity,
    activitySeen: seen.slice(-ACTIVITY_SEEN_MAX),
    mergedFrom: [...(survivor.mergedFrom ?? []), duplicate._id],
  };
}
