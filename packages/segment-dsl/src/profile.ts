import { z } from 'zod';

/**
 * What a filter is evaluated against: the segments service's projection of one contact, stored
 * in exactly this shape so that the MongoDB filter and the predicate read the same paths.
 * Absent and `null` mean the same thing everywhere ("no value").
 */
const Text = z.string().nullable().optional();
const When = z.date().nullable().optional();
const Slug = z.string().regex(/^[a-z][a-z0-9_]{0,63}$/);
/** `YYYY-MM-DD` in UTC. */
export const DayKey = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const CustomValue = z.union([
  z.string(),
  z.number().finite(),
  z.boolean(),
  z.date(),
  z.array(z.string()),
  z.null(),
]);
export type CustomValue = z.infer<typeof CustomValue>;

export const ProfileChannel = z.object({
  type: z.string(),
  subscribed: z.boolean(),
  suppressed: z.boolean(),
  /** Absent or `unknown` until consent is recorded. */
  consent: z.enum(['unknown', 'opted_in', 'opted_out']).nullish(),
});
export type ProfileChannel = z.infer<typeof ProfileChannel>;

export const Profile = z.object({
  contactId: z.string(),
  firstName: Text,
  lastName: Text,
  displayName: Text,
  /** Primary email and phone, normalised by the projection. */
  email: Text,
  phone: Text,
  stage: Text,
  source: Text,
  status: Text,
  locale: Text,
  timeZone: Text,
  country: Text,
  ownerId: Text,
  /** The first company link. */
  companyId: Text,
  birthMonth: z.number().int().min(1).max(12).nullable().optional(),
  birthDay: z.number().int().min(1).max(31).nullable().optional(),
  /** Month × 100 + day, derived by the projection. */
  birthday: z.number().int().min(101).max(1231).nullable().optional(),
  createdAt: When,
  updatedAt: When,
  lastTouchAt: When,
  tags: z.array(z.string()).optional(),
  /** By slug, in the field's declared type: dates as Date, multi_select as string[]. */
  custom: z.record(Slug, CustomValue).optional(),
  channels: z.array(ProfileChannel).optional(),
  /** Numeric fit totals by product slug. */
  fit: z.record(Slug, z.number().finite()).optional(),
  /** Daily counters: `activity[activityKey("email.opened")]["2026-11-23"] = 2`. */
  activity: z.record(z.string(), z.record(DayKey, z.number().int().nonnegative())).optional(),
  /** Ids of the segments the contact is a member of (for segment conditions). */
  segments: z.array(z.string()).optional(),
});
export type Profile = z.infer<typeof Profile>;

/**
 * Stored keys may not contain `.` (not portable), so `email.opened` is kept as `email:opened`.
 */
export function activityKey(event: string): string {
  return event.replace(/\./g, ':');
}

/** The UTC day bucket of an instant. */
export function dayKey(at: Date): string {
  return at.toISOString().slice(0, 10);
}
