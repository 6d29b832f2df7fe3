import { Injectable } from '@nestjs/common';
import {
  SNAPSHOT_WORKSPACES_PAGE,
  type ContactSnapshotPage,
  type ContactSnapshotPageInput,
  type RequestContext,
  type SnapshotWorkspacesInput,
  type SnapshotWorkspacesPage,
} from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { rowsWithinBudget } from '@switchboard/storage';
import { CustomFieldTypesService } from '../settings/custom-field-types.service';
import { typesOf } from './contact-event-payloads';
import { toContact } from './contact.mapper';
import { ContactSnapshotsRepository } from './contact-snapshots.repository';

/** Only services rebuild read models; a user or API key never pages the whole workspace here. */
function assertService(ctx: RequestContext): void {
  if (ctx.actor.type !== 'service') {
    throw new AppError('forbidden', 'contact snapshots are served to services only');
  }
}

/**
 * Pages of contacts as read models rebuild them (decision 0085): the whole record (archived and
 * merged contacts too) with the types of its custom values, in id order, cut by size so a reply
 * stays under the payload limit (decision 0071).
 */
@Injectable()
export class ContactSnapshotsService {
  constructor(
    private readonly snapshots: ContactSnapshotsRepository,
    private readonly fieldTypes: CustomFieldTypesService,
  ) {}

  async page(ctx: RequestContext, input: ContactSnapshotPageInput): Promise<ContactSnapshotPage> {
    assertService(ctx);
    const limit = input.limit ?? 200;
    const docs = await this.snapshots.page(ctx.workspaceId, input.cursor, limit);
    const contacts = docs.map(toContact);
    const types = await this.fieldTypes.forSlugs(ctx.workspaceId, [
      ...new Set(contacts.flatMap((c) => Object.keys(c.customFields))),
    ]);
    const items = contacts.map((contact) => ({
      contact,
      customFieldTypes: typesOf(contact.customFields, types),
    }));
    const kept = items.slice(0, rowsWithinBudget(items));
    const more = kept.length < items.length || docs.length === limit;
    return { items: kept, nextCursor: more ? (kept.at(-1)?.contact.id ?? null) : null };
  }

  async workspaces(
    ctx: RequestContext,
    input: SnapshotWorkspacesInput,
  ): Promise<SnapshotWorkspacesPage> {
    assertService(ctx);
    const items = await this.snapshots.workspaces(input.cursor, SNAPSHOT_WORKSPACES_PAGE);
    return {
      items,
      nextCursor: items.length === SNAPSHOT_WORKSPACES_PAGE ? items.at(-1)! : null,
    };
  }
}
