import { Injectable } from '@nestjs/common';
import type { ConvertLeadResult, RequestContext } from '@switchboard/contracts';
import {
  assertMayAssignOwner,
  assertMaySystemTag,
  assertMayTag,
  assertMayWrite,
} from '@switchboard/access';
import { AppError } from '@switchboard/errors';
import { buildEvent } from '@switchboard/messaging';
import { CompanyDirectory } from '../companies/company-directory';
import { buildContactDoc } from '../contacts/contact-builder';
import { updatedEvents } from '../contacts/contact-events';
import { toContact } from '../contacts/contact.mapper';
import { stamped } from '../contacts/contact-writes';
import { ContactsRepository } from '../contacts/contacts.repository';
import { ContactsService } from '../contacts/contacts.service';
import { ContactRulesService } from '../settings/contact-rules.service';
import { CustomFieldTypesService } from '../settings/custom-field-types.service';
import { attachLead, contactIdOfLead, contactInputOf, withCaptureConsent } from './lead-conversion';
import { leadConverted } from './lead-events';
import { toLead } from './lead.mapper';
import type { LeadDoc } from './lead.schema';
import { LeadsService } from './leads.service';

/**
 * `POST /v1/leads/:id/convert` (decision 62): (1) the contact — created with an id derived
 * from the lead, or, when the workspace's dedup rule finds one, the existing contact with the
 * lead attached; (2) the lead marked converted with `lead.converted`. Each step is one
 * versioned single-document write with its events; a retry after a crash between them finds
 * the contact of step 1 and finishes step 2. A converted lead answers its conversion again.
 */
@Injectable()
export class LeadConversionService {
  constructor(
    private readonly leads: LeadsService,
    private readonly contacts: ContactsService,
    private readonly contactStore: ContactsRepository,
    private readonly rules: ContactRulesService,
    private readonly companies: CompanyDirectory,
    private readonly fieldTypes: CustomFieldTypesService,
  ) {}

  async convert(ctx: RequestContext, id: string): Promise<ConvertLeadResult> {
    const lead = await this.leads.load(ctx.workspaceId, id);
    if (lead.status === 'converted' && lead.conversion) return result(lead);
    assertMayWrite(ctx, lead.assigneeId, 'lead');
    if (lead.status !== 'qualified') {
      throw new AppError('conflict', `only a qualified lead converts; this one is ${lead.status}`, {
        status: lead.status,
      });
    }
    const { contactId, created } = await this.contactFor(ctx, lead);
    const done = await this.leads.mutate(ctx.workspaceId, id, (current) => {
      if (current.status === 'converted') return null;
      if (current.status !== 'qualified') {
        throw new AppError('conflict', `the lead became ${current.status} meanwhile`, {
          status: current.status,
        });
      }
      const now = new Date();
      return {
        next: {
          ...current,
          status: 'converted',
          reason: null,
          statusHistory: [
            ...current.statusHistory,
            { from: current.status, to: 'converted', reason: null, at: now, actor: ctx.actor },
          ],
          conversion: { contactId, created, at: now, actor: ctx.actor },
          version: current.version + 1,
          updatedAt: now,
        },
        events: (doc) => [leadConverted(ctx.actor, doc)],
      };
    });
    return result(done);
  }

  /** Step 1: the contact the lead becomes, created or found by the dedup rule. */
  private async contactFor(
    ctx: RequestContext,
    lead: LeadDoc,
  ): Promise<{ contactId: string; created: boolean }> {
    const id = contactIdOfLead(lead._id);
    // A retry after a crash: the contact of the first attempt is there.
    if (await this.contactStore.findById(ctx.workspaceId, id))
      return { contactId: id, created: true };
    const rules = await this.rules.forWorkspace(ctx.workspaceId);
    const input = contactInputOf(lead, (s) => rules.isLeadSource(s));
    assertMayAssignOwner(ctx, input.ownerId, 'contact');
    assertMayTag(ctx, input.tags, 'create');
    assertMaySystemTag(ctx, [], input.tags ?? []);
    const directory = await this.companies.forContacts(ctx.workspaceId, [input]);
    const { links, errors } = directory.linksFor(input);
    errors.unshift(...rules.createErrors(input));
    if (errors.length > 0)
      throw AppError.validation('the lead does not make a valid contact', errors);
    const now = new Date();
    const built = buildContactDoc(
      { ...input, companyLinks: links },
      { id, workspaceId: ctx.workspaceId, actor: ctx.actor, now, dedupRule: rules.dedupRule },
    );
    const doc = await this.contacts.withListedSuppressions(
      { ...built, channels: withCaptureConsent(built.channels, lead) },
      [],
    );
    const event = buildEvent('contact.created', {
      workspaceId: ctx.workspaceId,
      actor: ctx.actor,
      aggregateId: id,
      aggregateVersion: 1,
      occurredAt: now,
      data: { contact: toContact(doc) },
    });
    const events = await this.fieldTypes.complete(ctx.workspaceId, [event]);
    const inserted = await this.contactStore.insert(doc, events);
    if (inserted.inserted || inserted.duplicateOf === id) return { contactId: id, created: true };
    // Attach to the contact the dedup rule found, through the contacts' own versioned write:
    // the caller must be allowed to write that contact (ownership) and, to add tags, to tag.
    await this.contacts.mutate(ctx.workspaceId, inserted.duplicateOf, (existing) => {
      if (existing.status === 'archived') {
        throw new AppError('conflict', `the matching contact ${existing._id} is archived`, {
          contactId: existing._id,
        });
      }
      const next = attachLead(existing, lead);
      if (next === existing) return null;
      // Attaching writes the contact: with the caller's rights, like any other contact write.
      assertMayWrite(ctx, existing.ownerId, 'contact');
      if (next.tags.join('\n') !== existing.tags.join('\n')) assertMayTag(ctx, next.tags, 'update');
      assertMaySystemTag(ctx, existing.tags, next.tags);
      return {
        next: stamped(next, new Date()),
        events: (n) => updatedEvents(ctx.actor, existing, n),
      };
    });
    return { contactId: inserted.duplicateOf, created: false };
  }
}

const result = (lead: LeadDoc): ConvertLeadResult => ({
  contactId: lead.conversion!.contactId,
  created: lead.conversion!.created,
  lead: toLead(lead),
});
