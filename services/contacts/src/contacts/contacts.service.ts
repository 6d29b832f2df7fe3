import { Injectable } from '@nestjs/common';
import type { Contact, CreateContactInput, RequestContext } from '@switchboard/contracts';
import { assertMayAssignOwner } from '@switchboard/access';
import { AppError } from '@switchboard/errors';
import { buildEvent, newId } from '@switchboard/messaging';
import { dedupKeyOf, displayNameOf, normaliseChannels, normaliseTags } from './contact-normalizer';
import { toContact } from './contact.mapper';
import type { ContactDoc } from './contact.schema';
import { ContactsRepository } from './contacts.repository';

@Injectable()
export class ContactsService {
  constructor(private readonly contacts: ContactsRepository) {}

  async create(ctx: RequestContext, input: CreateContactInput): Promise<Contact> {
    assertMayAssignOwner(ctx, input.ownerId, 'contact');
    const id = newId();
    const now = new Date();
    const channels = normaliseChannels(input.channels);
    const doc: ContactDoc = {
      _id: id,
      workspaceId: ctx.workspaceId,
      firstName: input.firstName,
      lastName: input.lastName,
      displayName: displayNameOf(input, channels),
      channels,
      companyLinks: input.companyLinks ?? [],
      address: input.address,
      locale: input.locale,
      timeZone: input.timeZone,
      birthMonth: input.birthMonth,
      birthDay: input.birthDay,
      source: input.source ?? 'manual',
      stage: input.stage,
      ownerId: input.ownerId ?? null,
      tags: normaliseTags(input.tags),
      customFields: input.customFields ?? {},
      metadata: input.metadata ?? {},
      leadId: input.leadId,
      linkedUserId: input.linkedUserId,
      status: 'active',
      dedupKey: dedupKeyOf(channels, id),
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    const contact = toContact(doc);
    const created = buildEvent('contact.created', {
      workspaceId: ctx.workspaceId,
      actor: ctx.actor,
      aggregateId: id,
      aggregateVersion: 1,
      occurredAt: now,
      data: { contact },
    });
    const result = await this.contacts.insert(doc, [created]);
    if (!result.inserted) {
      throw new AppError('duplicate_contact', 'a contact with the same primary email exists', {
        duplicateOf: result.duplicateOf,
      });
    }
    return contact;
  }

  async get(ctx: RequestContext, id: string): Promise<Contact> {
    const doc = await this.contacts.findById(ctx.workspaceId, id);
    if (!doc) throw AppError.notFound('contact', id);
    return toContact(doc);
  }
}
