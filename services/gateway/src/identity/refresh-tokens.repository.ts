import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Model } from 'mongoose';
import { MongoDatabase } from '@switchboard/runtime';
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

  async revokeFamily(workspaceId: string, familyId: string, now: Date): Promise<void> {
    await this.model.updateMany({ workspaceId, familyId, revokedAt: null }, { revokedAt: now });
  }
}
