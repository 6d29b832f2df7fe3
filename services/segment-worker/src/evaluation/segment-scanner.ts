import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EventEnvelope } from '@switchboard/contracts';
import { EventPublisher } from '@switchboard/messaging';
import { CONFIG } from '@switchboard/runtime';
import type { MongoFilter } from '@switchboard/segment-dsl';
import {
  membershipId,
  type EvaluationDoc,
  type MembershipDoc,
  type ProfileDoc,
} from '@switchboard/segment-store';
import type { SegmentWorkerConfig } from '../config';
import { ContactEvaluator, stubProfile } from './contact-evaluator';
import { EdgeStream } from './edge-stream';
import { EvaluationsRepository } from './evaluations.repository';
import { decide, memberEvent, newEdgeDoc, planEdge, type EdgeChange } from './membership-rule';
import { MembershipsRepository } from './memberships.repository';
import { ProfilesRepository, type RevRef } from './profiles.repository';
import type { CompiledSegment } from './segment-catalog';

/** Matches no profile: a static segment has no rule, only explicit members. */
const NOTHING: MongoFilter = { _id: { $exists: false } };
/** Writes and publishes in flight at once within a batch. */
const PARALLEL = 16;

export type ScanEnd = 'finished' | 'superseded';

interface Counts {
  scanned: number;
  joined: number;
  left: number;
}

/** One run's settings and running counts. */
interface Scan {
  segment: CompiledSegment;
  record: EvaluationDoc;
  now: Date;
  /** Profiles come through the compiled prefilter (so the batch may not hold its whole range). */
  prefiltered: boolean;
  /** Whether `profile.segments` is kept in step here (segments other segments read). */
  syncProfiles: boolean;
  counts: Counts;
  /** The segment's edges, handed out batch by batch beside the profile cursor. */
  edges: EdgeStream;
}

/**
 * Full evaluation of one segment: the workspace's profiles in `_id` order through one cursor
 * (narrowed by the compiled MongoDB prefilter; the predicate stays the truth), in batches of
 * FULL_BATCH_SIZE. Each batch covers the contact ids `(previous cursor, last id]`: the segment's
 * edges in that range come from a second cursor over the edges in contact id order (EdgeStream),
 * its explicit requests in that range are read per batch, so a member the prefilter no longer
 * selects is seen and leaves. Per batch: new edges go in with one unordered insert (their events
 * first saved in the evaluation record, published right after, so a crash in between loses
 * none), changed edges by CAS one by one, `profile.segments` in bulk, then the cursor moves. A
 * restarted run continues after the saved cursor.
 */
@Injectable()
export class SegmentScanner {
  private readonly logger = new Logger('segment-scanner');

  constructor(
    @Inject(CONFIG) private readonly config: SegmentWorkerConfig,
    private readonly evaluations: EvaluationsRepository,
    private readonly memberships: MembershipsRepository,
    private readonly profiles: ProfilesRepository,
    private readonly contacts: ContactEvaluator,
    private readonly publisher: EventPublisher,
  ) {}

