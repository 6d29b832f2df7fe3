import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Model } from 'mongoose';
import type { Page } from '@switchboard/contracts';
import { MongoDatabase } from '@switchboard/runtime';
import { insertIfAbsent, paginate } from '@switchboard/storage';
import { teamModel, type TeamDoc } from './team.schema';

/** A member is in few teams; bounding the read bounds the `team` scope's context. */
const TEAMS_OF_MEMBER_MAX = 50;

@Injectable()
export class TeamsRepository implements OnModuleInit {
  readonly model: Model<TeamDoc>;

  constructor(db: MongoDatabase) {
    this.model = teamModel(db.connection);
  }

  async onModuleInit(): Promise<void> {
    await this.model.init();
  }

  /** False when the workspace already has a team of that name. */
  insert(doc: TeamDoc): Promise<boolean> {
    return insertIfAbsent(this.model, doc);
  }

  find(workspaceId: string, id: string): Promise<TeamDoc | null> {
    return this.model.findOne({ workspaceId, _id: id }).lean<TeamDoc>();
  }

  list(workspaceId: string, limit: number, cursor?: string): Promise<Page<TeamDoc>> {
    return paginate(
      this.model,
      { workspaceId },
      { sortField: 'createdAt', direction: 1, limit, cursor },
    );
  }

  /** The teams `userId` is in (an equality on the array field). */
  ofMember(workspaceId: string, userId: string): Promise<TeamDoc[]> {
    return this.model
      .find({ workspaceId, memberIds: userId })
      .limit(TEAMS_OF_MEMBER_MAX)
      .lean<TeamDoc[]>();
  }

  /** Null when there is no such team; a duplicate name throws a duplicate-key error. */
  async update(
    workspaceId: string,
    id: string,
    set: Partial<Pick<TeamDoc, 'name' | 'memberIds'>>,
  ): Promise<TeamDoc | null> {
    await this.model.updateOne(
      { workspaceId, _id: id },
      { $set: { ...set, updatedAt: new Date() } },
    );
    return this.find(workspaceId, id);
  }

  async remove(workspaceId: string, id: string): Promise<boolean> {
    const res = await this.model.deleteOne({ workspaceId, _id: id });
    return res.deletedCount === 1;
  }
}
