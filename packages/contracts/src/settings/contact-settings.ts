import { z } from 'zod';
import { Timestamp } from '../common/primitives';

/**
 * How contacts are de-duplicated: `email` — the normalised primary email (default); `phone` —
 * the E.164 primary phone (else WhatsApp, else SMS number).
 */
export const DedupRule = z.enum(['email', 'phone']);
export type DedupRule = z.infer<typeof DedupRule>;

export const DEFAULT_JOURNEY_STAGES = ['lead', 'prospect', 'customer', 'churned'] as const;
export const DEFAULT_LEAD_SOURCES = [
  'website',
  'referral',
  'event',
  'advertising',
  'social',
  'partner',
  'outbound',
  'other',
] as const;

const Name = (max: number) => z.string().trim().min(1).max(max);
const uniqueList = (item: z.ZodString, min: number, max: number) =>
  z
    .array(item)
    .min(min)
    .max(max)
    .refine((l) => new Set(l).size === l.length, 'no duplicates');

/**
 * `PUT /v1/settings/contacts` (every field optional: absent = unchanged). Removing a stage or a
 * lead source only stops new writes from using it: contacts keep their value. Changing
 * `dedupRule` recomputes every contact's key in the background (`dedup` reports progress).
 */
export const UpdateContactSettingsInput = z
  .object({
    stages: uniqueList(Name(64), 1, 50).optional(),
    leadSources: uniqueList(Name(100), 0, 200).optional(),
    dedupRule: DedupRule.optional(),
    /**
     * Archived contacts are erased (as by `POST /v1/contacts/:id/erase`) this many days after
     * they were archived; null turns the purge off (the default).
     */
    archivedRetentionDays: z.number().int().min(1).max(3650).nullable().optional(),
    /** The version read (0: never changed, still the defaults). */
    version: z.number().int().min(0).optional(),
  })
  .strict();
export type UpdateContactSettingsInput = z.infer<typeof UpdateContactSettingsInput>;

/** A contact whose key under the new rule was already taken: it keeps a unique fallback key. */
export const DedupClash = z.object({ contactId: z.string(), duplicateOf: z.string() });
export type DedupClash = z.infer<typeof DedupClash>;

/** The state of the key recomputation after the last rule change. */
export const DedupRecompute = z.object({
  rule: DedupRule,
  state: z.enum(['running', 'done']),
  startedAt: Timestamp,
  finishedAt: Timestamp.nullable(),
  /** Contacts whose key changed so far. */
  rekeyed: z.number().int(),
  /** Contacts left with a fallback key because another contact holds their new key. */
  clashCount: z.number().int(),
  /** The first 100 clashes (all of them are logged). */
  clashes: z.array(DedupClash),
});
export type DedupRecompute = z.infer<typeof DedupRecompute>;

/** A workspace's contact configuration (defaults until it is first changed: version 0). */
export const ContactSettings = z.object({
  workspaceId: z.string(),
  stages: z.array(z.string()),
  leadSources: z.array(z.string()),
  dedupRule: DedupRule,
  dedup: DedupRecompute.nullable(),
  /** Days after which archived contacts are erased; null: kept until erased by hand. */
  archivedRetentionDays: z.number().int().nullable(),
  version: z.number().int(),
  updatedAt: Timestamp.nullable(),
});
export type ContactSettings = z.infer<typeof ContactSettings>;
