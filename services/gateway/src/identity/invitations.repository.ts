import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Model } from 'mongoose';
import { MongoDatabase } from '@switchboard/runtime';
import { invitationModel, type InvitationDoc } from './invitation.schema';

@Injectable()
export class InvitationsRepository implements OnModuleInit {
  readonly model: Model<InvitationDoc>;

  constructor(db: MongoDatabase) {
    this.model = invitationModel(db.connection);
  }

  async onModuleInit(): Promise<void> {
    await this.model.init();
  }

  async insert(doc: InvitationDoc): Promise<void> {
    await this.model.create([doc]);
  }

  findByHash(workspaceId: string, tokenHash: string): Promise<InvitationDoc | null> {
    return this.model.findOne({ workspaceId, tokenHash }).lean<InvitationDoc>();
  }

  /** Claims the invitation once: false when another acceptance got there first. */
  async markAccepted(workspaceId: string, id: string, now: Date): Promise<boolean> {
    const res = await this.model.updateOne(
      { workspaceId, _id: id, acceptedAt: null },
      { acceptedAt: now },
    );
    return res.modifiedCount === 1;
  }
}
