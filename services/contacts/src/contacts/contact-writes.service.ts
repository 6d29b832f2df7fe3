import { Injectable } from '@nestjs/common';
import type {
  Contact,
  ContactTagsInput,
  ReassignOwnerInput,
  ReassignOwnerResult,
  RequestContext,
  UpdateContactInput,
} from '@switchboard/contracts';
import {
  assertCapability,
  assertMayAssignOwner,
  assertMaySystemTag,
  assertMayTag,
  assertMayWrite,
} from '@switchboard/access';
import { AppError } from '@switchboard/errors';
import { CompanyDirectory } from '../companies/company-directory';
import type { ContactRules } from '../settings/contact-rules';
import { ContactRulesService } from '../settings/contact-rules.service';
import {
  archivedEvent,
  fieldChanges,
  ownerEvents,
  restoredEvent,
  tagEvents,
  updatedEvents,
} from './contact-events';
import { applyPatch, withoutBlanks } from './contact-patch';
import { toContact } from './contact.mapper';
import type { ContactDoc } from './contact.schema';
import {
  archived,
  assertActive,
  claimed,
  released,
  restored,
  stamped,
  withTags,
} from './contact-writes';
import { ContactBulkRepository } from './contact-bulk.repository';
import { ContactsService, type ContactChange } from './contacts.service';

/** The outcome of one write: the contact as it is now, and whether this call changed it. */
export interface WriteOutcome {
  contact: Contact;
  changed: boolean;
}

/**
 * Writes of one existing contact: partial update, archive and restore, tags, claim and release.
 * Each reads, changes (pure functions of contact-patch / contact-writes) and writes through
 * `ContactsService.mutate`, so concurrent writers never lose one another's changes. A write that
 * changes nothing emits nothing and keeps the version.
 */
@Injectable()
export class ContactWritesService {
  constructor(
    private readonly contacts: ContactsService,
    private readonly rules: ContactRulesService,
    private readonly companies: CompanyDirectory,
    private readonly ids: ContactBulkRepository,
  ) {}

  /**
   * Offboarding (members.manage, decision 0135): up to `limit` contacts owned by `from`, archived
   * ones included, go to `to` (null: unowned), each with its `contact.owner.claimed|released`.
   * Idempotent: a contact that changed owner meanwhile stays; call until `done`.
   */
  async reassignOwner(
    ctx: RequestContext,
    input: ReassignOwnerInput,
  ): Promise<ReassignOwnerResult> {
    assertCapability(ctx, 'members.manage', 'moving a member’s contacts');
    const ids = await this.ids.idsMatching(
      { workspaceId: ctx.workspaceId, ownerId: input.from },
      undefined,
      input.limit,
    );
    let moved = 0;
    for (const id of ids) {
      const outcome = await this.write(
        ctx,
        id,
        (doc) =>
          doc.ownerId !== input.from
            ? null
            : this.changed(doc, { ...doc, ownerId: input.to }, new Date(), (n) =>
                ownerEvents(ctx.actor, doc, n),
              ),
        undefined,
        false,
      );
      if (outcome.changed) moved += 1;
    }
    return { moved, done: ids.length < input.limit };
  }

  /**
   * PATCH: with `patch.version` (or If-Match) a stale write answers 409 version_conflict.
   * `preloaded` rules spare a bulk action reading them once per contact.
   */
  async update(
    ctx: RequestContext,
    id: string,
    patch: UpdateContactInput,
    preloaded?: ContactRules,
  ): Promise<WriteOutcome> {
    const { version, ...fields } = withoutBlanks(patch);
    if (fields.ownerId !== undefined) assertMayAssignOwner(ctx, fields.ownerId, 'contact');
    assertMayTag(ctx, fields.tags, 'update');
    const rules = preloaded ?? (await this.rules.forWorkspace(ctx.workspaceId));
    // New emails link the company holding their domain, as at create — unless the patch says
    // which links the contact has.
    const matches =
      fields.companyLinks || fields.channels
        ? await this.companies.forContacts(ctx.workspaceId, [fields])
        : undefined;
    const linkErrors = fields.companyLinks ? matches!.linkErrors(fields.companyLinks) : [];
    const errors = [...rules.updateErrors(fields), ...linkErrors];
    if (errors.length > 0) throw AppError.validation('invalid contact', errors);
    return this.write(
      ctx,
      id,
      (doc) => {
        assertActive(doc);
        const now = new Date();
        const next = applyPatch(doc, fields, {
          actor: ctx.actor,
          now,
          dedupRule: rules.dedupRule,
        });
        if (fields.channels && fields.companyLinks === undefined) {
          const links = matches?.linksForAddedEmails(doc, next);
          if (links) next.companyLinks = links;
        }
        // A patch that sets what is already there changes nothing: no version, no event.
        if (fieldChanges(toContact(doc), toContact(next)).length === 0) return null;
        return this.changed(doc, next, now, (n) => updatedEvents(ctx.actor, doc, n));
      },
      version,
    );
  }

