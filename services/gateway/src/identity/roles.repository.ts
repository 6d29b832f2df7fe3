import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Model } from 'mongoose';
import { MongoDatabase } from '@switchboard/runtime';
import { insertIfAbsent } from '@switchboard/storage';
import { roleModel, type RoleDoc } from './role.schema';

@Injectable()
export class RolesRepository implements OnModuleInit {
  readonly model: Model<RoleDoc>;

  constructor(db: MongoDatabase) {
    this.model = roleModel(db.connection);
  }

  async onModuleInit(): Promise<void> {
    await this.model.init();
  }

  /** False when the workspace already has a role of that name. */
  async insert(doc: RoleDoc): Promise<boolean> {
    return insertIfAbsent(this.model, doc);
  }

  find(workspaceId: string, name: string): Promise<RoleDoc | null> {
    return this.model.findOne({ workspaceId, name }).lean<RoleDoc>();
  }

  list(workspaceId: string): Promise<RoleDoc[]> {
    return this.model
      .find({ workspaceId })
      .limit(1000)
      .lean<RoleDoc[]>()
      .then((roles) => roles.sort((a, b) => a.name.localeCompare(b.name)));
  }

  /** Replaces the grant of an existing row; false when there is none. */
  async update(
    workspaceId: string,
    name: string,
    grant: Pick<RoleDoc, 'capabilities' | 'scope' | 'readScope'>,
  ): Promise<boolean> {
    const res = await this.model.updateOne(
      { workspaceId, name },
      { $set: { ...grant, updatedAt: new Date() } },
    );
    return res.matchedCount === 1;
  }

  async remove(workspaceId: string, name: string): Promise<boolean> {
    const res = await this.model.deleteOne({ workspaceId, name });
    return res.deletedCount === 1;
  }
}
