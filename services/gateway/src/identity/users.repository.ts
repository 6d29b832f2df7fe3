import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Model } from 'mongoose';
import { MongoDatabase } from '@switchboard/runtime';
import { insertIfAbsent, trusted } from '@switchboard/storage';
import { userModel, type UserDoc } from './user.schema';

@Injectable()
export class UsersRepository implements OnModuleInit {
  readonly model: Model<UserDoc>;

  constructor(db: MongoDatabase) {
    this.model = userModel(db.connection);
  }

  async onModuleInit(): Promise<void> {
    await this.model.init();
  }

  /** False when the email is taken: the unique index is what claims an email, not a prior read. */
  async insert(doc: UserDoc): Promise<boolean> {
    return insertIfAbsent(this.model, doc);
  }

  async clearSignupMarker(id: string): Promise<void> {
    await this.model.updateOne({ _id: id }, { $unset: { signupWorkspaceId: 1 } });
  }

  findById(id: string): Promise<UserDoc | null> {
    return this.model.findOne({ _id: id }).lean<UserDoc>();
  }

  /** Bounded by the caller (one page of members). */
  findByIds(ids: string[]): Promise<UserDoc[]> {
    return this.model.find({ _id: trusted({ $in: ids }) }).lean<UserDoc[]>();
  }

  findByEmail(email: string): Promise<UserDoc | null> {
    return this.model.findOne({ email }).lean<UserDoc>();
  }
}
