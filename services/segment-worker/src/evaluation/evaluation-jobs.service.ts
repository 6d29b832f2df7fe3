import { Injectable, Logger } from '@nestjs/common';
import {
  EvaluationQueue,
  evaluationId,
  refreshEvaluationId,
  type EvaluateSegmentJob,
  type EvaluationDoc,
  type SegmentDeletedJob,
  type SegmentDoc,
  type SweepJob,
} from '@switchboard/segment-store';
import { CROSS_TENANT } from '@switchboard/storage';
import { ContactEvaluator } from './contact-evaluator';
import { dependentsOf } from './dependency-order';
import { EvaluationsRepository } from './evaluations.repository';
import { decide, memberEvent, planEdge } from './membership-rule';
import { MembershipsRepository } from './memberships.repository';
import { ProfilesRepository } from './profiles.repository';
import { SegmentCatalog } from './segment-catalog';
import { SegmentScanner } from './segment-scanner';
import { stubProfile } from './contact-evaluator';

const DELETE_PAGE = 200;

/**
 * What each job of the `segment-evaluation` queue does (EvaluationWorker is the BullMQ edge).
 */
@Injectable()
export class EvaluationJobs {
  private readonly logger = new Logger('evaluation-jobs');

  constructor(
    private readonly catalog: SegmentCatalog,
    private readonly scanner: SegmentScanner,
    private readonly contacts: ContactEvaluator,
    private readonly evaluations: EvaluationsRepository,
    private readonly memberships: MembershipsRepository,
    private readonly profiles: ProfilesRepository,
    private readonly queue: EvaluationQueue,
  ) {}

  contact(workspaceId: string, contactId: string, now?: string) {
    return this.contacts.evaluate(workspaceId, contactId, now ? new Date(now) : new Date());
  }

  /**
   * A definition to evaluate over every profile. The first run of a definition version writes
   * `<segmentId>:v<n>` (what `status` reads) and resumes it after a restart; a later run of the
   * same version (a sweep, a dependency that changed) re-evaluates under `<segmentId>:refresh`.
   * When a newer version or a deletion lands meanwhile the run stops: that one's job takes over.
   * At the end, segments that read this one are evaluated again.
   */
  async segment(job: EvaluateSegmentJob): Promise<string> {
    const { workspaceId, segmentId, definitionVersion } = job;
    this.catalog.invalidate(workspaceId);
    await this.scanner.flushAbandoned(workspaceId, segmentId);
    const current = await this.catalog.get(workspaceId, segmentId);
    if (!current || current.deletedAt) return 'deleted';
    if (current.definitionVersion !== definitionVersion) return 'superseded';
    const initial = await this.evaluations.get(
      workspaceId,
      evaluationId(segmentId, definitionVersion),
    );
    let record: EvaluationDoc;
    if (!initial || !initial.finishedAt) {
      const now = initial?.now ?? job.now ?? new Date().toISOString();
      record =
        initial ??
        (await this.evaluations.open(
          this.fresh(current, evaluationId(segmentId, definitionVersion), 'initial', now),
        ));
    } else {
      const refreshId = refreshEvaluationId(segmentId);
      const prior = await this.evaluations.get(workspaceId, refreshId);
      const resumable =
        prior &&
        !prior.finishedAt &&
        prior.definitionVersion === definitionVersion &&
        (!job.now || prior.now === job.now);
      record = resumable
        ? prior
        : await this.evaluations.reset(
            this.fresh(current, refreshId, 'refresh', job.now ?? new Date().toISOString()),
          );
    }
    const now = new Date(record.now ?? job.now ?? Date.now());
    const compiled = this.catalog.compileOne(current, now);
    const stillCurrent = async () => {
      const s = await this.catalog.get(workspaceId, segmentId);
      return !!s && !s.deletedAt && s.definitionVersion === definitionVersion;
    };
    // `profile.segments` feeds the filters that read this segment: kept in step by a full run
    // only when there are some (a multi-profile write per batch is a scan on FerretDB). Contact
    // jobs always write it, so it catches up at the contact's next change otherwise.
    const dependents = dependentsOf(await this.catalog.live(workspaceId, now), segmentId);
    const end = await this.scanner.run(compiled, record, now, stillCurrent, dependents.length > 0);
    if (end === 'finished') {
      const live = await this.catalog.live(workspaceId, now);
      for (const dep of dependentsOf(live, segmentId)) {
        await this.queue.segmentChanged({
          workspaceId,
          segmentId: dep._id,
          definitionVersion: dep.definitionVersion,
          ...(job.now ? { now: job.now } : {}),
        });
      }
    }
    return end;
  }

