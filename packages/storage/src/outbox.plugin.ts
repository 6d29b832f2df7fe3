import { Schema, type Model } from 'mongoose';
import { EVENT_MAX_BYTES, type EventEnvelope } from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import type { OutboxBatch, OutboxSource, PublishedBatch } from '@switchboard/messaging';
import { trusted } from './connection';
import { DocumentWriter } from './document-write';
import { CROSS_TENANT } from './tenant-guard.plugin';

/**
 * One staged event. Stored as its JSON text so that any payload is storable on MongoDB and
 * FerretDB alike (no dotted or `$` keys, no nesting limits) and relayed byte for byte.
 */
export interface StagedEvent {
  id: string;
  type: string;
  json: string;
}

export interface OutboxFields {
  outbox?: StagedEvent[];
  outboxPending?: boolean;
  /** Moved by every write of the document (versioned-store.ts); internal. */
  rev?: number;
}

/**
 * The outbox lives inside the aggregate document: the write that changes the aggregate also
 * stages its events, in one single-document atomic operation. No transaction is needed, and
 * no event can exist without its change or the other way round.
 */
export function outboxPlugin(schema: Schema): void {
  schema.add({
    outbox: {
      type: [new Schema<StagedEvent>({ id: String, type: String, json: String }, { _id: false })],
      default: undefined,
    },
    outboxPending: { type: Boolean, default: false },
    // The revision every write of the document moves (versioned-store.ts); the relay writes at it.
    rev: { type: Number },
  });
  // The relay's only query: an equality filter, which FerretDB pushes down to SQL.
  schema.index({ outboxPending: 1 });
}

/**
 * An event as the write stages it. An event larger than EVENT_MAX_BYTES could never be published
 * (NATS refuses messages over its payload limit), so the write that would stage it is refused
 * with `payload_too_large` before anything is stored: every writer stages through here, while
 * building its update.
 */
export const stage = (event: EventEnvelope): StagedEvent => {
  const json = JSON.stringify(event);
  // Cheap first: a JSON text of n UTF-16 units is at most 3n bytes of UTF-8.
  const bytes = json.length * 3 <= EVENT_MAX_BYTES ? 0 : Buffer.byteLength(json, 'utf8');
  if (bytes > EVENT_MAX_BYTES) {
    throw new AppError(
      'payload_too_large',
      `this change would publish a ${event.type} event of ${bytes} bytes; events are at most ` +
        `${EVENT_MAX_BYTES} bytes: store less in this record`,
      { event: event.type, bytes, limit: EVENT_MAX_BYTES },
    );
  }
  return { id: event.id, type: event.type, json };
};

/** For updates: `{ $push: { outbox: { $each } }, $set: { outboxPending: true } }` parts. */
export const stageUpdate = (events: EventEnvelope[]) => ({
  push: { outbox: { $each: events.map(stage) } },
  set: { outboxPending: true },
});

/** Documents marked at once by the relay. */
const MARK_CONCURRENCY = 8;

interface OutboxRef {
  _id: string;
  workspaceId: string;
  staged: StagedEvent[];
}

interface OutboxDoc {
  _id: string;
  workspaceId: string;
  rev?: number;
  outbox?: StagedEvent[];
}

/** Attempts to take published events off one document before leaving it to the next sweep. */
const MARK_ATTEMPTS = 10;

/**
 * Reads staged events of one model for the relay, and removes exactly the published ones, by
 * the connection's write strategy (write-strategy.ts): the relay is one more writer of the
 * document, and on FerretDB it takes the document's gate like any other.
 */
export class MongoOutboxSource implements OutboxSource {
  readonly name: string;
  private readonly writer: DocumentWriter;

  // Any aggregate model that uses outboxPlugin; its own document type does not matter here.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  constructor(private readonly model: Model<any>) {
    this.name = model.collection.collectionName;
    this.writer = new DocumentWriter(model, model.db);
  }

  async pending(limit: number): Promise<OutboxBatch[]> {
    const docs = await this.model
      .find({ outboxPending: true }, { outbox: 1, workspaceId: 1 })
      .setOptions({ [CROSS_TENANT]: true })
      .limit(limit)
      .lean<OutboxDoc[]>();
    // A document whose flag outlived its events (crash between the two updates below) comes
    // back with no events; marking it published clears the flag.
    return docs.map((d) => ({
      ref: { _id: d._id, workspaceId: d.workspaceId, staged: d.outbox ?? [] } satisfies OutboxRef,
      events: (d.outbox ?? []).map((s) => JSON.parse(s.json) as EventEnvelope),
    }));
  }

  async markPublished(published: PublishedBatch[]): Promise<void> {
    // A few documents at a time: one update each (a bulkWrite of them beside concurrent inserts
    // wedges FerretDB 1.24 on SQLite and PostgreSQL alike, see docs/architecture.md).
    const queue = [...published];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await this.markOne(next);
    };
    await Promise.all(Array.from({ length: MARK_CONCURRENCY }, worker));
  }

  private async markOne({ batch, eventIds }: PublishedBatch): Promise<void> {
    const { _id, workspaceId, staged } = batch.ref as OutboxRef;
    // The exact elements as read: `$pull` with a condition is a silent no-op on FerretDB 1.x,
    // and events staged meanwhile (or by a writer racing this relay) stay.
    const done = staged.filter((s) => eventIds.includes(s.id));
    if (this.writer.strategy === 'mongodb') {
      // Atomic on MongoDB: no writer's push can be lost, whatever was written meanwhile.
      if (done.length > 0) {
        await this.model.updateOne({ _id, workspaceId }, { $pullAll: { outbox: done } });
      }
      await this.model.updateOne(
        { _id, workspaceId, outbox: trusted({ $size: 0 }) },
        { $set: { outboxPending: false } },
      );
      return;
    }
    // FerretDB rewrites the document it read: write at the current revision, behind its gate,
    // so no writer's update lands between this update's read and write. Writers never wait for
    // this; a writer holding the gate makes the relay try again.
    for (let attempt = 0; attempt < MARK_ATTEMPTS; attempt++) {
      const cur = await this.model
        .findOne({ _id, workspaceId }, { rev: 1, outbox: 1 })
        .lean<OutboxDoc>();
      if (!cur) return;
      const ids = new Set(done.map((s) => s.id));
      const left = (cur.outbox ?? []).filter((s) => !ids.has(s.id));
      const update =
        left.length === 0
          ? { $set: { outbox: [], outboxPending: false } }
          : { $pullAll: { outbox: (cur.outbox ?? []).filter((s) => ids.has(s.id)) } };
      if (await this.writer.update({ _id, workspaceId, rev: cur.rev }, update)) return;
    }
    // Still contended: the events stay and go out again on the next pass (JetStream drops the
    // repeated Nats-Msg-Id).
  }
}
