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
}
