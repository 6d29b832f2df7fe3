import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Model } from 'mongoose';
import { MongoDatabase } from '@switchboard/runtime';
import { CROSS_TENANT, insertManyIfAbsent, trusted } from '@switchboard/storage';
import { parkedMessageModel, type ParkedMessageDoc } from './parked-message.schema';

@Injectable()
export class ParkedMessagesRepository implements OnModuleInit {
  readonly model: Model<ParkedMessageDoc>;

  constructor(db: MongoDatabase) {
    this.model = parkedMessageModel(db.connection);
  }

  async onModuleInit(): Promise<void> {
    await this.model.init();
  }

  park(docs: ParkedMessageDoc[]): Promise<Set<string>> {
    return insertManyIfAbsent(this.model, docs);
  }

  byKeys(workspaceId: string, keys: string[]): Promise<ParkedMessageDoc[]> {
    if (keys.length === 0) return Promise.resolve([]);
    return this.model
      .find({ workspaceId, lookupKey: trusted({ $in: [...new Set(keys)] }) })
      .lean<ParkedMessageDoc[]>();
  }

  async remove(workspaceId: string, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.model.deleteMany({ workspaceId, _id: trusted({ $in: ids }) });
  }

  /** Drops what waited longer than the retention (across workspaces: a system sweep). */
  async expire(before: Date): Promise<number> {
    const res = await this.model
      .deleteMany({ parkedAt: trusted({ $lt: before }) })
      .setOptions({ [CROSS_TENANT]: true });
    return res.deletedCount;
  }
}
