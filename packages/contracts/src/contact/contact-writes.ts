import { z } from 'zod';
import { Id } from '../common/primitives';
import { ErrorCode } from '../errors/error-codes';
import { Contact } from './contact';
import { FieldChange } from './contact-events';
import { ContactFilter } from './contact-query';

const TagName = z.string().trim().min(1).max(100);

/** `POST /v1/contacts/:id/tags`: tags to add and to remove; only real changes emit events. */
export const ContactTagsInput = z
  .object({
    add: z.array(TagName).max(100).default([]),
    remove: z.array(TagName).max(100).default([]),
  })
  .strict()
  .refine((t) => t.add.length + t.remove.length > 0, {
    message: 'add or remove at least one tag',
    path: ['add'],
  })
  .refine((t) => !t.add.some((tag) => t.remove.includes(tag)), {
    message: 'a tag cannot be added and removed at once',
    path: ['remove'],
  });
export type ContactTagsInput = z.infer<typeof ContactTagsInput>;

export const BULK_CONTACT_ACTIONS = [
  'tag',
  'untag',
  'claim',
  'release',
  'archive',
  'set_stage',
  'assign',
] as const;
export const BulkContactAction = z.enum(BULK_CONTACT_ACTIONS);
export type BulkContactAction = z.infer<typeof BulkContactAction>;

/** Contacts one bulk request acts on at most (ids, or one page of a filter). */
export const MAX_BULK_CONTACTS = 200;

/**
 * `POST /v1/contacts/bulk`: an action over `ids` or over the contacts matching `filter` (the
 * filter of `GET /v1/contacts`). A filter matching more than MAX_BULK_CONTACTS is done page by
 * page: the answer's `nextCursor` goes into the next request's `cursor`.
 * `tags` go with tag/untag, `stage` with set_stage (null clears), `ownerId` with assign (null
 * unassigns).
 */
export const BulkContactsInput = z
  .object({
    ids: z.array(Id).min(1).max(MAX_BULK_CONTACTS).optional(),
    filter: ContactFilter.optional(),
    cursor: z.string().min(1).max(200).optional(),
    action: BulkContactAction,
    tags: z.array(TagName).min(1).max(100).optional(),
    stage: z.string().trim().min(1).max(64).nullable().optional(),
    ownerId: Id.nullable().optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    const issue = (path: string, message: string) =>
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: [path], message });
    if ((b.ids === undefined) === (b.filter === undefined)) {
      issue('ids', 'give either ids or a filter');
    }
    if (b.cursor !== undefined && b.filter === undefined)
      issue('cursor', 'a cursor goes with a filter');
    const needsTags = b.action === 'tag' || b.action === 'untag';
    if (needsTags !== (b.tags !== undefined)) {
      issue('tags', needsTags ? `${b.action} needs tags` : `tags go only with tag and untag`);
    }
    if ((b.action === 'set_stage') !== (b.stage !== undefined)) {
      issue(
        'stage',
        b.action === 'set_stage'
          ? 'set_stage needs a stage (null clears)'
          : 'stage goes only with set_stage',
      );
    }
    if ((b.action === 'assign') !== (b.ownerId !== undefined)) {
      issue(
        'ownerId',
        b.action === 'assign'
          ? 'assign needs an ownerId (null unassigns)'
          : 'ownerId goes only with assign',
      );
    }
  });
export type BulkContactsInput = z.infer<typeof BulkContactsInput>;

/** Why one contact of a bulk request was not changed. */
export const BulkContactError = z.object({ id: z.string(), code: ErrorCode, message: z.string() });
export type BulkContactError = z.infer<typeof BulkContactError>;

/**
 * Counts per outcome: `matched` = `changed` + `unchanged` (already so) + `failed` (with
 * `errors`, e.g. `not_found`, `forbidden`, `conflict`). `nextCursor` is set when a filter
 * matched more contacts than one request takes.
 */
export const BulkContactsResult = z.object({
  action: BulkContactAction,
  matched: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
  failed: z.number().int(),
  errors: z.array(BulkContactError),
  nextCursor: z.string().nullable(),
});
export type BulkContactsResult = z.infer<typeof BulkContactsResult>;

/** Fields a merge resolves one way or the other (`birthday` is month and day together). */
export const MERGE_FIELDS = [
  'firstName',
  'lastName',
  'displayName',
  'address',
  'locale',
  'timeZone',
  'birthday',
  'source',
  'leadSource',
  'stage',
  'ownerId',
  'leadId',
  'linkedUserId',
  'metadata',
] as const;
export const MergeField = z.union([
  z.enum(MERGE_FIELDS),
  z.string().regex(/^customFields\.[a-z][a-z0-9_]{0,63}$/, 'a merge field or customFields.<slug>'),
]);
export const MergeResolution = z.enum(['survivor', 'duplicate']);
export type MergeResolution = z.infer<typeof MergeResolution>;

/**
 * `POST /v1/contacts/merge`. Without a resolution the survivor's value wins where both have one
 * and the duplicate's fills a blank; a resolution takes that side's value as it is. Tags,
 * channels and company links are united; custom fields move unless they conflict.
 * `survivorVersion` / `duplicateVersion` (e.g. from a dry run) make it fail with 409
 * `version_conflict` if either changed since.
 */
export const MergeContactsInput = z
  .object({
    survivorId: Id,
    duplicateId: Id,
    resolutions: z.record(MergeField, MergeResolution).optional(),
    dryRun: z.boolean().default(false),
    survivorVersion: z.number().int().positive().optional(),
    duplicateVersion: z.number().int().positive().optional(),
  })
  .strict()
  .refine((m) => m.survivorId !== m.duplicateId, {
    message: 'a contact cannot be merged into itself',
    path: ['duplicateId'],
  });
export type MergeContactsInput = z.infer<typeof MergeContactsInput>;

/** A field both contacts had with different values, and the side that won. */
export const MergeConflict = z.object({
  field: z.string(),
  survivor: z.unknown(),
  duplicate: z.unknown(),
  resolution: MergeResolution,
});
export type MergeConflict = z.infer<typeof MergeConflict>;

/**
 * The merge (as it would be, with `dryRun`): the survivor after it (`contact`), the duplicate
 * archived with `mergedInto`, the survivor's field changes and the conflicts resolved.
 */
export const MergeContactsResult = z.object({
  dryRun: z.boolean(),
  contact: Contact,
  duplicate: Contact,
  changes: z.array(FieldChange),
  conflicts: z.array(MergeConflict),
});
export type MergeContactsResult = z.infer<typeof MergeContactsResult>;
