import { Injectable } from '@nestjs/common';
import { AppError } from '@switchboard/errors';
import type { ContactDoc } from '../contacts/contact.schema';
import { ContactsService } from '../contacts/contacts.service';

/**
 * Writes a cache change on a contact the way every contact write goes: through
 * `ContactsService.mutate`. FerretDB runs an update as a read then a write without a lock, so a
 * side `$set` could be overwritten by (or overwrite) a concurrent versioned write. The price is a
 * version bump per cache change; no event is emitted (the fact is another service's, already on
 * NATS), and `updatedAt` is left alone: it tells when the record itself was edited.
 */
@Injectable()
export class ContactCacheWriter {
  constructor(private readonly contacts: ContactsService) {}

  /** An event about a contact the workspace does not have is poison: dead-lettered at once. */
  async apply(
    workspaceId: string,
    contactId: string,
    change: (contact: ContactDoc) => ContactDoc | null,
  ): Promise<void> {
    try {
      await this.contacts.mutate(workspaceId, contactId, (contact) => {
        const next = change(contact);
        return next ? { next, events: () => [] } : null;
      });
    } catch (err) {
      if (err instanceof AppError && err.code === 'not_found') {
        throw AppError.validation(`no contact ${contactId} in workspace ${workspaceId}`);
      }
      throw err;
    }
  }
}
