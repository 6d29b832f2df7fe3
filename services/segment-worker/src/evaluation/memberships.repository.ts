import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Model } from 'mongoose';
import type { EventEnvelope } from '@switchboard/contracts';
import { EventPublisher } from '@switchboard/messaging';
import { EventWiring, MongoDatabase, type OutboxKick } from '@switchboard/runtime';
import {
  explicitModel,
  membershipModel,
  type Explicit,
  type ExplicitDoc,
  type MembershipDoc,
} from '@switchboard/segment-store';
import {
  DocumentWriter,
  MongoOutboxSource,
  insertIfAbsent,
  insertManyIfAbsent,
  stage,
  trusted,
  type StagedEvent,
} from '@switchboard/storage';
import type { EdgeCursor } from './edge-stream';
import { newEdgeDoc, type EdgeState } from './membership-rule';

/**
 * Membership edges and explicit requests. An edge changes by compare-and-set on its `rev` through
 * the write kernel's DocumentWriter (decision 80); a transition stages its event in the edge's
 * outbox in the same write, and the writer publishes it at once and takes it off the edge (the
 * relay, kicked, is the fallback after a failed publish or a crash).
 */
@Injectable()
export class MembershipsRepository implements OnModuleInit {
  readonly model: Model<MembershipDoc>;
  readonly explicit: Model<ExplicitDoc>;
  private readonly writer: DocumentWriter;
  private readonly source: MongoOutboxSource;
  private relay!: OutboxKick;

  constructor(
    db: MongoDatabase,
    private readonly wiring: EventWiring,
    private readonly publisher: EventPublisher,
  ) {
    this.model = membershipModel(db.connection);
    this.explicit = explicitModel(db.connection);
    this.writer = new DocumentWriter(this.model, db.connection);
    this.source = new MongoOutboxSource(this.model);
  }

  async onModuleInit(): Promise<void> {
    await Promise.all([this.model.init(), this.explicit.init()]);
    this.relay = this.wiring.startOutboxRelay([this.model]);
  }

  forContact(workspaceId: string, contactId: string): Promise<MembershipDoc[]> {
    return this.model.find({ workspaceId, contactId }).lean<MembershipDoc[]>();
  }

  async explicitForContact(workspaceId: string, contactId: string): Promise<Map<string, Explicit>> {
    const rows = await this.explicit
      .find({ workspaceId, contactId }, { segmentId: 1, explicit: 1 })
      .lean<Pick<ExplicitDoc, 'segmentId' | 'explicit'>[]>();
    return new Map(rows.map((r) => [r.segmentId, r.explicit]));
  }

  /** The segment's explicit requests for contacts in `(after, upTo]` (`null`: unbounded). */
  async explicitInRange(
    workspaceId: string,
    segmentId: string,
    after: string | null,
    upTo: string | null,
  ): Promise<Map<string, Explicit>> {
    const rows = await this.explicit
      .find(rangeFilter(workspaceId, segmentId, after, upTo), { contactId: 1, explicit: 1 })
      .lean<Pick<ExplicitDoc, 'contactId' | 'explicit'>[]>();
    return new Map(rows.map((r) => [r.contactId, r.explicit]));
  }

  /**
   * The segment's edges of contacts after `after` in `contactId` order, through one cursor read
   * in batches (FerretDB sorts once per cursor). Read by a full evaluation's EdgeStream.
   */
  streamEdges(
    workspaceId: string,
    segmentId: string,
    after: string | null,
    batch: number,
  ): EdgeCursor {
    return this.model.collection
      .find<MembershipDoc>(rangeFilter(workspaceId, segmentId, after, null) as never)
      .sort({ contactId: 1 })
      .batchSize(batch);
  }

  /** Members of a segment still marked so (segment deletion), a page at a time. */
  members(workspaceId: string, segmentId: string, limit: number): Promise<MembershipDoc[]> {
    return this.model
      .find({ workspaceId, segmentId, member: true })
      .limit(limit)
      .lean<MembershipDoc[]>();
  }

  async hasEdges(workspaceId: string, segmentId: string): Promise<boolean> {
    return (await this.model.findOne({ workspaceId, segmentId }, { _id: 1 }).lean()) !== null;
  }

  countMembers(workspaceId: string, segmentId: string): Promise<number> {
    return this.model.countDocuments({ workspaceId, segmentId, member: true });
  }

  byIds(workspaceId: string, ids: string[]): Promise<MembershipDoc[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.model.find({ workspaceId, _id: trusted({ $in: ids }) }).lean<MembershipDoc[]>();
  }

  /**
   * Moves an edge from the state it was read in (`null`: no edge yet) to `next`, staging
   * `event` in the same write; true when this writer did it. The write is a compare-and-set on
   * the edge's `rev` (DocumentWriter: the write kernel's strategy, gated on FerretDB only); it
   * never waits for the relay. The event is published before returning when it is the edge's
   * only staged one; behind events still staged it is left to the relay, which publishes a
   * document's events in order (JetStream drops a repeat of a deterministic id).
   */
  async write(
    workspaceId: string,
    segmentId: string,
    contactId: string,
    edge: MembershipDoc | null,
    next: EdgeState,
    event: EventEnvelope | null,
    at: Date,
  ): Promise<boolean> {
    const staged = event ? [stage(event)] : [];
    if (!edge) {
      const doc = newEdgeDoc(workspaceId, segmentId, contactId, next, at);
      const inserted = await insertIfAbsent(this.model, {
        ...doc,
        outbox: staged,
        outboxPending: staged.length > 0,
      });
      if (inserted && event) await this.release(doc._id, workspaceId, staged, [event]);
      return inserted;
    }
    const written = await this.writer.update(edge, {
      $set: {
        ...next,
        updatedAt: at,
        rev: (edge.rev ?? 0) + 1,
        ...(event ? { outboxPending: true } : {}),
      },
      ...(event ? { $push: { outbox: { $each: staged } } } : {}),
    });
    if (!written) return false;
    if (!event) return true;
    // Every staging write moves `rev`: an edge read without pending events has none but ours.
    if (edge.outboxPending) this.relay.kick();
    else await this.release(edge._id, workspaceId, staged, [event]);
    return true;
  }

  /**
   * New edges (first joins) in one unordered insert, without staged events: the caller keeps
   * their events in its evaluation record until they are published. Returns the ids inserted;
   * an id already taken means another writer got there first.
   */
  insertNew(docs: MembershipDoc[]): Promise<Set<string>> {
    return insertManyIfAbsent(this.model, docs);
  }

  /** Publishes staged events now and clears them from the edge (the relay otherwise would). */
  private async release(
    _id: string,
    workspaceId: string,
    staged: StagedEvent[],
    events: EventEnvelope[],
  ): Promise<void> {
    try {
      for (const e of events) await this.publisher.publish(e);
      await this.source.markPublished([
        { batch: { ref: { _id, workspaceId, staged }, events }, eventIds: events.map((e) => e.id) },
      ]);
    } catch {
      // Staged in the edge: the relay's sweep publishes it.
      this.relay.kick();
    }
  }
}

/** A segment's documents of contacts in `(after, upTo]` (`null`: unbounded). */
function rangeFilter(
  workspaceId: string,
  segmentId: string,
  after: string | null,
  upTo: string | null,
) {
  const range: Record<string, string> = {};
  if (after !== null) range.$gt = after;
  if (upTo !== null) range.$lte = upTo;
  return Object.keys(range).length > 0
    ? { workspaceId, segmentId, contactId: trusted(range) }
    : { workspaceId, segmentId };
}
