import { Injectable } from '@nestjs/common';
import type { StoredMsg } from 'nats';
import type {
  DeadLetter,
  DeadLetterReplayOutcome,
  ListDeadLettersQuery,
  Page,
  ReplayDeadLettersResult,
  RequestContext,
} from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { replayId, type DeadLetterReplayDoc } from './dead-letter-replay.schema';
import { DeadLetterReplaysRepository } from './dead-letter-replays.repository';
import { DeadLetterStreamRepository, dlqHeader } from './dead-letter-stream.repository';
import { originalSubjectOf, toDeadLetter, workspaceOf } from './dead-letter.mapper';

/** Dead letters read per page at most: a page stops there even if it holds fewer than `limit`. */
export const SCAN_MAX = 500;

const encodeCursor = (seq: number) => Buffer.from(JSON.stringify({ s: seq })).toString('base64url');
function decodeCursor(cursor: string): number {
  try {
    const { s } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { s?: unknown };
    if (typeof s === 'number' && Number.isSafeInteger(s) && s > 0) return s;
  } catch {
    // falls through to the validation error
  }
  throw AppError.validation('invalid cursor', [{ path: 'cursor', message: 'not a cursor' }]);
}

type ReplayItem = ReplayDeadLettersResult['items'][number];
const replayOf = (d: DeadLetterReplayDoc) => ({
  replayedAt: d.replayedAt.toISOString(),
  replayedBy: { type: d.replayedBy.type, id: d.replayedBy.id },
});

/**
 * A workspace's dead letters (decision 0148): listed from the `DEAD_LETTERS` stream by subject
 * (only those whose original subject names the workspace), replayed to the subject they came
 * from, at most once each.
 */
@Injectable()
export class DeadLettersService {
  constructor(
    private readonly stream: DeadLetterStreamRepository,
    private readonly replays: DeadLetterReplaysRepository,
  ) {}

  async list(ctx: RequestContext, q: ListDeadLettersQuery): Promise<Page<DeadLetter>> {
    const ws = ctx.workspaceId;
    const filter = this.stream.filterFor(ws, q.consumer);
    const since = q.since ? Date.parse(q.since) : null;
    const until = q.until ? Date.parse(q.until) : null;
    let seq = q.cursor ? decodeCursor(q.cursor) : 1;
    let more = true;
    const found: { msg: StoredMsg; stripped: string }[] = [];
    for (let scanned = 0; found.length < q.limit && scanned < SCAN_MAX; scanned++) {
      const msg = await this.stream.next(filter, seq);
      if (!msg) {
        more = false;
        break;
      }
      seq = msg.seq + 1;
      const at = msg.time.getTime();
      if (until !== null && at >= until) {
        more = false; // the stream is in time order: nothing later qualifies
        break;
      }
      const stripped = this.stream.strip(msg.subject);
      if (workspaceOf(stripped) !== ws) continue;
      if (since !== null && at < since) continue;
      if (q.reason && dlqHeader(msg, 'reason') !== q.reason) continue;
      found.push({ msg, stripped });
    }
    const replays = await this.replays.bySeq(
      ws,
      found.map((f) => f.msg.seq),
    );
    return {
      items: found.map((f) => toDeadLetter(f.msg, f.stripped, replays.get(f.msg.seq))),
      nextCursor: more ? encodeCursor(seq) : null,
    };
  }

  /** Replays each dead letter named (in the order given); the outcome of each. */
  async replay(ctx: RequestContext, ids: string[]): Promise<ReplayDeadLettersResult> {
    const seqs = [...new Set(ids.map(Number))];
    const done = await this.replays.bySeq(ctx.workspaceId, seqs);
    const items: ReplayItem[] = [];
    for (const seq of seqs) {
      const before = done.get(seq);
      items.push(
        before
          ? { id: String(seq), outcome: 'already_replayed', replay: replayOf(before) }
          : await this.replayOne(ctx, seq),
      );
    }
    return { items };
  }

  private async replayOne(ctx: RequestContext, seq: number): Promise<ReplayItem> {
    const id = String(seq);
    const outcome = (o: DeadLetterReplayOutcome): ReplayItem => ({ id, outcome: o, replay: null });
    const msg = await this.stream.get(seq);
    const stripped = msg ? this.stream.strip(msg.subject) : '';
    // Another workspace's dead letter is not there, as far as this caller can tell.
    if (!msg || workspaceOf(stripped) !== ctx.workspaceId) return outcome('not_found');
    const subject = originalSubjectOf(msg, stripped);
    // An outbox dead letter kept no data; and a replay never leaves the caller's workspace.
    if (dlqHeader(msg, 'reason') === 'unpublishable' || subject.split('.')[1] !== ctx.workspaceId)
      return outcome('not_replayable');
    const publishedSeq = await this.stream.republish(subject, msg.data, seq);
    const doc: DeadLetterReplayDoc = {
      _id: replayId(ctx.workspaceId, seq),
      workspaceId: ctx.workspaceId,
      deadLetterSeq: seq,
      consumer: dlqHeader(msg, 'consumer') ?? stripped.split('.')[1] ?? '',
      subject,
      publishedSeq,
      replayedBy: { type: ctx.actor.type, id: ctx.actor.id },
      replayedAt: new Date(),
    };
    if (await this.replays.record(doc)) return { id, outcome: 'replayed', replay: replayOf(doc) };
    // A concurrent replay recorded first (its publish and ours share a message id).
    const first = (await this.replays.bySeq(ctx.workspaceId, [seq])).get(seq);
    return { id, outcome: 'already_replayed', replay: first ? replayOf(first) : null };
  }
}
