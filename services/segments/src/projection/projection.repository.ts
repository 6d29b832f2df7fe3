import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Model } from 'mongoose';
import { MongoDatabase } from '@switchboard/runtime';
import { isDuplicateKeyError, trusted } from '@switchboard/storage';
import { contactProjectionModel, type ContactProjectionDoc } from './contact-projection.schema';

@Injectable()
export class ProjectionRepository implements OnModuleInit {
  readonly model: Model<ContactProjectionDoc>;

  constructor(db: MongoDatabase) {
    this.model = contactProjectionModel(db.connection);
  }

  async onModuleInit(): Promise<void> {
    await this.model.init();
  }

  /**
   * Writes the projection only if it is newer than the stored one: the filter matches an older
   * version or nothing; when a newer one exists the upsert collides on `_id`, which means
   * "already newer" and is not an error.
   */
  async upsertIfNewer(doc: ContactProjectionDoc): Promise<boolean> {
    const { _id, workspaceId, ...fields } = doc;
    try {
      const result = await this.model.updateOne(
        { _id, workspaceId, version: trusted({ $lt: doc.version }) },
        { $set: fields },
        { upsert: true },
      );
      return result.modifiedCount + result.upsertedCount > 0;
    } catch (err) {
      if (isDuplicateKeyError(err)) return false;
      throw err;
    }
  }

  find(workspaceId: string, contactId: string): Promise<ContactProjectionDoc | null> {
    return this.model.findOne({ workspaceId, _id: contactId }).lean<ContactProjectionDoc>();
  }
}
