import { Schema, type Connection, type Model } from 'mongoose';
import type { Actor } from '@switchboard/contracts';
import { tenantGuard } from '@switchboard/storage';

/**
 * The record of a dead letter's replay: at most one per dead letter (`_id` =
 * `<workspaceId>:<sequence>`), which makes replaying idempotent.
 */
export interface DeadLetterReplayDoc {
  _id: string;
  workspaceId: string;
  deadLetterSeq: number;
  consumer: string;
  subject: string;
  /** Where the republished message landed in its stream. */
  publishedSeq: number;
  replayedBy: Actor;
  replayedAt: Date;
}

const ActorSchema = new Schema<Actor>({ type: { type: String }, id: String }, { _id: false });

const DeadLetterReplaySchema = new Schema<DeadLetterReplayDoc>(
  {
    _id: { type: String, required: true },
    workspaceId: { type: String, required: true, immutable: true },
    deadLetterSeq: { type: Number, required: true },
    consumer: { type: String, required: true },
    subject: { type: String, required: true },
    publishedSeq: { type: Number, required: true },
    replayedBy: { type: ActorSchema, required: true },
    replayedAt: { type: Date, required: true },
  },
  { collection: 'dead_letter_replays', versionKey: false },
);
DeadLetterReplaySchema.plugin(tenantGuard);
DeadLetterReplaySchema.index({ workspaceId: 1, deadLetterSeq: 1 });

export const deadLetterReplayModel = (connection: Connection): Model<DeadLetterReplayDoc> =>
  connection.model<DeadLetterReplayDoc>('DeadLetterReplay', DeadLetterReplaySchema);

export const replayId = (workspaceId: string, seq: number) => `${workspaceId}:${seq}`;
