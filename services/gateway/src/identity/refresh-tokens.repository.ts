import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Model } from 'mongoose';
import { MongoDatabase } from '@switchboard/runtime';
import { CROSS_TENANT, trusted } from '@switchboard/storage';
import { refreshTokenModel, type RefreshTokenDoc } from './refresh-token.schema';

@Injectable()
export class RefreshTokensRepository implements OnModuleInit {
  readonly model: Model<RefreshTokenDoc>;

  constructor(db: MongoDatabase) {
    this.model = refreshTokenModel(db.connection);
  }

  async onModuleInit(): Promise<void> {
    await this.model.init();
  }

  async insert(doc: RefreshTokenDoc): Promise<void> {
    await this.model.create([doc]);
  }

  findByHash(workspaceId: string, tokenHash: string): Promise<RefreshTokenDoc | null> {
    return this.model.findOne({ workspaceId, tokenHash }).lean<RefreshTokenDoc>();
  }

  /** Spends the token once: false when it was already spent (a reuse) or revoked. */
  async spend(workspaceId: string, id: string, now: Date): Promise<boolean> {
    const res = await this.model.updateOne(
      { workspaceId, _id: id, usedAt: null, revokedAt: null },
      { usedAt: now },
    );
    return res.modifiedCount === 1;
  }

  /** Whether the family has been revoked (every token of it is, at once). */
  async familyRevoked(workspaceId: string, familyId: string): Promise<boolean> {
    const any = await this.model
      .findOne({ workspaceId, familyId }, { revokedAt: 1 })
      .lean<Pick<RefreshTokenDoc, 'revokedAt'>>();
    return !any || any.revokedAt !== null;
  }

  /**
   * Deletes, in every workspace, tokens past their expiry (unusable, and reuse of a spent one no
   * longer matters) and tokens revoked before `revokedBefore`. Range filters: a sweep, not a
   * hot path. Returns how many went.
   */
  async purge(now: Date, revokedBefore: Date): Promise<number> {
    const cross = { [CROSS_TENANT]: true };
    const expired = await this.model
      .deleteMany({ expiresAt: trusted({ $lt: now }) })
      .setOptions(cross);
    const revoked = await this.model
      .deleteMany({ revokedAt: trusted({ $ne: null, $lt: revokedBefore }) })
      .setOptions(cross);
    return expired.deletedCount + revoked.deletedCount;
  }

  /**
   * Ends every session of a member in the workspace (offboarding): revokes their live tokens and
   * returns the families, whose access tokens are then refused by marker.
   */
  async revokeAllOf(workspaceId: string, userId: string, now: Date): Promise<string[]> {
    const live = await this.model
      .find({ workspaceId, userId, revokedAt: null }, { familyId: 1 })
      .limit(10_000)
      .lean<{ familyId: string }[]>();
    await this.model.updateMany({ workspaceId, userId, revokedAt: null }, { revokedAt: now });
    return [...new Set(live.map((t) => t.familyId))];
  }

  async revokeFamily(workspaceId: string, familyId: string, now: Date): Promise<void> {
    await this.model.updateMany({ workspaceId, familyId, revokedAt: null }, { revokedAt: now });
  }
}
