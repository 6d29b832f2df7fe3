import { Injectable } from '@nestjs/common';
import {
  SYSTEM_TAG_PREFIX,
  type RequestContext,
  type TagCount,
  type TagLibrary,
  type TagLibraryQuery,
} from '@switchboard/contracts';
import { trusted } from '@switchboard/storage';
import type { ContactDoc } from '../contacts/contact.schema';
import { readScopeFilter } from '../contacts/contact-filter';
import { ContactsRepository } from '../contacts/contacts.repository';
import { TagsRepository } from '../tags/tags.repository';

/** ASCII letters folded to lower case: the same rule as the regex prefilter below. */
const foldAscii = (s: string) => s.replace(/[A-Z]/g, (c) => c.toLowerCase());

/** `^prefix` matching ASCII letters in either case (`[aA]`), other characters literally. */
const prefixRegex = (prefix: string) =>
  '^' +
  [...prefix]
    .map((c) =>
      /[a-z]/i.test(c)
        ? `[${c.toLowerCase()}${c.toUpperCase()}]`
        : c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'),
    )
    .join('');

const top = (
  counts: Map<string, number>,
  colors: ReadonlyMap<string, string | null>,
  limit: number,
): TagCount[] =>
  [...counts]
    .map(([name, count]) => {
      const color = colors.get(name);
      return color !== undefined ? { name, count, color } : { name, count };
    })
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
    .slice(0, limit);

/**
 * The tag library, computed from the contacts at read time: one pass over the workspace's
 * active contacts that carry a matching tag, streaming only their `tags`. Counts are exact for
 * the stored state whatever the concurrency (no counters to drift: `$inc` is not atomic on
 * FerretDB 1.24); the cost is a scan per request (see docs/architecture.md, "Tag library").
 */
@Injectable()
export class TagLibraryService {
  constructor(
    private readonly contacts: ContactsRepository,
    private readonly definitions: TagsRepository,
  ) {}

  async library(ctx: RequestContext, q: TagLibraryQuery): Promise<TagLibrary> {
    const prefix = q.prefix ? foldAscii(q.prefix) : '';
    const user = new Map<string, number>();
    const system = new Map<string, number>();
    const cursor = this.contacts.model
      .find(
        {
          workspaceId: ctx.workspaceId,
          status: 'active',
          // Counts of what the caller may read: a tag on contacts it cannot see is not shown.
          ...readScopeFilter(ctx),
          ...(q.prefix ? { tags: trusted({ $regex: prefixRegex(q.prefix) }) } : {}),
        },
        { tags: 1 },
      )
      .lean<Pick<ContactDoc, '_id' | 'tags'>[]>()
      .cursor();
    for await (const raw of cursor) {
      const { tags } = raw as Pick<ContactDoc, 'tags'>;
      for (const tag of new Set(tags ?? [])) {
        if (!foldAscii(tag).startsWith(prefix)) continue;
        const bucket = tag.startsWith(SYSTEM_TAG_PREFIX) ? system : user;
        bucket.set(tag, (bucket.get(tag) ?? 0) + 1);
      }
    }
    // Defined tags bring their colour, and are listed (count 0) even when no contact has them.
    const colors = new Map<string, string | null>();
    for (const def of await this.definitions.allDefinitions(ctx.workspaceId)) {
      if (!foldAscii(def.name).startsWith(prefix)) continue;
      colors.set(def.name, def.color);
      const bucket = def.name.startsWith(SYSTEM_TAG_PREFIX) ? system : user;
      if (!bucket.has(def.name)) bucket.set(def.name, 0);
    }
    return { tags: top(user, colors, q.limit), systemTags: top(system, colors, q.limit) };
  }
}
