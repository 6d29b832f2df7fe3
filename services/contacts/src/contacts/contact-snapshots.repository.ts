import { Injectable } from '@nestjs/common';
import { CROSS_TENANT, trusted } from '@switchboard/storage';
import type { ContactDoc } from './contact.schema';
import { ContactsRepository } from './contacts.repository';

/** Reads for read models that rebuild from the contacts service (decision 0085). */
@Injectable()
export class ContactSnapshotsRepository {
  constructor(private readonly contacts: ContactsRepository) {}

  /** Contacts of the workspace after `afterId`, in id order (a keyset on `_id`). */
  page(workspaceId: string, afterId: string | undefined, limit: number): Promise<ContactDoc[]> {
    return this.contacts.model
      .find(afterId ? { workspaceId, _id: trusted({ $gt: afterId }) } : { workspaceId }, {
        outbox: 0,
        outboxPending: 0,
      })
      .sort({ _id: 1 })
      .limit(limit)
      .lean<ContactDoc[]>();
  }

  /**
   * The workspace ids that hold contacts after `afterId`, in order: one index seek per
   * workspace on MongoDB (`workspaceId` leads every index), so the cost is the number of
   * workspaces, not of contacts. The one cross-tenant read of the service.
   */
  async workspaces(afterId: string | undefined, limit: number): Promise<string[]> {
    const ids: string[] = [];
    let after = afterId;
    while (ids.length < limit) {
      const next = await this.contacts.model
        .findOne(after ? { workspaceId: trusted({ $gt: after }) } : {}, { workspaceId: 1 })
        .sort({ workspaceId: 1 })
        .setOptions({ [CROSS_TENANT]: true })
        .lean<{ workspaceId: string }>();
      if (!next) break;
      ids.push(next.workspaceId);
      after = next.workspaceId;
    }
    return ids;
  }
}
