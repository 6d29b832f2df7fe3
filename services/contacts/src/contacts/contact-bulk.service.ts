import { Injectable, Logger } from '@nestjs/common';
import {
  MAX_BULK_CONTACTS,
  type BulkContactAction,
  type BulkContactError,
  type BulkContactsInput,
  type BulkContactsResult,
  type Capability,
  type RequestContext,
} from '@switchboard/contracts';
import { assertMayAssignOwner } from '@switchboard/access';
import { AppError } from '@switchboard/errors';
import { decodeCursor, encodeCursor } from '@switchboard/storage';
import type { ContactRules } from '../settings/contact-rules';
import { ContactRulesService } from '../settings/contact-rules.service';
import { ContactBulkRepository } from './contact-bulk.repository';
import { buildContactFilter, customFiltersOf, type CustomFieldKind } from './contact-filter';
import { ContactWritesService, type WriteOutcome } from './contact-writes.service';

/** Contacts written at once: enough to overlap round trips, few enough to share the database. */
export const BULK_CONCURRENCY = 8;

/**
 * The capability each action needs besides the route's `contacts.update`: an action is never
 * more than the single-contact route it stands for allows.
 */
export const BULK_ACTION_CAPABILITY: Readonly<Record<BulkContactAction, Capability>> = {
  tag: 'contacts.tag',
  untag: 'contacts.tag',
  claim: 'contacts.update',
  release: 'contacts.update',
  assign: 'contacts.update',
  set_stage: 'contacts.update',
  archive: 'contacts.delete',
};

/**
 * Bulk actions: each contact is written on its own through the single-contact write (its own
 * version check, ownership rule and events), BULK_CONCURRENCY at a time, at most
 * MAX_BULK_CONTACTS per request. One contact failing never stops the others: it is counted with
 * its error code.
 */
@Injectable()
export class ContactBulkService {
  private readonly logger = new Logger(ContactBulkService.name);

  constructor(
    private readonly writes: ContactWritesService,
    private readonly repo: ContactBulkRepository,
    private readonly rules: ContactRulesService,
  ) {}

  async run(ctx: RequestContext, input: BulkContactsInput): Promise<BulkContactsResult> {
    const capability = BULK_ACTION_CAPABILITY[input.action];
    if (!ctx.capabilities.includes(capability)) {
      throw new AppError('forbidden', `bulk ${input.action} needs the capability ${capability}`);
    }
    if (input.action === 'assign') assertMayAssignOwner(ctx, input.ownerId, 'contact');
    const rules = await this.rules.forWorkspace(ctx.workspaceId);
    if (input.action === 'set_stage') rules.assertUpdate({ stage: input.stage });
    const { ids, nextCursor } = await this.targets(ctx, input, rules);
    const one = this.action(ctx, input, rules);
    const result: BulkContactsResult = {
      action: input.action,
      matched: ids.length,
      changed: 0,
      unchanged: 0,
      failed: 0,
      errors: [],
      nextCursor,
    };
    await inParallel(ids, BULK_CONCURRENCY, async (id) => {
      try {
        if ((await one(id)).changed) result.changed += 1;
        else result.unchanged += 1;
      } catch (err) {
        const e = AppError.from(err);
        if (e.code === 'internal') this.logger.error({ err, contactId: id }, 'bulk write failed');
        result.failed += 1;
        result.errors.push(errorOf(id, e));
      }
    });
    result.errors.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
    return result;
  }

  /** The single-contact write an action stands for. */
  private action(
    ctx: RequestContext,
    b: BulkContactsInput,
    rules: ContactRules,
  ): (id: string) => Promise<WriteOutcome> {
    switch (b.action) {
      case 'tag':
        return (id) => this.writes.tags(ctx, id, { add: b.tags ?? [], remove: [] });
      case 'untag':
        return (id) => this.writes.tags(ctx, id, { add: [], remove: b.tags ?? [] });
      case 'claim':
        return (id) => this.writes.claim(ctx, id);
      case 'release':
        return (id) => this.writes.release(ctx, id);
      case 'archive':
        return (id) => this.writes.archive(ctx, id, 'bulk');
      case 'set_stage':
        return (id) => this.writes.update(ctx, id, { stage: b.stage ?? null }, rules);
      case 'assign':
        return (id) => this.writes.update(ctx, id, { ownerId: b.ownerId ?? null }, rules);
    }
  }

  /** The ids given (distinct), or the next page of the filter with the cursor after it. */
  private async targets(
    ctx: RequestContext,
    b: BulkContactsInput,
    rules: ContactRules,
  ): Promise<{ ids: string[]; nextCursor: string | null }> {
    if (b.ids) return { ids: [...new Set(b.ids)], nextCursor: null };
    const filter = buildContactFilter(ctx, b.filter ?? {}, customKinds(b, rules));
    const after = b.cursor ? decodeCursor(b.cursor, 'string').id : undefined;
    const ids = await this.repo.idsMatching(filter, after, MAX_BULK_CONTACTS + 1);
    if (ids.length <= MAX_BULK_CONTACTS) return { ids, nextCursor: null };
    const page = ids.slice(0, MAX_BULK_CONTACTS);
    const last = page[page.length - 1];
    return { ids: page, nextCursor: encodeCursor(last, last) };
  }
}

/** How the filter's custom fields compare, from the workspace's definitions. */
function customKinds(b: BulkContactsInput, rules: ContactRules): Record<string, CustomFieldKind> {
  return Object.fromEntries(
    customFiltersOf(b.filter ?? {}).flatMap(([slug]) => {
      const kind = rules.customFields.definition(slug)?.type;
      return kind ? [[slug, kind]] : [];
    }),
  );
}

const errorOf = (id: string, e: AppError): BulkContactError => ({
  id,
  code: e.code,
  message: e.code === 'internal' ? 'an unexpected error occurred' : e.message,
});

/** Runs `fn` over `items`, `n` at a time. */
async function inParallel<T>(items: T[], n: number, fn: (t: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}
