import { z } from 'zod';

/** Tags with this prefix are set by automations (e.g. autoreply control) and listed apart. */
export const SYSTEM_TAG_PREFIX = 'bot:';

/** `GET /v1/tags?prefix=&limit=`: autocomplete over the workspace's contact tags. */
export const TagLibraryQuery = z
  .object({
    prefix: z.string().trim().min(1).max(100).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
export type TagLibraryQuery = z.infer<typeof TagLibraryQuery>;

/** A tag and how many active contacts carry it. */
export const TagCount = z.object({ name: z.string(), count: z.number().int() });
export type TagCount = z.infer<typeof TagCount>;

/**
 * The tags starting with `prefix` (case-insensitive), most used first: `tags` are the users'
 * tags, `systemTags` those with the `bot:` prefix; each list holds at most `limit` items.
 */
export const TagLibrary = z.object({ tags: z.array(TagCount), systemTags: z.array(TagCount) });
export type TagLibrary = z.infer<typeof TagLibrary>;