  /** DELETE: archived (soft), reason `deleted` or `bulk`; archiving an archived one is a no-op. */
  archive(ctx: RequestContext, id: string, reason: 'deleted' | 'bulk' = 'deleted') {
    return this.write(ctx, id, (doc) => {
      const now = new Date();
      return this.changed(doc, archived(doc, reason, ctx.actor, now), now, (n) => [
        archivedEvent(ctx.actor, n, reason),
      ]);
    });
  }

  /** Active again, data intact; restoring an active one is a no-op, a merged one a conflict. */
  restore(ctx: RequestContext, id: string) {
    return this.write(ctx, id, (doc) => {
      const now = new Date();
      return this.changed(doc, restored(doc, ctx.actor, now), now, (n) => [
        restoredEvent(ctx.actor, n),
      ]);
    });
  }

  tags(ctx: RequestContext, id: string, input: ContactTagsInput) {
    assertCapability(ctx, 'contacts.tag', 'changing tags');
    return this.write(ctx, id, (doc) => {
      assertActive(doc);
      const now = new Date();
      return this.changed(doc, withTags(doc, input.add, input.remove), now, (n) =>
        tagEvents(ctx.actor, doc, n),
      );
    });
  }

  /** Only an unowned contact (or one already the caller's) can be claimed: else 409 conflict. */
  claim(ctx: RequestContext, id: string) {
    return this.write(
      ctx,
      id,
      (doc) => {
        assertActive(doc);
        const now = new Date();
        return this.changed(doc, claimed(doc, ctx.actor), now, (n) =>
          ownerEvents(ctx.actor, doc, n),
        );
      },
      undefined,
      false,
    );
  }

  /** Only the owner, or a caller with scope `all`, releases a contact. */
  release(ctx: RequestContext, id: string) {
    return this.write(ctx, id, (doc) => {
      assertActive(doc);
      const now = new Date();
      return this.changed(doc, released(doc), now, (n) => ownerEvents(ctx.actor, doc, n));
    });
  }

  private changed(
    before: ContactDoc,
    next: ContactDoc,
    now: Date,
    events: (next: ContactDoc) => ReturnType<Exclude<ContactChange, null>['events']>,
  ): ContactChange {
    if (next === before) return null;
    return { next: stamped(next, now), events };
  }

  /**
   * One versioned write in the caller's workspace. The ownership rule is checked on the state
   * read (scope `own` writes only its own or unowned contacts), except for a claim, whose own
   * rule (unowned only) is stricter.
   */
  private async write(
    ctx: RequestContext,
    id: string,
    change: (doc: ContactDoc) => ContactChange,
    expectedVersion?: number,
    checkOwner = true,
  ): Promise<WriteOutcome> {
    let changed = false;
    const contact = await this.contacts.mutate(
      ctx.workspaceId,
      id,
      (doc) => {
        if (checkOwner) assertMayWrite(ctx, doc.ownerId, 'contact');
        const result = change(doc);
        // Every write of a contact: bot: tags added or removed need tags.system.
        if (result) assertMaySystemTag(ctx, doc.tags, result.next.tags);
        changed = result !== null;
        return result;
      },
      expectedVersion,
    );
    return { contact, changed };
  }
}
