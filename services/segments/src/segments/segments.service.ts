import { Injectable } from '@nestjs/common';
import type {
  CreateSegmentInput,
  EventEnvelope,
  ListSegmentsQuery,
  Page,
  RequestContext,
  Segment,
  SegmentStatus,
  UpdateSegmentInput,
} from '@switchboard/contracts';
import { readableOwners, type ReadScopeContext } from '@switchboard/access';
import { AppError } from '@switchboard/errors';
import { newId } from '@switchboard/messaging';
import { findCycle } from '@switchboard/segment-dsl';
import { EvaluationQueue, type SegmentDoc } from '@switchboard/segment-store';
import { FilterCheck, NO_DEPENDENCIES } from './filter-check';
import { MembersRepository } from './members.repository';
import { createdEvent, deletedEvent, toSegment, updatedEvent } from './segment.mapper';
import { SegmentsRepository } from './segments.repository';

const MAX_ATTEMPTS = 10;

/** Whether the edit made the filter read a segment it did not read before. */
const readsMore = (before: SegmentDoc, after: SegmentDoc): boolean =>
  after.dependsOn.segments.some((s) => !(before.dependsOn?.segments ?? []).includes(s));
/** Counts run a few at a time when a page of segments is listed (each one scans on FerretDB). */
const COUNT_CONCURRENCY = 4;

interface Change {
  next: SegmentDoc;
  events: EventEnvelope[];
  /** The definition moved (type or filter): a full evaluation of the new version is due. */
  reevaluate: boolean;
}

/**
 * Segment definitions: create, read with status and member count, edit (a new definition
 * version when the type or the filter changes, which enqueues a full evaluation), soft delete
 * (the worker takes the members out). Writes are compare-and-set on `version` with the
 * `segment.*` event staged in the same document write (docs/architecture.md, decisions 57–59).
 */
@Injectable()
export class SegmentsService {
  constructor(
    private readonly segments: SegmentsRepository,
    private readonly members: MembersRepository,
    private readonly filters: FilterCheck,
    private readonly queue: EvaluationQueue,
  ) {}

  async create(ctx: RequestContext, input: CreateSegmentInput): Promise<Segment> {
    let filter = null;
    let dependsOn = NO_DEPENDENCIES;
    if (input.type === 'dynamic') {
      const live = await this.segments.liveRefs(ctx.workspaceId);
      ({ filter, dependsOn } = await this.filters.check(ctx, input.filter, live));
    }
    const now = new Date();
    const doc: SegmentDoc = {
      _id: newId(),
      workspaceId: ctx.workspaceId,
      version: 1,
      name: input.name,
      description: input.description ?? null,
      type: input.type,
      filter,
      dependsOn,
      definitionVersion: 1,
      createdBy: ctx.actor.id,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
    };
    await this.segments.insert(doc, [createdEvent(ctx.actor, doc)]);
    if (doc.type === 'dynamic') await this.enqueueEvaluation(doc);
    return toSegment(doc, {
      status: doc.type === 'static' ? 'ready' : 'evaluating',
      memberCount: 0,
    });
  }

  async get(ctx: RequestContext, id: string): Promise<Segment> {
    return this.withState(await this.load(ctx.workspaceId, id), ctx);
  }

  async list(ctx: RequestContext, q: ListSegmentsQuery): Promise<Page<Segment>> {
    const page = await this.segments.page(ctx.workspaceId, q);
    const items: Segment[] = [];
    for (let i = 0; i < page.items.length; i += COUNT_CONCURRENCY) {
      const chunk = page.items.slice(i, i + COUNT_CONCURRENCY);
      items.push(...(await Promise.all(chunk.map((d) => this.withState(d, ctx)))));
    }
    return { items, nextCursor: page.nextCursor };
  }

