import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MongoDatabase } from '@switchboard/runtime';
import {
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

  find(workspaceId: string, contactId: string): Promise<ProfileDoc | null> {
    return this.writer.read(workspaceId, contactId);
  }

  update(
    workspaceId: string,
    contactId: string,
    change: (current: ProfileDoc, exists: boolean) => ProfileChange | null,
  ): Promise<ProfileUpdate> {
    return this.writer.update(workspaceId, contactId, change);
  }
}
