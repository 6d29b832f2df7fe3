import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Model } from 'mongoose';
import { MongoDatabase } from '@switchboard/runtime';
import { CROSS_TENANT, isDuplicateKeyError } from '@switchboard/storage';
import { membershipModel, type MembershipDoc } from './membership.schema';

@Injectable()
export class MembershipsRepository implements OnModuleInit {
  readonly model: Model<MembershipDoc>;

  constructor(db: MongoDatabase) {
    this.model = membershipModel(db.connection);
  }

  async onModuleInit(): Promise<void> {
    await this.model.init();
  }

  /** Idempotent on (workspaceId, userId): a retried sign-up does not fail on its own first write. */
  async insertOnce(doc: MembershipDoc): Promise<void> {
    try {
      await this.model.create([doc]);
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
  }

  find(workspaceId: string, userId: string): Promise<MembershipDoc | null> {
    return this.model.findOne({ workspaceId, userId }).lean<MembershipDoc>();
  }

  /**
   * The user's oldest membership, in any workspace: login without a workspace picks it. A user
   * has few memberships, so sorting them in memory is cheap (FerretDB does not push sorts).
   */
  async firstOf(userId: string): Promise<MembershipDoc | null> {
    const all = await this.model
      .find({ userId })
      .setOptions({ [CROSS_TENANT]: true })
      .limit(1000)
      .lean<MembershipDoc[]>();
    all.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a._id.localeCompare(b._id));
    return all[0] ?? null;
  }
}
