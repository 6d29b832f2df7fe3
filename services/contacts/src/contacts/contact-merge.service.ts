import { Injectable, Logger } from '@nestjs/common';
import type {
  MergeConflict,
  MergeContactsInput,
  MergeContactsResult,
  RequestContext,
} from '@switchboard/contracts';
import { assertMayWrite } from '@switchboard/access';
import { AppError } from '@switchboard/errors';
import type { ContactRules } from '../settings/contact-rules';
import { ContactRulesService } from '../settings/contact-rules.service';
import {
  archivedEvent,
  fieldChanges,
  mergedEvent,
  restoredEvent,
  updatedEvents,
} from './contact-events';
import { mergeContacts, mergedAway } from './contact-merge';
import { toContact } from './contact.mapper';
import type { ContactDoc } from './contact.schema';
import { stamped } from './contact-writes';
import { ContactsService } from './contacts.service';

const MAX_ATTEMPTS = 5;

/**
 * Merges a duplicate into a survivor in two versioned writes, in this order:
 *   1. the duplicate is archived with `mergedInto` and its dedup key released (`contact.archived`,
 *      reason `merged`), only if it is still at the version the merge was computed from;
 *   2. the survivor gets the merged fields (`contact.updated` + `contact.merged`), recomputed from
 *      its latest state on every retry, so a concurrent edit of either is never lost.
 * A crash between the two leaves the duplicate archived with all its data and `mergedInto` set:
 * nothing is lost, and merging it into the same survivor again completes the merge (a merge is
 * idempotent: repeating it only re-sends `contact.merged`, which consumers handle idempotently).
 * If step 2 fails (the survivor was archived or merged meanwhile), step 1 is undone.
 */
@Injectable()
export class ContactMergeService {
  private readonly logger = new Logger(ContactMergeService.name);

  constructor(
    private readonly contacts: ContactsService,
    private readonly rules: ContactRulesService,
  ) {}

  async merge(ctx: RequestContext, input: MergeContactsInput): Promise<MergeContactsResult> {
    const rules = await this.rules.forWorkspace(ctx.workspaceId);
    for (let attempt = 1; ; attempt++) {
      const [s, d] = await Promise.all([
        this.contacts.load(ctx.workspaceId, input.survivorId),
        this.contacts.load(ctx.workspaceId, input.duplicateId),
      ]);
      const resuming = assertMergeable(ctx, s, d, input);
      const now = new Date();
      const duplicate = resuming ? d : stamped(mergedAway(d, s._id, ctx.actor, now), now);
      if (input.dryRun) {
        const plan = this.plan(ctx, s, duplicate, input, rules, now);
        return preview(s, plan.survivor, duplicate, plan.conflicts);
      }
      if (!resuming) {
        try {
          await this.contacts.mutate(
            ctx.workspaceId,
            d._id,
            () => ({ next: duplicate, events: (n) => [archivedEvent(ctx.actor, n, 'merged')] }),
            d.version,
          );
        } catch (err) {
          // The duplicate changed since it was read: merge again from its new state.
          if (AppError.from(err).code === 'version_conflict' && attempt < MAX_ATTEMPTS) continue;
          throw err;
        }
      }
      try {
        return await this.writeSurvivor(ctx, s._id, duplicate, input, rules);
      } catch (err) {
        if (!resuming) await this.undoArchive(ctx, d, duplicate);
        throw err;
      }
    }
  }

  private plan(
    ctx: RequestContext,
    s: ContactDoc,
    d: ContactDoc,
    input: MergeContactsInput,
    rules: ContactRules,
    now: Date,
  ) {
    const plan = mergeContacts(s, d, {
      actor: ctx.actor,
      now,
      dedupRule: rules.dedupRule,
      resolutions: input.resolutions,
    });
    return { survivor: stamped(plan.survivor, now), conflicts: plan.conflicts };
  }

