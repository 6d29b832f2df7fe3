import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Model } from 'mongoose';
import type { EventEnvelope } from '@switchboard/contracts';
import { EventWiring, MongoDatabase, type OutboxKick } from '@switchboard/runtime';
import { CROSS_TENANT, insertIfAbsent, stage, stageUpdate } from '@switchboard/storage';
import {
  batchId,
  importBatchModel,
  importModel,
  type ImportBatchDoc,
  type ImportDoc,
} from './import.schema';

const NO_OUTBOX = { outbox: 0, outboxPending: 0 } as const;

/** Imports and their per-batch reports; both stage events, relayed by one relay. */
@Injectable()
export class ImportsRepository implements OnModuleInit {
  readonly imports: Model<ImportDoc>;
  readonly batches: Model<ImportBatchDoc>;
  private relay!: OutboxKick;

  constructor(
    db: MongoDatabase,
    private readonly wiring: EventWiring,
  ) {
    this.imports = importModel(db.connection);
    this.batches = importBatchModel(db.connection);
  }

  async onModuleInit(): Promise<void> {
    await Promise.all([this.imports.init(), this.batches.init()]);
    // A batch report stages up to a batch of contact.created events: read a few at a time.
    this.relay = this.wiring.startOutboxRelay([this.batches, this.imports], { batchSize: 4 });
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
  async insertBatch(doc: ImportBatchDoc, events: EventEnvelope[]): Promise<boolean> {
    const inserted = await insertIfAbsent(this.batches, {
      ...doc,
      outbox: events.map(stage),
      outboxPending: events.length > 0,
    });
    if (inserted) this.relay.kick();
    return inserted;
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
