import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Model } from 'mongoose';
import { evaluationModel, type EvaluationDoc } from '@switchboard/segment-store';
import { MongoDatabase } from '@switchboard/runtime';
import { insertIfAbsent, trusted } from '@switchboard/storage';

/** Progress records of full evaluations (one writer at a time: the job holding its id). */
@Injectable()
export class EvaluationsRepository implements OnModuleInit {
  readonly model: Model<EvaluationDoc>;

  constructor(db: MongoDatabase) {
    this.model = evaluationModel(db.connection);
  }

  async onModuleInit(): Promise<void> {
    await this.model.init();
  }

  get(workspaceId: string, id: string): Promise<EvaluationDoc | null> {
    return this.model.findOne({ workspaceId, _id: id }).lean<EvaluationDoc>();
  }

  /** The record to run under: the existing one, or a fresh one inserted now. */
  async open(doc: EvaluationDoc): Promise<EvaluationDoc> {
    if (await insertIfAbsent(this.model, doc)) return doc;
    const found = await this.get(doc.workspaceId, doc._id);
    if (!found) throw new Error(`evaluation ${doc._id} vanished`);
    return found;
  }

  /** Starts a record over (refresh runs). */
  async reset(doc: EvaluationDoc): Promise<EvaluationDoc> {
    await this.model.replaceOne({ workspaceId: doc.workspaceId, _id: doc._id }, doc, {
      upsert: true,
    });
    return doc;
  }

  /** Records of a segment holding saved events (a run stopped between saving and publishing). */
  withPendingEvents(workspaceId: string, segmentId: string): Promise<EvaluationDoc[]> {
    return this.model
      .find({ workspaceId, segmentId, pendingEvents: trusted({ $ne: null }) })
      .lean<EvaluationDoc[]>();
  }

  /** Clears saved events, unless a run saved others since they were read. */
  async clearPending(workspaceId: string, id: string, read: string): Promise<void> {
    await this.model.updateOne(
      { workspaceId, _id: id, pendingEvents: read },
      { $set: { pendingEvents: null, updatedAt: new Date() } },
    );
  }

  async update(workspaceId: string, id: string, set: Partial<EvaluationDoc>): Promise<void> {
    await this.model.updateOne(
      { workspaceId, _id: id },
      { $set: { ...set, updatedAt: new Date() } },
    );
  }
}