  /** Re-evaluates the segments whose answer drifts with time, of one or every workspace. */
  async sweep(job: SweepJob): Promise<number> {
    const query = job.workspaceId
      ? this.catalog.model.find({ workspaceId: job.workspaceId, deletedAt: null })
      : this.catalog.model.find({ deletedAt: null }).setOptions({ [CROSS_TENANT]: true });
    const segments = await query
      .select({ workspaceId: 1, type: 1, dependsOn: 1, definitionVersion: 1 })
      .lean<
        Pick<SegmentDoc, '_id' | 'workspaceId' | 'type' | 'dependsOn' | 'definitionVersion'>[]
      >();
    const drifting = segments.filter((s) => s.type === 'dynamic' && s.dependsOn.relativeTime);
    for (const s of drifting) {
      await this.queue.segmentChanged({
        workspaceId: s.workspaceId,
        segmentId: s._id,
        definitionVersion: s.definitionVersion,
        ...(job.now ? { now: job.now } : {}),
      });
    }
    return drifting.length;
  }

  /** A deleted segment: every member leaves (`segment_deleted`), profiles forget it. */
  async deleted(job: SegmentDeletedJob): Promise<number> {
    const { workspaceId, segmentId } = job;
    this.catalog.invalidate(workspaceId);
    const segment = await this.catalog.get(workspaceId, segmentId);
    if (!segment) return 0;
    if (!segment.deletedAt) throw new Error(`segment ${segmentId} is not deleted`);
    // Joins a stopped run saved go out before the leaves below.
    await this.scanner.flushAbandoned(workspaceId, segmentId);
    let left = 0;
    let idle = 0;
    for (;;) {
      const page = await this.memberships.members(workspaceId, segmentId, DELETE_PAGE);
      if (page.length === 0) break;
      const profiles = new Map(
        (
          await this.profiles.byIds(
            workspaceId,
            page.map((e) => e.contactId),
          )
        ).map((p) => [p._id, p]),
      );
      const at = new Date();
      let moved = 0;
      for (const edge of page) {
        const who = profiles.get(edge.contactId) ?? stubProfile(edge.contactId);
        const verdict = {
          ...decide(null, false, false, edge.explicit),
          via: 'rule' as const,
          reason: 'segment_deleted',
        };
        const change = planEdge(edge, verdict, at);
        if (!change || change.kind !== 'left') continue;
        const event = memberEvent(segment, who, 'left', change.next, edge.via ?? 'rule', at);
        if (
          await this.memberships.write(
            workspaceId,
            segmentId,
            edge.contactId,
            edge,
            change.next,
            event,
            at,
          )
        ) {
          left += 1;
          moved += 1;
        }
      }
      const removes = [...profiles.values()]
        .filter((p) => (p.segments ?? []).includes(segmentId))
        .map((p) => ({ id: p._id, rev: p.rev }));
      await this.profiles.addRemoveBulk(workspaceId, segmentId, [], removes);
      // Edges another writer held: read again (the loop ends when no member is left).
      if (moved > 0) idle = 0;
      else if (++idle > 50) throw new Error(`segment ${segmentId}: members still contended`);
      else await new Promise((r) => setTimeout(r, 50));
    }
    this.logger.log({ workspaceId, segmentId, left }, 'segment deleted: members left');
    return left;
  }

  private fresh(
    segment: SegmentDoc,
    id: string,
    kind: 'initial' | 'refresh',
    now: string,
  ): EvaluationDoc {
    const at = new Date();
    return {
      _id: id,
      workspaceId: segment.workspaceId,
      segmentId: segment._id,
      definitionVersion: segment.definitionVersion,
      startedAt: at,
      cursor: null,
      scanned: 0,
      joined: 0,
      left: 0,
      memberCount: null,
      finishedAt: null,
      updatedAt: at,
      pendingEvents: null,
      kind,
      now,
    };
  }
}
