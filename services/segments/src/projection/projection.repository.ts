import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AppError } from '@switchboard/errors';
import { MongoDatabase } from '@switchboard/runtime';
import { CROSS_TENANT } from '@switchboard/storage';
import {
  ProfileOfAnotherWorkspace,
  ProfileWriter,
  type ProfileChange,
  type ProfileDoc,
  type ProfileUpdate,
} from '@switchboard/segment-store';

/** The `profiles` collection as the projection writes it (compare-and-set on `rev`). */
@Injectable()
export class ProjectionRepository implements OnModuleInit {
  private readonly writer: ProfileWriter;

  constructor(db: MongoDatabase) {
    this.writer = new ProfileWriter(db.connection);
  }

  async onModuleInit(): Promise<void> {
    await this.writer.model.init();
  }

  /** No profile of any workspace (a new deployment, or a lost database). */
  async isEmpty(): Promise<boolean> {
    const one = await this.writer.model
      .findOne({}, { _id: 1 })
      .setOptions({ [CROSS_TENANT]: true })
      .lean();
    return one === null;
  }

  find(workspaceId: string, contactId: string): Promise<ProfileDoc | null> {
    return this.writer.read(workspaceId, contactId);
  }

  /** A compare-and-set write; an id of another workspace's contact is refused (poison event). */
  async update(
    workspaceId: string,
    contactId: string,
    change: (current: ProfileDoc, exists: boolean) => ProfileChange | null,
  ): Promise<ProfileUpdate> {
    try {
      return await this.writer.update(workspaceId, contactId, change);
    } catch (err) {
      if (err instanceof ProfileOfAnotherWorkspace) throw AppError.validation(err.message);
      throw err;
    }
  }
}
