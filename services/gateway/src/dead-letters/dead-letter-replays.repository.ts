import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Model } from 'mongoose';
import { MongoDatabase } from '@switchboard/runtime';
import { insertIfAbsent, trusted } from '@switchboard/storage';
import {
  deadLetterReplayModel,
  replayId,
  type DeadLetterReplayDoc,
} from './dead-letter-replay.schema';

/** Replays done, per workspace and dead letter. */
@Injectable()
export class DeadLetterReplaysRepository implements OnModuleInit {
  readonly model: Model<DeadLetterReplayDoc>;

  constructor(db: MongoDatabase) {
    this.model = deadLetterReplayModel(db.connection);
  }

  async onModuleInit(): Promise<void> {
    await this.model.init();
  }

  /** The replays of these dead letters, by sequence. */
  async bySeq(workspaceId: string, seqs: number[]): Promise<Map<number, DeadLetterReplayDoc>> {
    if (seqs.length === 0) return new Map();
    const docs = await this.model
      .find({ workspaceId, _id: trusted({ $in: seqs.map((s) => replayId(workspaceId, s)) }) })
      .lean<DeadLetterReplayDoc[]>();
    return new Map(docs.map((d) => [d.deadLetterSeq, d]));
  }

  /** False when another replay of the same dead letter was recorded first. */
  record(doc: DeadLetterReplayDoc): Promise<boolean> {
    return insertIfAbsent(this.model, doc);
  }
}
