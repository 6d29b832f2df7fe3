import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Model } from 'mongoose';
import { MongoDatabase } from '@switchboard/runtime';
import type { Page } from '@switchboard/contracts';
import { CROSS_TENANT, insertIfAbsent, isDuplicateKeyError, paginate } from '@switchboard/storage';
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

  async insert(doc: MembershipDoc): Promise<boolean> {
    return insertIfAbsent(this.model, doc);
  }

  list(workspaceId: string, limit: number, cursor?: string): Promise<Page<MembershipDoc>> {
    return paginate(
      this.model,
      { workspaceId },
      { sortField: 'createdAt', direction: 1, limit, cursor },
    );
  }

  async setRole(workspaceId: string, userId: string, role: string): Promise<boolean> {
    const res = await this.model.updateOne({ workspaceId, userId }, { role });
    return res.matchedCount === 1;
  }

  async remove(workspaceId: string, userId: string): Promise<boolean> {
    const res = await this.model.deleteOne({ workspaceId, userId });
    return res.deletedCount === 1;
  }

  countWithRole(workspaceId: string, role: string): Promise<number> {
    return this.model.countDocuments({ workspaceId, role, deactivatedAt: null });
  }

  /** A current membership: a deactivated member is no member (access, sign-in, owner checks). */
  find(workspaceId: string, userId: string): Promise<MembershipDoc | null> {
    return this.model.findOne({ workspaceId, userId, deactivatedAt: null }).lean<MembershipDoc>();
  }

  /** A membership, current or deactivated (the member list shows both). */
  findAny(workspaceId: string, userId: string): Promise<MembershipDoc | null> {
    return this.model.findOne({ workspaceId, userId }).lean<MembershipDoc>();
  }

  /** Offboarding without removal: the row stays, listed as deactivated (decision 0135). */
  async deactivate(workspaceId: string, userId: string, at: Date): Promise<boolean> {
    const res = await this.model.updateOne(
      { workspaceId, userId, deactivatedAt: null },
      { $set: { deactivatedAt: at } },
    );
    return res.modifiedCount === 1;
  }

  /** Undoes `deactivate` (the last owner check lost a race). */
  async reactivate(workspaceId: string, userId: string): Promise<void> {
    await this.model.updateOne({ workspaceId, userId }, { $set: { deactivatedAt: null } });
  }

  /**
   * The user's oldest membership, in any workspace: login without a workspace picks it. A user
   * has few memberships, so sorting them in memory is cheap (FerretDB does not push sorts).
   */
  async firstOf(userId: string): Promise<MembershipDoc | null> {
    const all = await this.model
      .find({ userId, deactivatedAt: null })
      .setOptions({ [CROSS_TENANT]: true })
      .limit(1000)
      .lean<MembershipDoc[]>();
    all.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a._id.localeCompare(b._id));
    return all[0] ?? null;
  }

  /** Records a sign-in to the workspace (one equality-scoped update). */
  async signedIn(workspaceId: string, userId: string, at: Date): Promise<void> {
    await this.model.updateOne({ workspaceId, userId }, { $set: { lastSignInAt: at } });
  }
}
