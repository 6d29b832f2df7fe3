import { Injectable } from '@nestjs/common';
import { AppError } from '@switchboard/errors';
import type { ContactDoc } from '../contacts/contact.schema';
import { ContactsRepository } from '../contacts/contacts.repository';

/**
 * Writes a cache change on a contact through the write kernel's `mutateCache`: a compare-and-set
 * like every contact write (FerretDB updates are read-then-write), but it moves neither the
 * version (a client's ETag and If-Match do not see another service's facts) nor `updatedAt`
 * (when the record itself was edited), and emits no event (the fact is already on NATS).
 */
@Injectable()
export class ContactCacheWriter {
  constructor(private readonly contacts: ContactsRepository) {}

  /** An event about a contact the workspace does not have is poison: dead-lettered at once. */
  async apply(
    workspaceId: string,
    contactId: string,
    change: (contact: ContactDoc) => Partial<ContactDoc> | null,
  ): Promise<void> {
    try {
      await this.contacts.mutateCache(workspaceId, contactId, change);
    } catch (err) {
      if (err instanceof AppError && err.code === 'not_found') {
        throw AppError.validation(`no contact ${contactId} in workspace ${workspaceId}`);
      }
      throw err;
    }
  }
}
