import type { Model } from 'mongoose';
import type { EventEnvelope } from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { DocumentWriter } from './document-write';
import { stage } from './outbox.plugin';

/** Attempts before a contended document answers `conflict`. */
const ATTEMPTS = 10;

/**
 * A `$set` on one document of an outbox model, with `events` staged in the same write, made at
 * the revision read and moving it: the outbox relay, which clears published events at the
 * revision it read (on FerretDB by rewriting the document), can never erase an event staged
 * here, nor this write's fields. For documents written outside the write kernel (the gateway's
 * memberships, API keys, offboardings). False when no document matches `condition`.
 */
export async function updateStaged(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any model with outboxPlugin
  model: Model<any>,
  writer: DocumentWriter,
  key: { _id: string; workspaceId: string },
  condition: Record<string, unknown>,
  set: Record<string, unknown>,
  events: EventEnvelope[] = [],
): Promise<boolean> {
  const staged = events.map(stage);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const cur = await model.findOne({ ...condition, ...key }, { rev: 1 }).lean<{ rev?: number }>();
    if (!cur) return false;
    const update = {
      $set: {
        ...set,
        rev: (cur.rev ?? 0) + 1,
        ...(staged.length > 0 ? { outboxPending: true } : {}),
      },
      ...(staged.length > 0 ? { $push: { outbox: { $each: staged } } } : {}),
    };
    if (await writer.update({ ...key, rev: cur.rev }, update)) return true;
  }
  throw new AppError('conflict', 'the record is being written by others; try again');
}
