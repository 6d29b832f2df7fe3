import { Injectable } from '@nestjs/common';
import type {
  Actor,
  EraseContactInput,
  EraseContactResult,
  EraseReason,
  RequestContext,
} from '@switchboard/contracts';
import { assertMayWrite } from '@switchboard/access';
import { AppError } from '@switchboard/errors';
import { buildEvent } from '@switchboard/messaging';
import type { ContactDoc } from '../contacts/contact.schema';
import { ContactsRepository } from '../contacts/contacts.repository';
import type { ErasureDoc } from './erasure.schema';
import { ErasureRepository } from './erasure.repository';

/** Duplicates merged into duplicates: how deep an erasure follows `mergedInto`. */
const MERGE_DEPTH = 5;

/**
 * Erases a person here (decision 0131): for the contact and every duplicate merged into it,
 *   1. the erasure record (no personal data) is written,
 *   2. the addresses go on the suppression list when asked,
 *   3. leads, fit assessments and rankings, and the contact itself are deleted (its outbox with
 *      them: an event staged and not yet relayed, which names the person, is never sent),
 *   4. `contact.erased` is staged in a document of its own, and the record marked done.
 * A crash anywhere leaves the record `erasing`: erasing again finishes it. The other services
 * delete what they hold when `contact.erased` reaches them.
 */
@Injectable()
export class ErasureService {
  constructor(
    private readonly contacts: ContactsRepository,
    private readonly erasures: ErasureRepository,
  ) {}

  async erase(ctx: RequestContext, input: EraseContactInput): Promise<EraseContactResult> {
    const ws = ctx.workspaceId;
    const contact = await this.contacts.findById(ws, input.id);
    if (!contact) {
      const record = await this.erasures.find(ws, input.id);
      if (!record) throw AppError.notFound('contact', input.id);
      const done = record.state === 'done' ? record : await this.complete(ctx.actor, record);
      return result(done, [done._id]);
    }
    assertMayWrite(ctx, contact.ownerId, 'contact');
    const erased: string[] = [];
    const last = await this.eraseTree(ctx.actor, contact, input, 0, erased);
    return result(last, erased);
  }

  /**
   * The retention purge's erasure of an archived contact (reason `retention`, by the service);
   * false when it is gone already or no longer archived.
   */
  async purge(workspaceId: string, contactId: string): Promise<boolean> {
    const contact = await this.contacts.findById(workspaceId, contactId);
    if (!contact || contact.status !== 'archived') return false;
    const actor: Actor = { type: 'service', id: 'contacts-retention' };
    await this.eraseTree(actor, contact, { suppressAddresses: false, reason: 'retention' }, 0, []);
    return true;
  }

  /** Duplicates first (deepest first), the contact last. */
  private async eraseTree(
    actor: Actor,
    contact: ContactDoc,
    input: { suppressAddresses: boolean; reason: EraseReason },
    depth: number,
    erased: string[],
  ): Promise<ErasureDoc> {
    if (depth < MERGE_DEPTH) {
      for (const dup of await this.erasures.mergedInto(contact.workspaceId, contact._id)) {
        await this.eraseTree(actor, dup, input, depth + 1, erased);
      }
    }
    const record = await this.erasures.begin({
      _id: contact._id,
      workspaceId: contact.workspaceId,
      actorId: actor.id,
      reason: input.reason,
      version: contact.version + 1,
      suppress: input.suppressAddresses,
      leadIds: await this.erasures.leadIdsOf(contact.workspaceId, contact),
      state: 'erasing',
      suppressedAddresses: 0,
      requestedAt: new Date(),
      erasedAt: null,
    });
    if (record.suppress) {
      const count = await this.erasures.suppress(contact.workspaceId, contact.channels);
      await this.erasures.recordSuppressed(contact.workspaceId, contact._id, count);
      record.suppressedAddresses = count;
    }
    const done = await this.complete(actor, record);
    erased.push(done._id);
    return done;
  }

  private async complete(actor: Actor, record: ErasureDoc): Promise<ErasureDoc> {
    await this.erasures.deletePersonData(record.workspaceId, record._id, record.leadIds);
    const erasedAt = new Date();
    const event = buildEvent('contact.erased', {
      workspaceId: record.workspaceId,
      actor,
      aggregateId: record._id,
      aggregateVersion: record.version,
      occurredAt: erasedAt,
      data: {
        contactId: record._id,
        reason: record.reason,
        leadIds: record.leadIds,
        suppressedAddresses: record.suppressedAddresses,
      },
    });
    return this.erasures.finish(record, event, erasedAt);
  }
}

const result = (last: ErasureDoc, erasedIds: string[]): EraseContactResult => ({
  contactId: last._id,
  erasedIds,
  erasedAt: (last.erasedAt ?? new Date()).toISOString(),
  suppressedAddresses: last.suppressedAddresses,
});