  async update(ctx: RequestContext, id: string, patch: UpdateSegmentInput): Promise<Segment> {
    let before: SegmentDoc | undefined;
    const written = await this.mutate(ctx.workspaceId, id, async (cur) => {
      before = cur;
      if (patch.version !== undefined && patch.version !== cur.version) {
        throw new AppError('version_conflict', `segment ${id} is at version ${cur.version}`, {
          version: cur.version,
        });
      }
      const next: SegmentDoc = { ...cur };
      if (patch.name !== undefined) next.name = patch.name;
      if (patch.description !== undefined) next.description = patch.description;
      const type = patch.type ?? cur.type;
      const rawFilter =
        patch.filter !== undefined ? patch.filter : patch.type === 'static' ? null : cur.filter;
      if (type === 'static' && rawFilter) {
        throw AppError.validation('a static segment takes no filter', [
          { path: 'filter', message: 'send filter: null (or no filter) with type "static"' },
        ]);
      }
      if (type === 'dynamic' && !rawFilter) {
        throw AppError.validation('a dynamic segment needs a filter', [
          { path: 'filter', message: 'required for a dynamic segment' },
        ]);
      }
      const definitionMoved =
        type !== cur.type || JSON.stringify(rawFilter) !== JSON.stringify(cur.filter);
      if (definitionMoved) {
        next.type = type;
        if (type === 'dynamic') {
          const live = await this.segments.liveRefs(ctx.workspaceId);
          const checked = await this.filters.check(ctx, rawFilter, live, id);
          next.filter = checked.filter;
          next.dependsOn = checked.dependsOn;
        } else {
          next.filter = null;
          next.dependsOn = NO_DEPENDENCIES;
        }
        next.definitionVersion = cur.definitionVersion + 1;
      }
      const changes = (['name', 'description', 'type', 'filter'] as const).filter(
        (k) => JSON.stringify(next[k]) !== JSON.stringify(cur[k]),
      );
      if (changes.length === 0) return null;
      next.version = cur.version + 1;
      next.updatedAt = new Date();
      return {
        next,
        events: [updatedEvent(ctx.actor, next, changes, definitionMoved)],
        reevaluate: definitionMoved,
      };
    });
    if (written.reevaluate) await this.enqueueEvaluation(written.doc);
    if (before && readsMore(before, written.doc)) await this.undoIfCycle(ctx, before, written.doc);
    return this.withState(written.doc);
  }

  /**
   * The check before the write read the graph as it was; an edit of another segment that landed
   * meanwhile can close a cycle with this one. Read again after the write: if a cycle runs from
   * this segment, put its previous definition back (a new definition version, evaluated) and
   * refuse. Of two such edits the later one always sees both, so no cycle stays.
   */
  private async undoIfCycle(ctx: RequestContext, before: SegmentDoc, doc: SegmentDoc) {
    const live = await this.segments.liveRefs(ctx.workspaceId);
    const graph = new Map<string, readonly string[]>([[doc._id, doc.dependsOn.segments]]);
    for (const s of live) if (s._id !== doc._id) graph.set(s._id, s.dependsOn?.segments ?? []);
    const cycle = findCycle(graph);
    if (!cycle) return;
    const undone = await this.mutate(ctx.workspaceId, doc._id, (cur) => {
      // Someone changed the definition since: their write was checked on its own.
      if (JSON.stringify(cur.filter) !== JSON.stringify(doc.filter)) return null;
      const next: SegmentDoc = {
        ...cur,
        type: before.type,
        filter: before.filter,
        dependsOn: before.dependsOn,
        definitionVersion: cur.definitionVersion + 1,
        version: cur.version + 1,
        updatedAt: new Date(),
      };
      const changes = ['type', 'filter'].filter(
        (k) => JSON.stringify(next[k as 'type']) !== JSON.stringify(cur[k as 'type']),
      );
      return { next, events: [updatedEvent(ctx.actor, next, changes, true)], reevaluate: true };
    });
    if (undone.reevaluate) await this.enqueueEvaluation(undone.doc);
    throw AppError.validation('the filter makes segments depend on each other in a cycle', [
      { path: 'filter', message: `cycle: ${cycle.join(' → ')}`, code: 'segment_cycle' },
    ]);
  }