  /**
   * Runs (or resumes) the evaluation recorded as `record`. `stillCurrent` is asked after every
   * batch; when it answers false (a newer definition, a deletion) the run stops.
   */
  async run(
    segment: CompiledSegment,
    record: EvaluationDoc,
    now: Date,
    stillCurrent: () => Promise<boolean>,
    syncProfiles: boolean,
  ): Promise<ScanEnd> {
    const { workspaceId, _id: segmentId } = segment;
    if (record.pendingEvents) await this.flushPending(record);
    // The prefilter pays when few contacts fall outside it yet have a say (their profiles are
    // read one by one): a static segment (explicit members only), or a segment without edges.
    const prefilter = !segment.compiled
      ? NOTHING
      : segment.compiled.mongo && !(await this.memberships.hasEdges(workspaceId, segmentId))
        ? segment.compiled.mongo
        : undefined;
    let after = record.cursor;
    const size = this.config.FULL_BATCH_SIZE;
    const scan: Scan = {
      segment,
      record,
      now,
      prefiltered: prefilter !== undefined,
      syncProfiles,
      counts: { scanned: record.scanned, joined: record.joined, left: record.left },
      edges: new EdgeStream(
        (from) => this.memberships.streamEdges(workspaceId, segmentId, from, size),
        after,
      ),
    };
    const cursor = this.profiles.stream(workspaceId, after, prefilter, size);
    let batch: ProfileDoc[] = [];
    try {
      for await (const p of cursor) {
        batch.push(p);
        if (batch.length < size) continue;
        const upTo = batch[batch.length - 1]._id;
        await this.batch(scan, batch, after, upTo);
        after = upTo;
        batch = [];
        if (!(await stillCurrent())) return 'superseded';
      }
      // The last batch takes the rest of the edges (those after the last profile too).
      await this.batch(scan, batch, after, null);
    } finally {
      await Promise.all([cursor.close(), scan.edges.close()]);
    }
    const memberCount = await this.memberships.countMembers(workspaceId, segmentId);
    await this.evaluations.update(workspaceId, record._id, { finishedAt: new Date(), memberCount });
    this.logger.log(
      { segmentId, record: record._id, ...scan.counts, memberCount, prefilter: scan.prefiltered },
      'evaluation finished',
    );
    return 'finished';
  }

  private async batch(
    scan: Scan,
    profiles: ProfileDoc[],
    after: string | null,
    upTo: string | null,
  ): Promise<void> {
    const { segment, record, now, counts } = scan;
    const { workspaceId, _id: segmentId } = segment;
    const seen = new Map(profiles.map((p) => [p._id, p]));
    const edges = new Map((await scan.edges.upTo(upTo)).map((e) => [e.contactId, e]));
    // Read after the edges (the stream read them earlier), per batch: a request recorded once the run started is seen here, or
    // its own contact job moves the edge after this read (this batch's CAS then fails and the
    // contact is decided again). Read once per run, a request recorded meanwhile was undone.
    const explicit = await this.memberships.explicitInRange(workspaceId, segmentId, after, upTo);
    // Contacts the prefilter did not select but that have a say: edges and explicit requests.
    const extra = new Set<string>();
    for (const [id, e] of edges)
      if (!seen.has(id) && (e.member || e.explicit || e.ruleMatch)) extra.add(id);
    for (const id of explicit.keys()) if (!seen.has(id)) extra.add(id);
    // Read one by one (an `$in` makes FerretDB read the whole workspace): without a prefilter
    // these are only contacts created after the cursor opened, or edges without a profile.
    await parallel([...extra], async (id) => {
      const p = await this.profiles.get(workspaceId, id);
      if (p) seen.set(p._id, p);
    });

    const at = new Date();
    const fresh: { doc: MembershipDoc; event: EventEnvelope; profile: ProfileDoc }[] = [];
    const moves: { edge: MembershipDoc; change: EdgeChange; event: EventEnvelope | null }[] = [];
    const adds: RevRef[] = [];
    const removes: RevRef[] = [];
    const sync = (p: ProfileDoc | undefined, member: boolean) => {
      if (!p || !scan.syncProfiles) return;
      const has = (p.segments ?? []).includes(segmentId);
      if (member && !has) adds.push({ id: p._id, rev: p.rev });
      if (!member && has) removes.push({ id: p._id, rev: p.rev });
    };
    for (const id of new Set([...seen.keys(), ...extra])) {
      const profile = seen.get(id) ?? null;
      const edge = edges.get(id) ?? null;
      const ruleMatch = !!(segment.compiled && profile && segment.compiled.predicate(profile));
      const verdict = decide(
        profile,
        segment.type === 'dynamic',
        ruleMatch,
        explicit.get(id) ?? null,
      );
      const change = planEdge(edge, verdict, at);
      if (!change) {
        sync(profile ?? undefined, edge?.member ?? false);
        continue;
      }
      const who = profile ?? stubProfile(id);
      const event =
        change.kind === 'quiet'
          ? null
          : memberEvent(segment, who, change.kind, change.next, verdict.via, at);
      if (!edge) {
        fresh.push({
          doc: newEdgeDoc(workspaceId, segmentId, id, change.next, at),
          event: event!,
          profile: profile!,
        });
      } else {
        moves.push({ edge, change, event });
      }
    }

    const retry: string[] = [];
    if (fresh.length > 0) {
      await this.evaluations.update(workspaceId, record._id, {
        pendingEvents: JSON.stringify(fresh.map((f) => f.event)),
      });
      const inserted = await this.memberships.insertNew(fresh.map((f) => f.doc));
      const out = fresh.filter((f) => inserted.has(f.doc._id));
      await parallel(out, (f) => this.publisher.publish(f.event));
      for (const f of fresh) {
        if (inserted.has(f.doc._id)) {
          counts.joined += 1;
          sync(f.profile, true);
        } else retry.push(f.doc.contactId);
      }
    }
    await parallel(moves, async (m) => {
      const ok = await this.memberships.write(
        workspaceId,
        segmentId,
        m.edge.contactId,
        m.edge,
        m.change.next,
        m.event,
        at,
      );
      if (!ok) return void retry.push(m.edge.contactId);
      if (m.change.kind === 'joined') counts.joined += 1;
      if (m.change.kind === 'left') counts.left += 1;
      sync(seen.get(m.edge.contactId), m.change.next.member);
    });
    // Another writer moved these meanwhile: decide them again on fresh reads, as a contact job.
    await parallel(retry, (id) => this.contacts.evaluate(workspaceId, id, now));
    const leftover = await this.profiles.addRemoveBulk(workspaceId, segmentId, adds, removes);
    await parallel(leftover, (r) => this.syncOne(workspaceId, segmentId, r.id, adds.includes(r)));
    counts.scanned += profiles.length;
    await this.evaluations.update(workspaceId, record._id, {
      ...(upTo !== null ? { cursor: upTo } : {}),
      ...counts,
      pendingEvents: null,
    });
  }

