import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Model } from 'mongoose';
import type { EventEnvelope, Page } from '@switchboard/contracts';
import { EventWiring, MongoDatabase, type OutboxKick } from '@switchboard/runtime';
import {
  evaluationId,
  evaluationModel,
  segmentModel,
  type EvaluationDoc,
  type SegmentDoc,
} from '@switchboard/segment-store';
import { paginate, stage, VersionedWriter } from '@switchboard/storage';

const NO_OUTBOX = { outbox: 0, outboxPending: 0 } as const;

/** The slice of a definition other definitions need: cycle checks and references. */
export type SegmentRef = Pick<SegmentDoc, '_id' | 'name' | 'type' | 'dependsOn'>;

/**
 * Segment definitions (the `segments` collection: written here only, each write staging its
 * `segment.*` event in the same document write) and the finished-evaluation records the worker
 * writes (read only here, for `status`).
 */
@Injectable()
export class SegmentsRepository implements OnModuleInit {
  readonly model: Model<SegmentDoc>;
  private readonly evaluations: Model<EvaluationDoc>;
  private readonly writer: VersionedWriter<SegmentDoc>;
  private relay!: OutboxKick;

  constructor(
    db: MongoDatabase,
    private readonly wiring: EventWiring,
  ) {
    this.model = segmentModel(db.connection);
    this.evaluations = evaluationModel(db.connection);
    this.writer = new VersionedWriter(this.model, db.connection, 'segment');
  }

  async onModuleInit(): Promise<void> {
    await this.model.init();
    this.relay = this.wiring.startOutboxRelay([this.model]);
  }

  async insert(doc: SegmentDoc, events: EventEnvelope[]): Promise<void> {
    await this.model.create([{ ...doc, outbox: events.map(stage), outboxPending: true }]);
    this.relay.kick();
  }

  /** Compare-and-set on `version` with the events staged in the same write. */
  async replace(doc: SegmentDoc, expectedVersion: number, events: EventEnvelope[]) {
    const written = await this.writer.replace(doc, expectedVersion, events);
    if (written) this.relay.kick();
    return written;
  }

  /** A live (not deleted) definition. */
  async findLive(workspaceId: string, id: string): Promise<SegmentDoc | null> {
    const doc = await this.find(workspaceId, id);
    return doc && !doc.deletedAt ? doc : null;
  }

  /** A definition, deleted or not. */
  find(workspaceId: string, id: string): Promise<SegmentDoc | null> {
    return this.model.findOne({ workspaceId, _id: id }, NO_OUTBOX).lean<SegmentDoc>();
  }

  /** The workspace's live definitions, only what references need (an equality-scoped scan). */
  liveRefs(workspaceId: string): Promise<SegmentRef[]> {
    return this.model
      .find({ workspaceId, deletedAt: null }, { _id: 1, name: 1, type: 1, dependsOn: 1 })
      .lean<SegmentRef[]>();
  }

  page(
    workspaceId: string,
    q: { limit: number; cursor?: string; type?: string },
  ): Promise<Page<SegmentDoc>> {
    return paginate(
      this.model,
      { workspaceId, deletedAt: null, ...(q.type ? { type: q.type as SegmentDoc['type'] } : {}) },
      { sortField: 'name', direction: 1, limit: q.limit, cursor: q.cursor },
    ).then((p) => ({ ...p, items: p.items.map(stripOutbox) }));
  }

  /** Where the full evaluation of this definition version stands. */
  async evaluationState(
    workspaceId: string,
    segmentId: string,
    definitionVersion: number,
  ): Promise<'missing' | 'running' | 'finished'> {
    const rec = await this.evaluations
      .findOne({ workspaceId, _id: evaluationId(segmentId, definitionVersion) }, { finishedAt: 1 })
      .lean<Pick<EvaluationDoc, 'finishedAt'>>();
    return !rec ? 'missing' : rec.finishedAt ? 'finished' : 'running';
  }
}

const stripOutbox = (d: SegmentDoc): SegmentDoc => {
  const { outbox: _o, outboxPending: _p, ...rest } = d;
  return rest;
};
