import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Model } from 'mongoose';
import type { RequestContext } from '@switchboard/contracts';
import { MongoDatabase } from '@switchboard/runtime';
import { CROSS_TENANT, insertIfAbsent, trusted } from '@switchboard/storage';
import { readScopeFilter } from '../contacts/contact-filter';
import type { ContactDoc } from '../contacts/contact.schema';
import { ContactsRepository } from '../contacts/contacts.repository';
import {
  tagDefinitionId,
  tagDefinitionModel,
  tagOperationModel,
  type TagDefinitionDoc,
  type TagOperationDoc,
} from './tag.schema';

/** Tag definitions, tag operations, and the contacts carrying a tag (equality on `tags`). */
@Injectable()
export class TagsRepository implements OnModuleInit {
  readonly definitions: Model<TagDefinitionDoc>;
  readonly operations: Model<TagOperationDoc>;

  constructor(
    db: MongoDatabase,
    private readonly contacts: ContactsRepository,
  ) {
    this.definitions = tagDefinitionModel(db.connection);
    this.operations = tagOperationModel(db.connection);
  }

  async onModuleInit(): Promise<void> {
    await Promise.all([this.definitions.init(), this.operations.init()]);
  }

  findDefinition(workspaceId: string, name: string): Promise<TagDefinitionDoc | null> {
    return this.definitions
      .findOne({ workspaceId, _id: tagDefinitionId(workspaceId, name) })
      .lean<TagDefinitionDoc>();
  }

  /** The workspace's definitions (a library holds tens or hundreds, never a scan of contacts). */
  allDefinitions(workspaceId: string): Promise<TagDefinitionDoc[]> {
    return this.definitions.find({ workspaceId }).lean<TagDefinitionDoc[]>();
  }

  /** False when the name is defined already. */
  insertDefinition(doc: TagDefinitionDoc): Promise<boolean> {
    return insertIfAbsent(this.definitions, doc);
  }

  async setColor(workspaceId: string, name: string, color: string | null): Promise<void> {
    await this.definitions.updateOne(
      { workspaceId, _id: tagDefinitionId(workspaceId, name) },
      { $set: { color, updatedAt: new Date() } },
    );
  }

  async deleteDefinition(workspaceId: string, name: string): Promise<void> {
    await this.definitions.deleteOne({ workspaceId, _id: tagDefinitionId(workspaceId, name) });
  }

  /** Active contacts carrying the tag that the caller may read. */
  countCarrying(ctx: RequestContext, name: string): Promise<number> {
    return this.contacts.model.countDocuments({
      workspaceId: ctx.workspaceId,
      status: 'active',
      tags: name,
      ...readScopeFilter(ctx),
    });
  }

  /** Whether any contact of the workspace (any status) carries the tag. */
  async anyCarrying(workspaceId: string, name: string): Promise<boolean> {
    return (await this.contacts.model.exists({ workspaceId, tags: name })) !== null;
  }

  /** A page of the ids of contacts (any status) carrying the tag, after `afterId` by id. */
  async carrying(
    workspaceId: string,
    name: string,
    afterId: string | null,
    limit: number,
  ): Promise<string[]> {
    const rows = await this.contacts.model
      .find(
        { workspaceId, tags: name, ...(afterId ? { _id: trusted({ $gt: afterId }) } : {}) },
        { _id: 1 },
      )
      .sort({ _id: 1 })
      .limit(limit)
      .lean<Pick<ContactDoc, '_id'>[]>();
    return rows.map((r) => r._id);
  }

  async insertOperation(doc: TagOperationDoc): Promise<void> {
    await this.operations.create(doc);
  }

  findOperation(workspaceId: string, id: string): Promise<TagOperationDoc | null> {
    return this.operations.findOne({ workspaceId, _id: id }).lean<TagOperationDoc>();
  }

  async updateOperation(
    workspaceId: string,
    id: string,
    set: Partial<Pick<TagOperationDoc, 'status' | 'changed' | 'failed' | 'error' | 'completedAt'>>,
  ): Promise<void> {
    await this.operations.updateOne({ workspaceId, _id: id }, { $set: set });
  }

  /** Operations not finished (to re-queue at boot), across workspaces. */
  async unfinished(): Promise<{ _id: string; workspaceId: string }[]> {
    const found = await Promise.all(
      (['queued', 'running'] as const).map((status) =>
        this.operations
          .find({ status }, { _id: 1, workspaceId: 1 })
          .setOptions({ [CROSS_TENANT]: true })
          .lean<{ _id: string; workspaceId: string }[]>(),
      ),
    );
    return found.flat();
  }
}