  /**
   * Soft delete. A segment that another live segment's filter reads cannot go (`conflict`, with
   * the dependents): their filters would name a segment that no longer exists.
   */
  async delete(ctx: RequestContext, id: string): Promise<Segment> {
    const existing = await this.segments.find(ctx.workspaceId, id);
    if (existing?.deletedAt) {
      // Deleted already: enqueue the members' removal again (a no-op while the job waits), so
      // repeating a DELETE whose enqueue failed still takes the members out. Still not found.
      await this.queue.segmentDeleted({ workspaceId: ctx.workspaceId, segmentId: id });
      throw AppError.notFound('segment', id);
    }
    const live = await this.segments.liveRefs(ctx.workspaceId);
    const dependents = live.filter((s) => s._id !== id && s.dependsOn?.segments?.includes(id));
    if (dependents.length > 0) {
      throw new AppError(
        'conflict',
        `segment ${id} is read by the filters of ${dependents.map((d) => `"${d.name}"`).join(', ')}; change them first`,
        { dependents: dependents.map((d) => d._id) },
      );
    }
    const written = await this.mutate(ctx.workspaceId, id, (cur) => {
      const now = new Date();
      const next: SegmentDoc = { ...cur, deletedAt: now, updatedAt: now, version: cur.version + 1 };
      return { next, events: [deletedEvent(ctx.actor, next)], reevaluate: false };
    });
    await this.queue.segmentDeleted({ workspaceId: ctx.workspaceId, segmentId: id });
    return toSegment(written.doc, { status: 'ready', memberCount: 0 });
  }

  /** `status` and `memberCount` as of now (see the Segment contract). */
  async withState(doc: SegmentDoc, ctx?: ReadScopeContext): Promise<Segment> {
    // With a read scope, the count is of the members the caller may read (decision 0106).
    const owners = ctx ? readableOwners(ctx) : null;
    const [status, memberCount] = await Promise.all([
      this.statusOf(doc),
      owners === null
        ? this.members.countMembers(doc.workspaceId, doc._id)
        : this.members.countOwnedMembers(doc.workspaceId, doc._id, owners),
    ]);
    return toSegment(doc, { status, memberCount });
  }

  async load(workspaceId: string, id: string): Promise<SegmentDoc> {
    const doc = await this.segments.findLive(workspaceId, id);
    if (!doc) throw AppError.notFound('segment', id);
    return doc;
  }

  private async statusOf(doc: SegmentDoc): Promise<SegmentStatus> {
    if (doc.type === 'static') return 'ready';
    const state = await this.segments.evaluationState(
      doc.workspaceId,
      doc._id,
      doc.definitionVersion,
    );
    // Not started: enqueue again (a no-op while the job waits; heals an enqueue lost to a
    // failure between the definition write and the queue).
    if (state === 'missing') await this.enqueueEvaluation(doc);
    return state === 'finished' ? 'ready' : 'evaluating';
  }

  /**
   * Enqueued after the definition is written: the job id names the definition version, so a
   * repeat is a no-op while the job exists. If Redis refuses, the write stands and the error
   * reaches the caller; the next read of the segment enqueues again (statusOf).
   */
  private enqueueEvaluation(doc: SegmentDoc): Promise<void> {
    return this.queue.segmentChanged({
      workspaceId: doc.workspaceId,
      segmentId: doc._id,
      definitionVersion: doc.definitionVersion,
    });
  }

  /** Read, change, write with a version check; retried when another write came first. */
  private async mutate(
    workspaceId: string,
    id: string,
    change: (cur: SegmentDoc) => Change | null | Promise<Change | null>,
  ): Promise<{ doc: SegmentDoc; reevaluate: boolean }> {
    for (let attempt = 1; ; attempt++) {
      const cur = await this.load(workspaceId, id);
      const result = await change(cur);
      if (!result) return { doc: cur, reevaluate: false };
      if (await this.segments.replace(result.next, cur.version, result.events)) {
        return { doc: result.next, reevaluate: result.reevaluate };
      }
      if (attempt >= MAX_ATTEMPTS) {
        throw new AppError('version_conflict', `segment ${id} keeps changing; try again`);
      }
    }
  }
}
