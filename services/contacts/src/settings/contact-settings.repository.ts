import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Model } from 'mongoose';
import { MongoDatabase } from '@switchboard/runtime';
import { insertIfAbsent } from '@switchboard/storage';
import { contactSettingsModel, type ContactSettingsDoc } from './contact-settings.schema';

/** Per-workspace contact configuration: one document per workspace, versioned. */
@Injectable()
export class ContactSettingsRepository implements OnModuleInit {
  readonly model: Model<ContactSettingsDoc>;

  constructor(db: MongoDatabase) {
    this.model = contactSettingsModel(db.connection);
  }

  async onModuleInit(): Promise<void> {
    await this.model.init();
  }

  find(workspaceId: string): Promise<ContactSettingsDoc | null> {
    return this.model.findOne({ workspaceId, _id: workspaceId }).lean<ContactSettingsDoc>();
  }

  /**
   * Writes the new state if the stored one is still at `expectedVersion` (0 = not stored yet:
   * the first write inserts, and a concurrent first write loses on the `_id`).
   */
  async write(doc: ContactSettingsDoc, expectedVersion: number): Promise<boolean> {
    if (expectedVersion === 0) return insertIfAbsent(this.model, { ...doc, version: 1 });
    const { _id, workspaceId, ...fields } = doc;
    const res = await this.model.updateOne(
      { _id, workspaceId, version: expectedVersion },
      { $set: { ...fields, version: expectedVersion + 1 } },
    );
    return res.matchedCount === 1;
  }
}
