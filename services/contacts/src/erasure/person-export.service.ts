import { Injectable } from '@nestjs/common';
import {
  PERSON_EXPORT_LIST_MAX,
  type ContactsPersonData,
  type RequestContext,
} from '@switchboard/contracts';
import { mayRead } from '@switchboard/access';
import { AppError } from '@switchboard/errors';
import { toContact } from '../contacts/contact.mapper';
import { ContactsRepository } from '../contacts/contacts.repository';
import { toAssessment, toRankingEntry } from '../fit/fit.mapper';
import { toLead } from '../leads/lead.mapper';
import { ErasureRepository } from './erasure.repository';

const LIMIT = PERSON_EXPORT_LIST_MAX;

/** The contacts service's part of a person's data export (`rpc.contacts.person.export`). */
@Injectable()
export class PersonExportService {
  constructor(
    private readonly contacts: ContactsRepository,
    private readonly erasures: ErasureRepository,
  ) {}

  async export(ctx: RequestContext, contactId: string): Promise<ContactsPersonData> {
    const contact = await this.contacts.findById(ctx.workspaceId, contactId);
    if (!contact || !mayRead(ctx, contact.ownerId)) throw AppError.notFound('contact', contactId);
    const duplicates = await this.erasures.mergedInto(ctx.workspaceId, contactId);
    const held = await this.erasures.personData(ctx.workspaceId, contact, LIMIT);
    const dupData = await Promise.all(
      duplicates.map((d) => this.erasures.personData(ctx.workspaceId, d, LIMIT)),
    );
    const all = [held, ...dupData];
    const leads = all.flatMap((h) => h.leads);
    const assessments = all.flatMap((h) => h.assessments);
    const rankings = all.flatMap((h) => h.rankings);
    return {
      contact: toContact(contact),
      mergedDuplicates: duplicates.map(toContact),
      leads: leads.slice(0, LIMIT).map(toLead),
      assessments: assessments.slice(0, LIMIT).map(toAssessment),
      rankings: rankings.slice(0, LIMIT).map(toRankingEntry),
      truncated:
        leads.length > LIMIT ||
        assessments.length > LIMIT ||
        rankings.length > LIMIT ||
        all.some((h) => h.leadCount > LIMIT),
    };
  }
}
