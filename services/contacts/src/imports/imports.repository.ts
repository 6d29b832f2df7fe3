import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Model } from 'mongoose';
import type { EventEnvelope } from '@switchboard/contracts';
import { EventWiring, MongoDatabase, type OutboxKick } from '@switchboard/runtime';
import {
  CROSS_TENANT,
  isDuplicateKeyError,
  MongoOutboxSource,
  stageUpdate,
} from '@switchboard/storage';
import { ImportEventsSource } from './import-events.source';
import {
  batchId,
  importBatchModel,
  importEventsModel,
  importModel,
  type ImportBatchDoc,
  type ImportDoc,
  type ImportEventsDoc,
} from './import.schema';

const NO_OUTBOX = { outbox: 0, outboxPending: 0 } as const;

/** True once inserted, false if a document with its `_id` is there already. */
async function absentOk(insert: Promise<unknown>): Promise<boolean> {
  try {
    await insert;
    return true;
  } catch (err) {
    if (isDuplicateKeyError(err)) return false;
    throw err;
  }
}

/** Imports and their per-batch reports; both stage events, relayed by one relay. */
@Injectable()
export class ImportsRepository implements OnModuleInit {
  readonly imports: Model<ImportDoc>;
  readonly batches: Model<ImportBatchDoc>;
  readonly events: Model<ImportEventsDoc>;
  private relay!: OutboxKick;

  constructor(
    db: MongoDatabase,
    private readonly wiring: EventWiring,
  ) {
    this.imports = importModel(db.connection);
    this.batches = importBatchModel(db.connection);
    this.events = importEventsModel(db.connection);
  }

  async onModuleInit(): Promise<void> {
    await Promise.all([this.imports.init(), this.batches.init(), this.events.init()]);
    // A document of import_events holds a batch of contact.created events: a few per round.
    this.relay = this.wiring.startRelay(
      [new ImportEventsSource(this.events), new MongoOutboxSource(this.imports)],
      { batchSize: 4 },
    );
  }

  async insert(doc: ImportDoc): Promise<void> {
    await this.imports.create([doc]);
  }

  async remove(workspaceId: string, id: string): Promise<void> {
    await this.imports.deleteOne({ workspaceId, _id: id });
  }

  find(workspaceId: string, id: string): Promise<ImportDoc | null> {
    return this.imports.findOne({ workspaceId, _id: id }, NO_OUTBOX).lean<ImportDoc>();
  }

  /** Sets fields of an import that is not over yet; false if it is. */
  async update(workspaceId: string, id: string, fields: Partial<ImportDoc>): Promise<boolean> {
    for (const status of ['running', 'queued'] as const) {
      const res = await this.imports.updateOne(
        { workspaceId, _id: id, status },
        { $set: { ...fields, updatedAt: new Date() } },
      );
      if (res.matchedCount > 0) return true;
    }
    return false;
  }

  /**
   * Moves the checkpoint from `from` to the batch just reported, with the counts there. False
   * if the checkpoint is no longer `from` (another worker took the import over).
   */
  async advance(
    workspaceId: string,
    id: string,
    from: number,
    fields: Pick<ImportDoc, 'checkpoint' | 'batches' | 'bytesRead' | 'processed'> &
      Partial<ImportDoc>,
  ): Promise<boolean> {
    const res = await this.imports.updateOne(
      { workspaceId, _id: id, status: 'running', checkpoint: from },
      { $set: { ...fields, updatedAt: new Date() } },
    );
    return res.matchedCount > 0;
  }

  /** The end of an import (`completed` or `failed`) with its `import.completed` event. */
  async finish(
    workspaceId: string,
    id: string,
    fields: Partial<ImportDoc>,
    event: EventEnvelope,
  ): Promise<boolean> {
    const staged = stageUpdate([event]);
    for (const status of ['running', 'queued'] as const) {
      const res = await this.imports.updateOne(
        { workspaceId, _id: id, status },
        { $set: { ...fields, updatedAt: new Date(), ...staged.set }, $push: staged.push },
      );
      if (res.matchedCount > 0) {
        this.relay.kick();
        return true;
      }
    }
    return false;
  }

  /** Stores a batch report with its events; false if this batch was reported before. */
  /**
   * Stores a batch's events, then its report; false if the batch was reported before. A batch
   * replayed after a crash (between events and report, or between report and checkpoint) may
   * stage its events again: under the same ids (see importEventId), which JetStream drops as
   * duplicates. (Checking for the report first would cost a scan of import_rows per batch on
   * FerretDB, decision 48.)
   */
  async insertBatch(doc: ImportBatchDoc, events: EventEnvelope[]): Promise<boolean> {
    // The driver's inserts: these documents are built here, whole; mongoose would cast every
    // row for nothing.
    if (events.length > 0) {
      const staged = {
        _id: doc._id,
        workspaceId: doc.workspaceId,
        events: JSON.stringify(events),
        createdAt: doc.createdAt,
      };
      await absentOk(this.events.collection.insertOne(staged as never));
    }
    const inserted = await absentOk(
      this.batches.collection.insertOne(doc as never, { ignoreUndefined: true }),
    );
    this.relay.kick();
    return inserted;
  }

  /**
   * The reports of the given batches, in that order, one lookup by `_id` each (missing ones are
   * skipped). Not one `$in`: FerretDB 1.24 would send back every report of the workspace for
   * it, where an equality on `_id` is filtered in the database and returns one (decision 48).
   */
  async *reports(
    workspaceId: string,
    importId: string,
    batches: number[],
  ): AsyncGenerator<ImportBatchDoc> {
    for (const batch of batches) {
      const report = await this.findBatch(workspaceId, importId, batch);
      if (report) yield report;
    }
  }

  findBatch(workspaceId: string, importId: string, batch: number): Promise<ImportBatchDoc | null> {
    return this.batches
      .findOne({ workspaceId, _id: batchId(importId, batch) }, NO_OUTBOX)
      .lean<ImportBatchDoc>();
  }

  /** Numbers of the batches holding failed rows, ascending. */
  async batchesWithFailures(workspaceId: string, importId: string): Promise<number[]> {
    const docs = await this.batches
      .find({ workspaceId, importId, hasFailures: true }, { batch: 1 })
      .lean<{ batch: number }[]>();
    return docs.map((d) => d.batch).sort((a, b) => a - b);
  }

  /** Imports not over yet, across workspaces (the boot sweep re-queues their jobs). */
  async unfinished(): Promise<{ _id: string; workspaceId: string }[]> {
    const found = await Promise.all(
      (['queued', 'running'] as const).map((status) =>
        this.imports
          .find({ status }, { _id: 1, workspaceId: 1 })
          .setOptions({ [CROSS_TENANT]: true })
          .lean<{ _id: string; workspaceId: string }[]>(),
      ),
    );
    return found.flat();
  }
}