  /** `segmentId` in or out of one profile's `segments`, retried until its CAS holds. */
  private async syncOne(workspaceId: string, segmentId: string, id: string, member: boolean) {
    for (let i = 0; i < 20; i++) {
      const p = await this.profiles.get(workspaceId, id);
      if (!p) return;
      const has = (p.segments ?? []).includes(segmentId);
      if (has === member) return;
      const next = member ? [...p.segments, segmentId] : p.segments.filter((s) => s !== segmentId);
      if (await this.profiles.setSegments(workspaceId, id, p.rev, next)) return;
      await new Promise((r) => setTimeout(r, 10 * (i + 1)));
    }
    throw new Error(`profile ${id}: segments still contended`);
  }

  /**
   * A run that died between saving a batch's events and clearing them: publishes those whose
   * transition was written (JetStream drops the ones already out: deterministic ids); the
   * others never happened and the batch, run again, decides them anew. Called when the run
   * resumes, and for every record of the segment when a job starts, since a record whose
   * definition was superseded (or whose segment was deleted, or a refresh record reset) is never
   * resumed and would otherwise keep its joins unannounced.
   */
  async flushPending(record: EvaluationDoc): Promise<void> {
    const saved = record.pendingEvents;
    if (!saved) return;
    const events = JSON.parse(saved) as EventEnvelope<{ contactId: string }>[];
    const edges = await this.memberships.byIds(
      record.workspaceId,
      events.map((e) => membershipId(record.segmentId, e.data.contactId)),
    );
    const transitions = new Map(edges.map((e) => [e.contactId, e.transitions]));
    const due = events.filter(
      (e) => (transitions.get(e.data.contactId) ?? 0) >= e.aggregate.version,
    );
    await parallel(due, (e) => this.publisher.publish(e));
    await this.evaluations.clearPending(record.workspaceId, record._id, saved);
    this.logger.log(
      { record: record._id, published: due.length, of: events.length },
      'pending events of a stopped run',
    );
  }

  /** Flushes the saved events of every record of a segment (see `flushPending`). */
  async flushAbandoned(workspaceId: string, segmentId: string): Promise<void> {
    for (const record of await this.evaluations.withPendingEvents(workspaceId, segmentId))
      await this.flushPending(record);
  }
}

/** Runs `fn` over `items`, PARALLEL at a time. */
async function parallel<T>(items: readonly T[], fn: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, items.length) }, worker));
}
