import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Model } from 'mongoose';
import { MongoDatabase } from '@switchboard/runtime';
import { isDuplicateKeyError } from '@switchboard/storage';
import { workspaceModel, type WorkspaceDoc } from './workspace.schema';

@Injectable()
export class WorkspacesRepository implements OnModuleInit {
  readonly model: Model<WorkspaceDoc>;

  constructor(db: MongoDatabase) {
    this.model = workspaceModel(db.connection);
  }

  async onModuleInit(): Promise<void> {
    await this.model.init();
  }

  /** Inserts under a pre-chosen id; a retry finds the first attempt's workspace and returns it. */
  async insertOnce(doc: WorkspaceDoc): Promise<WorkspaceDoc> {
    try {
      await this.model.create([doc]);
      return doc;
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      const existing = await this.findById(doc._id);
      if (!existing) throw err;
      return existing;
    }
  }

  findById(id: string): Promise<WorkspaceDoc | null> {
    return this.model.findOne({ _id: id }).lean<WorkspaceDoc>();
  }
}
