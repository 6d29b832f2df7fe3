import { Injectable } from '@nestjs/common';
import type {
  Contact,
  CreateContactInput,
  EventEnvelope,
  RequestContext,
} from '@switchboard/contracts';
import {
  assertMayAssignOwner,
  assertMaySystemTag,
  assertMayTag,
  mayRead,
} from '@switchboard/access';
import { AppError } from '@switchboard/errors';
import { buildEvent, newId } from '@switchboard/messaging';
import { buildContactDoc } from './contact-builder';
import { withDerivedFields } from './contact-search';
import { toContact } from './contact.mapper';
import type { ContactDoc } from './contact.schema';
import { CompanyDirectory } from '../companies/company-directory';
import { ContactRulesService } from '../settings/contact-rules.service';
import { CustomFieldTypesService } from '../settings/custom-field-types.service';
import { ContactsRepository } from './contacts.repository';
import { SuppressionsRepository } from '../suppressions/suppressions.repository';
import { addedChannelKeys, withSuppressions } from './channel-suppression';

/** A change to one contact: its next state and the events it emits (built from that state). */
export type ContactChange = {
  next: ContactDoc;
  events: (next: ContactDoc) => EventEnvelope[];
} | null;

@Injectable()
export class ContactsService {
  constructor(
    private readonly contacts: ContactsRepository,
    private readonly rules: ContactRulesService,
    private readonly companies: CompanyDirectory,
    private readonly fieldTypes: CustomFieldTypesService,
    private readonly suppressions: SuppressionsRepository,
  ) {}

  async create(ctx: RequestContext, input: CreateContactInput): Promise<Contact> {
    assertMayAssignOwner(ctx, input.ownerId, 'contact');
    assertMayTag(ctx, input.tags, 'create');
    assertMaySystemTag(ctx, [], input.tags ?? []);
    const [rules, companies] = await Promise.all([
      this.rules.forWorkspace(ctx.workspaceId),
      this.companies.forContacts(ctx.workspaceId, [input]),
    ]);
    // Given company links must exist; emails whose domain a company holds add a link to it.
    const { links, errors } = companies.linksFor(input);
    errors.unshift(...rules.createErrors(input));
    if (errors.length > 0) throw AppError.validation('invalid contact', errors);
    const built = buildContactDoc(
      { ...input, companyLinks: links },
      {
        id: newId(),
        workspaceId: ctx.workspaceId,
        actor: ctx.actor,
        now: new Date(),
        dedupRule: rules.dedupRule,
      },
    );
    const doc = await this.withListedSuppressions(built, []);
    const contact = toContact(doc);
    const created = buildEvent('contact.created', {
      workspaceId: ctx.workspaceId,
      actor: ctx.actor,
      aggregateId: doc._id,
      aggregateVersion: 1,
      occurredAt: doc.createdAt,
      data: { contact },
    });
    const events = await this.fieldTypes.complete(ctx.workspaceId, [created]);
    const result = await this.contacts.insert(doc, events);
    if (!result.inserted) {
      throw new AppError('duplicate_contact', `a contact with the same ${rules.dedupRule} exists`, {
        duplicateOf: result.duplicateOf,
      });
    }
    return contact;
  }

  /** A contact outside the caller's read scope is not found, like one of another workspace. */
  async get(ctx: RequestContext, id: string): Promise<Contact> {
    const doc = await this.load(ctx.workspaceId, id);
    if (!mayRead(ctx, doc.ownerId)) throw AppError.notFound('contact', id);
    return toContact(doc);
  }

  /**
   * Read, change, write with a version check, retried by the write kernel when another write came
   * first. With `expectedVersion` (If-Match) a contact that moved on is a 409 instead of a retry.
   */
  async mutate(
    workspaceId: string,
    id: string,
    change: (contact: ContactDoc) => ContactChange | Promise<ContactChange>,
    expectedVersion?: number,
  ): Promise<Contact> {
    const { doc } = await this.contacts.mutate(
      workspaceId,
      id,
      async (current) => {
        const result = await change(current);
        if (!result) return result;
        const next = withDerivedFields(
          await this.withListedSuppressions(result.next, current.channels),
        );
        // Typed custom values travel in the event (decision 0086): completed before staging.
        const events = await this.fieldTypes.complete(workspaceId, result.events(next));
        return { next, events };
      },
      { expectedVersion },
    );
    return toContact(doc);
  }

  /**
   * The contact with the suppression list put on the channels it gains (decision 0121): an
   * address suppressed before the channel was added (again) arrives suppressed.
   */
  async withListedSuppressions(
    doc: ContactDoc,
    before: ContactDoc['channels'],
  ): Promise<ContactDoc> {
    const keys = addedChannelKeys(before, doc.channels);
    if (keys.length === 0) return doc;
    const active = await this.suppressions.activeFor(doc.workspaceId, keys);
    const channels = withSuppressions(doc.channels, active);
    return channels === doc.channels ? doc : { ...doc, channels };
  }

  /** `withListedSuppressions` for new contacts of one workspace (an import batch), one lookup. */
  async withListedSuppressionsMany(workspaceId: string, docs: ContactDoc[]): Promise<ContactDoc[]> {
    const keys = [...new Set(docs.flatMap((d) => addedChannelKeys([], d.channels)))];
    if (keys.length === 0) return docs;
    const active = await this.suppressions.activeFor(workspaceId, keys);
    if (active.size === 0) return docs;
    return docs.map((d) => {
      const channels = withSuppressions(d.channels, active);
      return channels === d.channels ? d : { ...d, channels };
    });
  }

  async load(workspaceId: string, id: string): Promise<ContactDoc> {
    const doc = await this.contacts.findById(workspaceId, id);
    if (!doc) throw AppError.notFound('contact', id);
    return doc;
  }
}
