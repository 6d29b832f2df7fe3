import { Injectable, Logger } from '@nestjs/common';
import type { ContactDoc } from '../contacts/contact.schema';
import { ErasureService } from './erasure.service';
import { RetentionRepository } from './retention.repository';

const DAY_MS = 86_400_000;
const PAGE = 200;

/** When the contact was archived last (its latest `archived` status transition). */
export function archivedAt(doc: Pick<ContactDoc, 'statusHistory'>): Date | null {
  for (let i = doc.statusHistory.length - 1; i >= 0; i--) {
    const t = doc.statusHistory[i];
    if (t.status === 'archived') return new Date(t.at);
  }
  return null;
}

/**
 * The retention purge (decision 0133): in every workspace with `archivedRetentionDays`, archived
 * contacts archived longer ago than that are erased through the same erasure as
 * `POST /v1/contacts/:id/erase` (reason `retention`). Run by the `contact-retention` job.
 */
@Injectable()
export class RetentionService {
  private readonly logger = new Logger('retention');

  constructor(
    private readonly retention: RetentionRepository,
    private readonly erasure: ErasureService,
  ) {}

  /** Erases what is due at `now`; the number of contacts erased. */
  async purge(now = new Date()): Promise<number> {
    let erased = 0;
    for (const { workspaceId, days } of await this.retention.workspacesWithRetention()) {
      const cutoff = new Date(now.getTime() - days * DAY_MS);
      let after: string | undefined;
      for (;;) {
        // Archived before the cutoff means last changed before it too: a cheap first filter.
        const page = await this.retention.archivedBefore(workspaceId, cutoff, PAGE, after);
        for (const c of page) {
          const at = archivedAt(c);
          if (at && at <= cutoff && (await this.erasure.purge(workspaceId, c._id))) erased += 1;
        }
        if (page.length < PAGE) break;
        after = page[page.length - 1]._id;
      }
    }
    if (erased > 0) this.logger.log(`retention purge erased ${erased} archived contacts`);
    return erased;
  }
}