  /** Step 2: the survivor with the duplicate folded in, from its latest state. */
  private async writeSurvivor(
    ctx: RequestContext,
    survivorId: string,
    duplicate: ContactDoc,
    input: MergeContactsInput,
    rules: ContactRules,
  ): Promise<MergeContactsResult> {
    let before!: ContactDoc;
    let conflicts: MergeConflict[] = [];
    const contact = await this.contacts.mutate(ctx.workspaceId, survivorId, (cur) => {
      if (cur.status === 'archived') {
        throw new AppError('conflict', `the survivor ${cur._id} was archived meanwhile`);
      }
      assertMayWrite(ctx, cur.ownerId, 'contact');
      const plan = this.plan(ctx, cur, duplicate, input, rules, new Date());
      before = cur;
      conflicts = plan.conflicts;
      return {
        next: plan.survivor,
        events: (n) => [
          ...updatedEvents(ctx.actor, cur, n),
          mergedEvent(ctx.actor, n, duplicate._id),
        ],
      };
    });
    return {
      dryRun: false,
      contact,
      duplicate: toContact(duplicate),
      changes: fieldChanges(toContact(before), contact),
      conflicts,
    };
  }

  /** Back to active with its own dedup key, unless something else happened to it since. */
  private async undoArchive(ctx: RequestContext, d: ContactDoc, archived: ContactDoc) {
    try {
      await this.contacts.mutate(ctx.workspaceId, d._id, (cur) => {
        if (cur.version !== archived.version) return null;
        const now = new Date();
        const next: ContactDoc = {
          ...cur,
          status: 'active',
          mergedInto: null,
          dedupKey: d.dedupKey,
          statusHistory: [
            ...cur.statusHistory,
            { status: 'active', at: now, actor: ctx.actor, reason: 'merge_failed' },
          ],
        };
        return { next: stamped(next, now), events: (n) => [restoredEvent(ctx.actor, n)] };
      });
    } catch (err) {
      // Left archived with mergedInto: merging it into the same survivor again completes it.
      this.logger.warn({ err, contactId: d._id }, 'could not undo the archive of a failed merge');
    }
  }
}

/**
 * Checks both sides; true when the duplicate is already merged into this survivor (a merge
 * interrupted after step 1, or repeated), which the merge then completes.
 */
function assertMergeable(
  ctx: RequestContext,
  s: ContactDoc,
  d: ContactDoc,
  input: MergeContactsInput,
): boolean {
  if (s._id === d._id) {
    throw AppError.validation('a contact cannot be merged into itself', [
      { path: 'duplicateId', message: 'the same contact as survivorId' },
    ]);
  }
  if (s.status === 'archived') {
    throw new AppError(
      'conflict',
      s.mergedInto
        ? `the survivor ${s._id} was merged into ${s.mergedInto}; merge into that one`
        : `the survivor ${s._id} is archived; restore it first`,
      s.mergedInto ? { mergedInto: s.mergedInto } : undefined,
    );
  }
  const resuming = d.mergedInto === s._id;
  if (d.status === 'archived' && !resuming) {
    throw new AppError(
      'conflict',
      d.mergedInto
        ? `the duplicate ${d._id} was already merged into ${d.mergedInto}`
        : `the duplicate ${d._id} is archived; restore it first`,
      d.mergedInto ? { mergedInto: d.mergedInto } : undefined,
    );
  }
  assertMayWrite(ctx, s.ownerId, 'contact');
  assertMayWrite(ctx, d.ownerId, 'contact');
  stale('survivor', s, input.survivorVersion);
  if (!resuming) stale('duplicate', d, input.duplicateVersion);
  return resuming;
}

function stale(side: string, doc: ContactDoc, expected: number | undefined): void {
  if (expected !== undefined && doc.version !== expected) {
    throw new AppError(
      'version_conflict',
      `the ${side} ${doc._id} is at version ${doc.version}, not ${expected}`,
      { [`${side}Version`]: doc.version },
    );
  }
}

/** A dry run's answer: the merge as it would be written. */
function preview(
  before: ContactDoc,
  after: ContactDoc,
  duplicate: ContactDoc,
  conflicts: MergeConflict[],
): MergeContactsResult {
  const contact = toContact(after);
  return {
    dryRun: true,
    contact,
    duplicate: toContact(duplicate),
    changes: fieldChanges(toContact(before), contact),
    conflicts,
  };
}
