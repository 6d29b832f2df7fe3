import { Injectable } from '@nestjs/common';
import type {
  PreviewSegmentInput,
  PreviewSegmentResult,
  RequestContext,
  SegmentExplanation,
} from '@switchboard/contracts';
import { readableOwners } from '@switchboard/access';
import { AppError } from '@switchboard/errors';
import { compile, explain } from '@switchboard/segment-dsl';
import type { ProfileDoc } from '@switchboard/segment-store';
import { ContactDirectory } from './contact-directory';
import { FilterCheck } from './filter-check';
import { MembersRepository } from './members.repository';
import { SegmentsRepository } from './segments.repository';
import { SegmentsService } from './segments.service';

/** Bounds of a preview: it answers within an RPC deadline, however big the workspace. */
export const PREVIEW_LIMITS = { maxScanned: 200_000, maxMillis: 3_000, batchSize: 1_000 };

/** Archived and merged contacts are in no segment (the membership rule). */
export const isActive = (p: Pick<ProfileDoc, 'status' | 'mergedInto'>): boolean =>
  p.status !== 'archived' && p.status !== 'merged' && !p.mergedInto;

const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/**
 * Evaluations that write nothing: a preview of an unsaved filter over the workspace's profiles,
 * and the explanation of one contact's membership.
 */
@Injectable()
export class PreviewService {
  constructor(
    private readonly filters: FilterCheck,
    private readonly segments: SegmentsRepository,
    private readonly members: MembersRepository,
    private readonly definitions: SegmentsService,
    private readonly directory: ContactDirectory,
  ) {}

  /**
   * Streams the workspace's profiles through the compiled MongoDB prefilter (the workspace
   * equality is what FerretDB serves from SQL; the rest is read, not pushed down: decision 48),
   * and counts those the predicate (the truth) accepts. Stops at PREVIEW_LIMITS: `truncated`.
   * A read-scoped caller previews over the contacts it may read: the owner is in the query
   * (decision 0106), next to the filter's own conditions, so count and sample see no others.
   */
  async preview(ctx: RequestContext, input: PreviewSegmentInput): Promise<PreviewSegmentResult> {
    const live = await this.segments.liveRefs(ctx.workspaceId);
    const { filter } = await this.filters.check(ctx, input.filter, live);
    const compiled = compile(filter, { now: new Date() });
    const started = Date.now();
    const owners = readableOwners(ctx);
    const query: Record<string, unknown> = { ...(compiled.mongo ?? {}) };
    if (owners !== null) {
      const scoped = owners.length === 1 ? owners[0] : { $in: [...owners] };
      if ('ownerId' in query) query.$and = [...asArray(query.$and), { ownerId: scoped }];
      else query.ownerId = scoped;
    }
    const cursor = this.members.profiles.collection
      .find({ ...query, workspaceId: ctx.workspaceId })
      .batchSize(PREVIEW_LIMITS.batchSize);
    const result: PreviewSegmentResult = { count: 0, sample: [], scanned: 0, truncated: false };
    try {
      for await (const raw of cursor) {
        const p = raw as unknown as ProfileDoc;
        result.scanned += 1;
        if (isActive(p) && compiled.predicate(p)) {
          result.count += 1;
          if (result.sample.length < input.sampleSize) {
            result.sample.push({
              contactId: p._id,
              displayName: p.displayName ?? null,
              email: p.email ?? null,
            });
          }
        }
        if (
          result.scanned >= PREVIEW_LIMITS.maxScanned ||
          Date.now() - started >= PREVIEW_LIMITS.maxMillis
        ) {
          result.truncated = true;
          break;
        }
      }
    } finally {
      await cursor.close();
    }
    return result;
  }

  /** The filter evaluated now against the contact's profile, next to the edge's state. */
  async explain(ctx: RequestContext, id: string, contactId: string): Promise<SegmentExplanation> {
    const segment = await this.definitions.load(ctx.workspaceId, id);
    const [profile, edge, explicit] = await Promise.all([
      this.members.profile(ctx.workspaceId, contactId),
      this.members.edge(ctx.workspaceId, id, contactId),
      this.members.explicitOf(ctx.workspaceId, id, contactId),
    ]);
    // A contact outside the read scope is not found (the contacts service decides: 0106).
    if (readableOwners(ctx) !== null && !(await this.directory.known(ctx, contactId)))
      throw AppError.notFound('contact', contactId);
    if (!profile && !edge) await this.directory.mustExist(ctx, contactId);
    const now = new Date();
    const tree =
      segment.type === 'dynamic' && segment.filter && profile
        ? explain(segment.filter, profile, { now })
        : null;
    return {
      segmentId: id,
      contactId,
      member: edge?.member ?? false,
      via: edge?.member ? (edge.via ?? 'rule') : null,
      explicit: explicit?.explicit ?? null,
      active: profile ? isActive(profile) : false,
      ruleMatch: tree ? tree.held : null,
      // The contract describes nodes one level deep (records); the tree is the same shape.
      conditions: tree as SegmentExplanation['conditions'],
      joinedAt: edge?.joinedAt ? new Date(edge.joinedAt).toISOString() : null,
      leftAt: edge?.leftAt ? new Date(edge.leftAt).toISOString() : null,
      evaluatedAt: now.toISOString(),
    };
  }
}
