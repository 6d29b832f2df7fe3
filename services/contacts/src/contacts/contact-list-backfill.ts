import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { CROSS_TENANT, trusted } from '@switchboard/storage';
import { NEVER_TOUCHED } from './contact-search';
import { ContactsRepository } from './contacts.repository';
import { ContactsService } from './contacts.service';

const BATCH = 100;

/**
 * Contacts stored before the list's derived fields existed (search keys, sort keys), or whose
 * last-touch sort key is still the epoch of never-touched contacts (before decision 0125), get
 * them once, in the background after boot: each is rewritten through `ContactsService.mutate`
 * (which recomputes them) with no event. Cheap when there is nothing to do: one query on a
 * field every contact written since has.
 */
@Injectable()
export class ContactListBackfill implements OnApplicationBootstrap {
  private readonly logger = new Logger('contact-list-backfill');

  constructor(
    private readonly repository: ContactsRepository,
    private readonly contacts: ContactsService,
  ) {}

  onApplicationBootstrap(): void {
    this.run().catch((err: unknown) => this.logger.error({ err }, 'backfill failed'));
  }

  /** Rewrites every contact without derived fields; returns how many it rewrote. */
  async run(): Promise<number> {
    const tried = new Set<string>();
    let rewritten = 0;
    // Equality filters only (FerretDB pushes them down), one after the other.
    for (const filter of [
      { nameSortKey: trusted({ $exists: false }) },
      { lastTouchSortKey: NEVER_TOUCHED },
    ]) {
      rewritten += await this.rewriteAll(filter, tried);
    }
    if (rewritten > 0) this.logger.log(`derived list fields written on ${rewritten} contacts`);
    return rewritten;
  }

  private async rewriteAll(filter: Record<string, unknown>, tried: Set<string>): Promise<number> {
    let rewritten = 0;
    for (;;) {
      const batch = (
        await this.repository.model
          .find(filter, { _id: 1, workspaceId: 1 })
          .setOptions({ [CROSS_TENANT]: true })
          .limit(BATCH + tried.size)
          .lean<{ _id: string; workspaceId: string }[]>()
      ).filter((d) => !tried.has(d._id));
      if (batch.length === 0) break;
      for (const { _id, workspaceId } of batch) {
        tried.add(_id);
        try {
          await this.contacts.mutate(workspaceId, _id, (doc) => ({
            next: { ...doc, version: doc.version + 1 },
            events: () => [],
          }));
          rewritten++;
        } catch (err) {
          this.logger.warn({ err, contactId: _id }, 'could not backfill a contact');
        }
      }
    }
    return rewritten;
  }
}
