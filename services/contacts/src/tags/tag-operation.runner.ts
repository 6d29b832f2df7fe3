import { Injectable, Logger } from '@nestjs/common';
import type { RequestContext } from '@switchboard/contracts';
import { assertMaySystemTag, assertMayWrite } from '@switchboard/access';
import { AppError } from '@switchboard/errors';
import { tagEvents } from '../contacts/contact-events';
import { stamped } from '../contacts/contact-writes';
import { ContactsService } from '../contacts/contacts.service';
import { rewriteTags } from './tag-rewrite';
import type { TagOperationDoc } from './tag.schema';
import { TagsRepository } from './tags.repository';

const PAGE = 100;

const callerOf = (op: TagOperationDoc): RequestContext => ({
  workspaceId: op.workspaceId,
  actor: op.caller.actor,
  role: op.caller.role,
  capabilities: op.caller.capabilities,
  scope: op.caller.scope,
  requestId: op.caller.requestId,
});

/**
 * Runs one tag operation: every contact of the workspace carrying the tag (any status: an
 * archived contact comes back with the tag renamed) is rewritten through the versioned write,
 * one at a time, with the caller's rights (ownership scope, `tags.system`), each emitting its
 * own `contact.tag.added` / `contact.tag.removed` events. Safe to run again: a contact changed
 * by an earlier attempt no longer carries the tag.
 */
@Injectable()
export class TagOperationRunner {
  private readonly logger = new Logger('tag-operations');

  constructor(
    private readonly tags: TagsRepository,
    private readonly contacts: ContactsService,
  ) {}

  async run(workspaceId: string, operationId: string): Promise<void> {
    const op = await this.tags.findOperation(workspaceId, operationId);
    if (!op || op.status === 'completed' || op.status === 'failed') return;
    await this.tags.updateOperation(workspaceId, op._id, { status: 'running' });
    const ctx = callerOf(op);
    let changed = op.changed;
    let failed = 0;
    let after: string | null = null;
    for (;;) {
      const ids = await this.tags.carrying(workspaceId, op.tag, after, PAGE);
      if (ids.length === 0) break;
      for (const id of ids) {
        try {
          if (await this.rewrite(ctx, op, id)) changed++;
        } catch (err) {
          if (!(err instanceof AppError) || err.code === 'internal') throw err;
          this.logger.warn({ err, contactId: id, operationId }, 'contact left as it is');
          failed++;
        }
      }
      after = ids[ids.length - 1];
      await this.tags.updateOperation(workspaceId, op._id, { changed, failed });
    }
    await this.tags.updateOperation(workspaceId, op._id, {
      status: 'completed',
      changed,
      failed,
      completedAt: new Date(),
    });
  }

  private async rewrite(ctx: RequestContext, op: TagOperationDoc, id: string): Promise<boolean> {
    let changed = false;
    await this.contacts.mutate(op.workspaceId, id, (doc) => {
      const tags = rewriteTags(doc.tags, op);
      changed = tags !== doc.tags;
      if (!changed) return null;
      assertMayWrite(ctx, doc.ownerId, 'contact');
      assertMaySystemTag(ctx, doc.tags, tags);
      return {
        next: stamped({ ...doc, tags }, new Date()),
        events: (n) => tagEvents(ctx.actor, doc, n),
      };
    });
    return changed;
  }
}
