import type { Contact, ContactProjection } from '@switchboard/contracts';
import type { ContactProjectionDoc } from './contact-projection.schema';

const primary = (contact: Contact, type: string): string | null =>
  contact.channels.find((c) => c.type === type && c.primary)?.value ?? null;

/** The attributes of a contact that segment filters read. */
export function projectionFromContact(contact: Contact): ContactProjectionDoc {
  return {
    _id: contact.id,
    workspaceId: contact.workspaceId,
    version: contact.version,
    status: contact.status,
    displayName: contact.displayName,
    email: primary(contact, 'email'),
    phone: primary(contact, 'phone'),
    stage: contact.stage ?? null,
    ownerId: contact.ownerId,
    tags: contact.tags,
    updatedAt: new Date(contact.updatedAt),
  };
}

export function toContactProjection(doc: ContactProjectionDoc): ContactProjection {
  return {
    contactId: doc._id,
    workspaceId: doc.workspaceId,
    version: doc.version,
    status: doc.status,
    displayName: doc.displayName,
    email: doc.email,
    phone: doc.phone,
    stage: doc.stage,
    ownerId: doc.ownerId,
    tags: doc.tags,
    updatedAt: new Date(doc.updatedAt).toISOString(),
  };
}
