import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Model } from 'mongoose';
import type { Page } from '@switchboard/contracts';
import { MongoDatabase } from '@switchboard/runtime';
import { paginate } from '@switchboard/storage';
import { pipelineModel, type PipelineDoc } from './pipeline.schema';

/** Pipelines storage. Pipelines publish no events, so they carry no outbox. */
@Injectable()
export class PipelinesRepository implements OnModuleInit {
  readonly model: Model<PipelineDoc>;

  constructor(db: MongoDatabase) {
    this.model = pipelineModel(db.connection);
  }

  async onModuleInit(): Promise<void> {
    await this.model.init();
  }

  async insert(doc: PipelineDoc): Promise<void> {
    await this.model.create([doc]);
  }

  findById(workspaceId: string, id: string): Promise<PipelineDoc | null> {
    return this.model.findOne({ workspaceId, _id: id }).lean<PipelineDoc>();
  }

  page(workspaceId: string, limit: number, cursor?: string): Promise<Page<PipelineDoc>> {
    return paginate(
      this.model,
      { workspaceId },
      { sortField: 'createdAt', direction: 1, limit, cursor },
    );
  }

  /** Writes the new state if nobody changed the pipeline since `expectedVersion` was read. */
  async replace(doc: PipelineDoc, expectedVersion: number): Promise<boolean> {
    const { _id, workspaceId, ...fields } = doc;
    const res = await this.model.updateOne(
      { _id, workspaceId, version: expectedVersion },
      { $set: { ...fields, version: expectedVersion + 1 } },
    );
    return res.matchedCount === 1;
  }
}
