import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { QueryFilter, Model } from 'mongoose';
import type { CustomFieldEntity, CustomFieldStatus } from '@switchboard/contracts';
import { MongoDatabase } from '@switchboard/runtime';
import { insertIfAbsent } from '@switchboard/storage';
import { customFieldModel, type CustomFieldDoc } from './custom-field.schema';

/** Custom-field definitions. Configuration publishes no events, so it carries no outbox. */
@Injectable()
export class CustomFieldsRepository implements OnModuleInit {
  readonly model: Model<CustomFieldDoc>;

  constructor(db: MongoDatabase) {
    this.model = customFieldModel(db.connection);
  }

  async onModuleInit(): Promise<void> {
    await this.model.init();
  }

  /** False when the workspace already has the slug for that entity (retired or not). */
  insert(doc: CustomFieldDoc): Promise<boolean> {
    return insertIfAbsent(this.model, doc);
  }

  findById(workspaceId: string, id: string): Promise<CustomFieldDoc | null> {
    return this.model.findOne({ workspaceId, _id: id }).lean<CustomFieldDoc>();
  }

  /** Every definition of the entity (a workspace has tens, not thousands), oldest first. */
  list(
    workspaceId: string,
    entity?: CustomFieldEntity,
    status?: CustomFieldStatus,
  ): Promise<CustomFieldDoc[]> {
    const filter: QueryFilter<CustomFieldDoc> = { workspaceId };
    if (entity) filter.entity = entity;
    if (status) filter.status = status;
    return this.model.find(filter).sort({ createdAt: 1, _id: 1 }).lean<CustomFieldDoc[]>();
  }

  /** Writes the new state if nobody changed the definition since `expectedVersion` was read. */
  async replace(doc: CustomFieldDoc, expectedVersion: number): Promise<boolean> {
    const { _id, workspaceId, ...fields } = doc;
    const res = await this.model.updateOne(
      { _id, workspaceId, version: expectedVersion },
      { $set: { ...fields, version: expectedVersion + 1 } },
    );
    return res.matchedCount === 1;
  }
}
