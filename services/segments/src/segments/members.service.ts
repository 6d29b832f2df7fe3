import { Injectable } from '@nestjs/common';
import {
  type ContactSegment,
  type FieldError,
  type Page,
  type RequestContext,
  type SegmentMember,
  type UpdateSegmentMembersInput,
  type UpdateSegmentMembersResult,
} from '@switchboard/contracts';
import { readableOwners } from '@switchboard/access';
import { AppError } from '@switchboard/errors';
import { EvaluationQueue } from '@switchboard/segment-store';
import { ContactDirectory } from './contact-directory';
import { MembersRepository, type EdgeView } from './members.repository';
import { SegmentsRepository } from './segments.repository';
import { SegmentsService } from './segments.service';

const iso = (d: Date | string | null) => new Date(d ?? 0).toISOString();
const CONCURRENCY = 8;

const toMember = (e: EdgeView): SegmentMember => ({
  contactId: e.contactId,
  via: e.via ?? 'rule',
  joinedAt: iso(e.joinedAt),
});

/**
 * Who is in a segment (read from the worker's edges), the explicit includes and excludes people
 * ask for (recorded here, applied by the worker), and a contact's segments.
 */
@Injectable()
export class MembersService {
  constructor(
    private readonly members: MembersRepository,
    private readonly segments: SegmentsRepository,
    private readonly definitions: SegmentsService,
    private readonly queue: EvaluationQueue,
    private readonly directory: ContactDirectory,
  ) {}

  async list(
    ctx: RequestContext,
    q: { id: string; limit: number; cursor?: string },
  ): Promise<Page<SegmentMember>> {
    await this.definitions.load(ctx.workspaceId, q.id);
    const owners = readableOwners(ctx);
    const page =
      owners === null
        ? await this.members.members(ctx.workspaceId, q.id, q.limit, q.cursor)
        : await this.members.ownedMembersPage(ctx.workspaceId, q.id, owners, q.limit, q.cursor);
    return { items: page.items.map(toMember), nextCursor: page.nextCursor };
  }

  /**
   * Records each request (one upsert or delete by `<segmentId>:<contactId>`), then enqueues an
   * evaluation of each contact: the worker applies it to the edge and publishes the transition.
   * The job is one of its own, not the contact's coalesced one, which may be running on reads
   * taken before the request (docs/decisions/0075).
   * `add` and `remove` must name contacts of the workspace.
   */
  async update(
    ctx: RequestContext,
    id: string,
    changes: UpdateSegmentMembersInput,
  ): Promise<UpdateSegmentMembersResult> {
    await this.definitions.load(ctx.workspaceId, id);
    await this.mustExist(ctx, changes);
    const ws = ctx.workspaceId;
    const work: [string, () => Promise<void>][] = [
      ...changes.add.map((c): [string, () => Promise<void>] => [
        c,
        () => this.members.setExplicit(ws, id, c, 'include', ctx.actor.id),
      ]),
      ...changes.remove.map((c): [string, () => Promise<void>] => [
        c,
        () => this.members.setExplicit(ws, id, c, 'exclude', ctx.actor.id),
      ]),
      ...changes.reset.map((c): [string, () => Promise<void>] => [
        c,
        () => this.members.clearExplicit(ws, id, c),
      ]),
    ];
    for (let i = 0; i < work.length; i += CONCURRENCY) {
      await Promise.all(
        work.slice(i, i + CONCURRENCY).map(async ([contactId, write]) => {
          await write();
          await this.queue.explicitChanged({ workspaceId: ws, contactId, reason: 'explicit' });
        }),
      );
    }
    return {
      included: changes.add.length,
      excluded: changes.remove.length,
      reset: changes.reset.length,
    };
  }

  /**
   * The live segments the contact is a member of (edges of deleted segments are skipped, so a
   * page can hold fewer than `limit`).
   */
  async ofContact(
    ctx: RequestContext,
    q: { contactId: string; limit: number; cursor?: string },
  ): Promise<Page<ContactSegment>> {
    // A contact outside the read scope is not found (the contacts service decides).
    if (readableOwners(ctx) !== null && !(await this.directory.known(ctx, q.contactId)))
      throw AppError.notFound('contact', q.contactId);
    const page = await this.members.ofContact(ctx.workspaceId, q.contactId, q.limit, q.cursor);
    if (page.items.length === 0) {
      // No edge in this workspace: a contact of another workspace is not found, not empty.
      if (!q.cursor) await this.directory.mustExist(ctx, q.contactId);
      return { items: [], nextCursor: page.nextCursor };
    }
    const live = new Map(
      (await this.segments.liveRefs(ctx.workspaceId)).map((s) => [s._id, s] as const),
    );
    const items: ContactSegment[] = [];
    for (const e of page.items) {
      const s = live.get(e.segmentId);
      if (!s) continue;
      items.push({
        segmentId: e.segmentId,
        name: s.name,
        type: s.type,
        via: e.via ?? 'rule',
        joinedAt: iso(e.joinedAt),
      });
    }
    return { items, nextCursor: page.nextCursor };
  }

  /**
   * Contacts named in `add`/`remove` must be in the workspace: a profile says so; one without a
   * profile yet (just created, its event not projected) is asked of the contacts service.
   */
  private async mustExist(ctx: RequestContext, changes: UpdateSegmentMembersInput) {
    const named = [
      ...changes.add.map((id, i) => ({ id, path: `add.${i}` })),
      ...changes.remove.map((id, i) => ({ id, path: `remove.${i}` })),
    ];
    if (named.length === 0) return;
    const known = await this.members.withProfile(
      ctx.workspaceId,
      named.map((n) => n.id),
    );
    const errors: FieldError[] = [];
    const unknown = named.filter((n) => !known.has(n.id));
    for (let i = 0; i < unknown.length; i += CONCURRENCY) {
      await Promise.all(
        unknown.slice(i, i + CONCURRENCY).map(async (n) => {
          if (!(await this.directory.known(ctx, n.id))) {
            errors.push({ path: n.path, message: `contact ${n.id} not found`, code: 'not_found' });
          }
        }),
      );
    }
    if (errors.length > 0) {
      errors.sort((a, b) => a.path.localeCompare(b.path));
      throw AppError.validation('unknown contacts', errors);
    }
  }
}
