import { z } from 'zod';
import { Id, Timestamp } from '../common/primitives';

/** Tags with this prefix are set by automations (e.g. autoreply control) and listed apart. */
export const SYSTEM_TAG_PREFIX = 'bot:';

/** Whether a tag is a system tag (`bot:` in any case); only `tags.system` sets or removes one. */
export const isSystemTag = (tag: string): boolean =>
  tag.trim().toLowerCase().startsWith(SYSTEM_TAG_PREFIX);

/** `GET /v1/tags?prefix=&limit=`: autocomplete over the workspace's contact tags. */
export const TagLibraryQuery = z
  .object({
    prefix: z.string().trim().min(1).max(100).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
export type TagLibraryQuery = z.infer<typeof TagLibraryQuery>;

/**
 * A tag and how many active contacts carry it; `color` when the library defines it (a defined
 * tag no contact carries is listed with count 0).
 */
export const TagCount = z.object({
  name: z.string(),
  count: z.number().int(),
  color: z.string().nullable().optional(),
});
export type TagCount = z.infer<typeof TagCount>;

/**
 * The tags starting with `prefix` (case-insensitive), most used first: `tags` are the users'
 * tags, `systemTags` those with the `bot:` prefix; each list holds at most `limit` items.
 */
export const TagLibrary = z.object({ tags: z.array(TagCount), systemTags: z.array(TagCount) });
export type TagLibrary = z.infer<typeof TagLibrary>;

/** A tag as contacts carry it (trimmed, 1–100 characters, case kept). */
export const TagName = z.string().trim().min(1).max(100);

/** `#rrggbb` (any case; stored lower-case). */
export const TagColor = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb')
  .transform((c) => c.toLowerCase());

/** `POST /v1/tags`: defines a tag of the library (it need not be on any contact yet). */
export const CreateTagInput = z.object({ name: TagName, color: TagColor.optional() }).strict();
export type CreateTagInput = z.infer<typeof CreateTagInput>;

/**
 * `PATCH /v1/tags/:name`: `color` (null clears it) applies at once; a new `name` renames the tag
 * on every contact of the workspace in the background (a tag operation). Renaming onto a tag that
 * exists is a merge: `POST /v1/tags/:name/merge`.
 */
export const UpdateTagInput = z
  .object({ name: TagName.optional(), color: TagColor.nullable().optional() })
  .strict();
export type UpdateTagInput = z.infer<typeof UpdateTagInput>;

/** `POST /v1/tags/:name/merge`: the tag goes into `into` on every contact, then disappears. */
export const MergeTagInput = z.object({ into: TagName }).strict();
export type MergeTagInput = z.infer<typeof MergeTagInput>;

/** A tag of the library: defined (with its colour) or only carried by contacts. */
export const TagDefinition = z.object({
  name: z.string(),
  color: z.string().nullable(),
  /** A `bot:` tag: set and changed only with the capability `tags.system`. */
  system: z.boolean(),
  /** Active contacts carrying it (of those the caller may read). */
  count: z.number().int(),
  /** When it was defined; null for a tag only carried by contacts. */
  createdAt: Timestamp.nullable(),
});
export type TagDefinition = z.infer<typeof TagDefinition>;

export const TagOperationKind = z.enum(['rename', 'merge', 'delete']);
export const TagOperationStatus = z.enum(['queued', 'running', 'completed', 'failed']);

/**
 * A change of a tag across the workspace's contacts, run as a background job: each contact
 * changed gets its own `contact.tag.added` / `contact.tag.removed` events. Contacts the caller may
 * not write (ownership scope) are left as they are and counted in `failed`.
 */
export const TagOperation = z.object({
  id: Id,
  kind: TagOperationKind,
  tag: z.string(),
  /** The new name (rename) or the tag merged into (merge); null for delete. */
  into: z.string().nullable(),
  status: TagOperationStatus,
  /** Contacts changed, and contacts that could not be (counted as the job goes). */
  changed: z.number().int(),
  failed: z.number().int(),
  createdAt: Timestamp,
  completedAt: Timestamp.nullable(),
});
export type TagOperation = z.infer<typeof TagOperation>;

/** The answer of a tag write: the tag as it now is (null once deleted), and its operation. */
export const TagChange = z.object({
  tag: TagDefinition.nullable(),
  operation: TagOperation.nullable(),
});
export type TagChange = z.infer<typeof TagChange>;

/** Path parameters naming a tag (URL-decoded by the router). */
export const TagParams = z.object({ name: TagName }).strict();
export const TagOperationParams = z.object({ id: Id }).strict();
