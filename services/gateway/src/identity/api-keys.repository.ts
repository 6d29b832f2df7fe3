import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Model } from 'mongoose';
import { MongoDatabase } from '@switchboard/runtime';
import { CROSS_TENANT } from '@switchboard/storage';
import { apiKeyModel, type ApiKeyDoc } from './api-key.schema';

@Injectable()
export class ApiKeysRepository implements OnModuleInit {
  readonly model: Model<ApiKeyDoc>;

  constructor(db: MongoDatabase) {
    this.model = apiKeyModel(db.connection);
  }

  async onModuleInit(): Promise<void> {
    await this.model.init();
  }

  async insert(doc: ApiKeyDoc): Promise<void> {
    await this.model.create([doc]);
  }

  findByPrefix(prefix: string): Promise<ApiKeyDoc | null> {
    return this.model
      .findOne({ prefix })
      .setOptions({ [CROSS_TENANT]: true })
      .lean<ApiKeyDoc>();
  }

  /** A workspace has few keys; listing them all (bounded) keeps the route simple. */
  list(workspaceId: string): Promise<ApiKeyDoc[]> {
    return this.model
      .find({ workspaceId }, { secretHash: 0 })
      .limit(1000)
      .lean<ApiKeyDoc[]>()
      .then((keys) => keys.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()));
  }

  /** Sets revokedAt once; null when there is no such key in the workspace. */
  async revoke(workspaceId: string, id: string, now: Date): Promise<ApiKeyDoc | null> {
    await this.model.updateOne({ workspaceId, _id: id, revokedAt: null }, { revokedAt: now });
    return this.model.findOne({ workspaceId, _id: id }).lean<ApiKeyDoc>();
  }

  findById(workspaceId: string, id: string): Promise<ApiKeyDoc | null> {
    return this.model.findOne({ workspaceId, _id: id }).lean<ApiKeyDoc>();
  }

  /** Revokes every live key acting for `userId` (a member leaving); the keys it revoked. */
  async revokeOwnedBy(workspaceId: string, userId: string, now: Date): Promise<ApiKeyDoc[]> {
    const owned = await this.model
      .find({ workspaceId, revokedAt: null, $or: [{ ownerUserId: userId }, { createdBy: userId }] })
      .limit(1000)
      .lean<ApiKeyDoc[]>();
    for (const key of owned)
      await this.model.updateOne(
        { workspaceId, _id: key._id, revokedAt: null },
        { revokedAt: now },
      );
    return owned;
  }

  /**
   * Offboarding with `apiKeys: "transfer"`: the member's live keys act for `to` from now on
   * (`ownerUserId`); returns how many.
   */
  async transferOwnedBy(workspaceId: string, userId: string, to: string): Promise<ApiKeyDoc[]> {
    const owned = await this.model
      .find({ workspaceId, revokedAt: null, $or: [{ ownerUserId: userId }, { createdBy: userId }] })
      .limit(1000)
      .lean<ApiKeyDoc[]>();
    // A key made by another member's key keeps that member (its ownerUserId is set).
    const mine = owned.filter((k) => (k.ownerUserId ?? k.createdBy) === userId);
    for (const key of mine)
      await this.model.updateOne(
        { workspaceId, _id: key._id, revokedAt: null },
        { $set: { ownerUserId: to } },
      );
    return mine;
  }

  async touch(workspaceId: string, id: string, now: Date): Promise<void> {
    await this.model.updateOne({ workspaceId, _id: id }, { lastUsedAt: now });
  }
}
