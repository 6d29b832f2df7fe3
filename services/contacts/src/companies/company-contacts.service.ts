import { Injectable } from '@nestjs/common';
import type {
  Actor,
  CompanyLink,
  Contact,
  Page,
  PageQuery,
  RequestContext,
} from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { buildEvent } from '@switchboard/messaging';
import { paginate } from '@switchboard/storage';
import { readScopeFilter } from '../contacts/contact-filter';
import { toContact } from '../contacts/contact.mapper';
import type { ContactDoc } from '../contacts/contact.schema';
import { ContactsRepository } from '../contacts/contacts.repository';
import { ContactsService } from '../contacts/contacts.service';

const BATCH = 100;

/** The duplicate's link folded into the survivor's (the survivor's details win). */
export function relinkedLinks(links: CompanyLink[], from: string, to: string): CompanyLink[] {
  const old = links.find((l) => l.companyId === from);
  if (!old) return links;
  const existing = links.find((l) => l.companyId === to);
  if (!existing) return links.map((l) => (l.companyId === from ? { ...l, companyId: to } : l));
  const merged: CompanyLink = {
    companyId: to,
    ...((existing.title ?? old.title) ? { title: existing.title ?? old.title } : {}),
    ...((existing.workEmail ?? old.workEmail)
      ? { workEmail: existing.workEmail ?? old.workEmail }
      : {}),
  };
  return links.filter((l) => l.companyId !== from).map((l) => (l.companyId === to ? merged : l));
}

/** Contacts as seen from a company: who is linked to it, and moving links on a merge. */
@Injectable()
export class CompanyContactsService {
  constructor(
    private readonly contactsRepo: ContactsRepository,
    private readonly contacts: ContactsService,
  ) {}

  /** Active contacts linked to the company, newest first (keyset pages). */
  async list(ctx: RequestContext, companyId: string, q: PageQuery): Promise<Page<Contact>> {
    const page = await paginate<ContactDoc>(
      this.contactsRepo.model,
      {
        workspaceId: ctx.workspaceId,
        status: 'active',
        'companyLinks.companyId': companyId,
        ...readScopeFilter(ctx),
      },
      { sortField: 'createdAt', direction: -1, limit: q.limit, cursor: q.cursor },
    );
    return { items: page.items.map(toContact), nextCursor: page.nextCursor };
  }

  /** Contacts (any status) linked to the company. */
  countLinked(workspaceId: string, companyId: string): Promise<number> {
    return this.contactsRepo.model.countDocuments({
      workspaceId,
      'companyLinks.companyId': companyId,
    });
  }

  /**
   * Moves every contact's link from one company to another, a batch of ids at a time, each
   * contact through `ContactsService.mutate` (version-checked, `contact.updated` staged).
   * Idempotent: a retry finds only the contacts still linked to `from`.
   */
  async relink(workspaceId: string, actor: Actor, from: string, to: string): Promise<number> {
    let moved = 0;
    const seen = new Set<string>();
    for (;;) {
      const rows = await this.contactsRepo.model
        .find({ workspaceId, 'companyLinks.companyId': from }, { _id: 1 })
        .limit(BATCH)
        .lean<{ _id: string }[]>();
      if (rows.length === 0) return moved;
      if (rows.every((r) => seen.has(r._id))) {
        throw new AppError('internal', `contacts of company ${from} could not be relinked`);
      }
      for (const { _id } of rows) {
        seen.add(_id);
        await this.contacts.mutate(workspaceId, _id, (doc) => {
          const links = relinkedLinks(doc.companyLinks, from, to);
          if (links === doc.companyLinks) return null;
          const next: ContactDoc = {
            ...doc,
            companyLinks: links,
            version: doc.version + 1,
            updatedAt: new Date(),
          };
          return {
            next,
            events: (stored) => [
              buildEvent('contact.updated', {
                workspaceId,
                actor,
                aggregateId: stored._id,
                aggregateVersion: stored.version,
                occurredAt: stored.updatedAt,
                data: {
                  contact: toContact(stored),
                  changes: [{ field: 'companyLinks', from: doc.companyLinks, to: links }],
                },
              }),
            ],
          };
        });
        moved++;
      }
    }
  }
}
