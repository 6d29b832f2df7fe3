import { Inject, Injectable } from '@nestjs/common';
import type { Model } from 'mongoose';
import { compile, type CompiledFilter } from '@switchboard/segment-dsl';
import { segmentModel, type SegmentDoc } from '@switchboard/segment-store';
import { CONFIG, MongoDatabase } from '@switchboard/runtime';
import type { SegmentWorkerConfig } from '../config';
import { dependencyOrder } from './dependency-order';

export type LiveSegment = Pick<
  SegmentDoc,
  '_id' | 'workspaceId' | 'name' | 'type' | 'filter' | 'dependsOn' | 'definitionVersion'
>;

/** A live segment with its filter compiled at some instant. */
export interface CompiledSegment extends LiveSegment {
  compiled: CompiledFilter | null;
}

interface Entry {
  loadedAt: number;
  /** Every live segment of the workspace, in dependency order. */
  segments: LiveSegment[];
  /** Filters compiled once (those that do not drift with time). */
  compiled: Map<string, CompiledFilter>;
}

const FIELDS = {
  name: 1,
  workspaceId: 1,
  type: 1,
  filter: 1,
  dependsOn: 1,
  definitionVersion: 1,
} as const;

/**
 * The live segment definitions of a workspace, compiled, cached for SEGMENT_CACHE_MS per
 * workspace (one query per workspace and period instead of one per contact job) and dropped
 * at once when this worker takes a definition job of the workspace. Filters whose answer
 * drifts with time are compiled again at each evaluation's instant.
 */
@Injectable()
export class SegmentCatalog {
  readonly model: Model<SegmentDoc>;
  private readonly cache = new Map<string, Entry>();
  /** Moved by each invalidation: a load begun before it must not be kept after it. */
  private readonly generation = new Map<string, number>();

  constructor(
    db: MongoDatabase,
    @Inject(CONFIG) private readonly config: SegmentWorkerConfig,
  ) {
    this.model = segmentModel(db.connection);
  }

  invalidate(workspaceId: string): void {
    this.cache.delete(workspaceId);
    this.generation.set(workspaceId, (this.generation.get(workspaceId) ?? 0) + 1);
  }

  /** One segment as stored now (deleted ones too: `deletedAt` set). */
  async get(workspaceId: string, segmentId: string): Promise<SegmentDoc | null> {
    return this.model
      .findOne({ workspaceId, _id: segmentId }, { outbox: 0, outboxPending: 0 })
      .lean<SegmentDoc>();
  }

  /** The workspace's live segments in dependency order, compiled at `now`. */
  async live(workspaceId: string, now: Date): Promise<CompiledSegment[]> {
    let entry = this.cache.get(workspaceId);
    if (!entry || Date.now() - entry.loadedAt > this.config.SEGMENT_CACHE_MS) {
      const generation = this.generation.get(workspaceId) ?? 0;
      const rows = await this.model
        .find({ workspaceId, deletedAt: null }, FIELDS)
        .lean<LiveSegment[]>();
      entry = { loadedAt: Date.now(), segments: dependencyOrder(rows), compiled: new Map() };
      // Read before an invalidation that landed meanwhile: answer it, but do not keep it.
      if ((this.generation.get(workspaceId) ?? 0) === generation)
        this.cache.set(workspaceId, entry);
    }
    const { compiled } = entry;
    return entry.segments.map((s) => {
      if (s.type !== 'dynamic' || !s.filter) return { ...s, compiled: null };
      if (s.dependsOn.relativeTime) return { ...s, compiled: compile(s.filter, { now }) };
      let c = compiled.get(s._id);
      if (!c) {
        c = compile(s.filter, { now });
        compiled.set(s._id, c);
      }
      return { ...s, compiled: c };
    });
  }

  /** Compiles one definition at `now` (full evaluations). */
  compileOne(segment: LiveSegment, now: Date): CompiledSegment {
    return {
      ...segment,
      compiled:
        segment.type === 'dynamic' && segment.filter ? compile(segment.filter, { now }) : null,
    };
  }
}
