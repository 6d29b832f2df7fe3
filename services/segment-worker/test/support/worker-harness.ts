import IORedis from 'ioredis';
import type { Connection } from 'mongoose';
import { type NatsConnection } from 'nats';
import type { EventEnvelope, SegmentMemberChangedV1 } from '@switchboard/contracts';
import { newId, SubjectNamespace } from '@switchboard/messaging';
import type { RunningService } from '@switchboard/runtime';
import { dependenciesOf, type Filter } from '@switchboard/segment-dsl';
import {
  EvaluationQueue,
  evaluationModel,
  explicitModel,
  membershipId,
  membershipModel,
  profileModel,
  ProfileWriter,
  segmentModel,
  type EvaluationDoc,
  type Explicit,
  type ProfileDoc,
  type SegmentDoc,
} from '@switchboard/segment-store';
import { connectMongo } from '@switchboard/storage';
import {
  NatsTap,
  startInProcess,
  storedMessages,
  testNamespace,
  waitFor,
  type TestNamespace,
} from '@switchboard/testing';
import { segmentWorkerService } from '../../src/app.module';
import { SegmentWorkerConfig } from '../../src/config';

export type MemberEvent = EventEnvelope<SegmentMemberChangedV1>;

/**
 * The segments database as the segments service writes it (profiles, definitions, explicit
 * requests written through the segment-store models), the evaluation queue as its producer,
 * a core-NATS tap on `segment.member.>` and the JetStream stream to count what consumers get.
 * `startWorker` runs the worker in-process; tests that kill it use a child process instead.
 */
export function useWorkerHarness(env: Record<string, string> = {}) {
  const ns: TestNamespace = testNamespace();
  const subjects = new SubjectNamespace(ns.natsPrefix);
  const workers: RunningService[] = [];
  const h = {
    ns,
    subjects,
    env,
    db: undefined as unknown as Connection,
    nc: undefined as unknown as NatsConnection,
    redis: undefined as unknown as IORedis,
    queue: undefined as unknown as EvaluationQueue,
    tap: undefined as unknown as NatsTap<MemberEvent>,
    profiles: () => profileModel(h.db),
    segments: () => segmentModel(h.db),
    edges: () => membershipModel(h.db),
    explicit: () => explicitModel(h.db),
    evaluations: () => evaluationModel(h.db),

    async startWorker(extra: Record<string, string> = {}): Promise<RunningService> {
      const w = await startInProcess(
        ns,
        'segment-worker',
        SegmentWorkerConfig,
        segmentWorkerService,
        {
          SWEEP_INTERVAL_MS: '0',
          SEGMENT_CACHE_MS: '0',
          ...env,
          ...extra,
        },
      );
      workers.push(w);
      return w;
    },

    profile(ws: string, over: Partial<ProfileDoc> = {}): ProfileDoc {
      const id = over._id ?? newId();
      return {
        _id: id,
        contactId: id,
        workspaceId: ws,
        version: 1,
        rev: 0,
        displayName: 'Ada Lovelace',
        status: 'active',
        stage: 'lead',
        tags: [],
        custom: {},
        fit: {},
        activity: {},
        channels: [
          {
            type: 'email',
            value: `${id}@example.com`,
            primary: true,
            subscribed: true,
            suppressed: false,
          },
        ],
        createdAt: new Date(),
        activitySeen: [],
        segments: [],
        mergedInto: null,
        ...over,
      };
    },

    async insertProfile(ws: string, over: Partial<ProfileDoc> = {}): Promise<ProfileDoc> {
      const doc = h.profile(ws, over);
      await h.profiles().create([doc]);
      return doc;
    },

    /**
     * A projection write, as the segments service makes it: through ProfileWriter (the version
     * gate at the rev read, then CAS on rev). A bare CAS on FerretDB races the worker's own
     * profile write, which would write the document it read back over this one (decision 25).
     */
    async updateProfile(ws: string, id: string, set: Partial<ProfileDoc>): Promise<void> {
      const res = await new ProfileWriter(h.db).update(ws, id, (_cur, exists) => {
        if (!exists) throw new Error(`no profile ${id}`);
        return set;
      });
      if (!res.changed) throw new Error(`profile ${id} not written`);
    },

    async segment(
      ws: string,
      over: {
        name?: string;
        filter?: Filter | null;
        type?: 'static' | 'dynamic';
        definitionVersion?: number;
      } = {},
    ): Promise<SegmentDoc> {
      const filter = over.filter ?? null;
      const now = new Date();
      const doc: SegmentDoc = {
        _id: newId(),
        workspaceId: ws,
        version: 1,
        name: over.name ?? 'Segment',
        description: null,
        type: over.type ?? (filter ? 'dynamic' : 'static'),
        filter,
        dependsOn: filter
          ? dependenciesOf(filter)
          : { segments: [], relativeTime: false, activity: false },
        definitionVersion: over.definitionVersion ?? 1,
        createdBy: 'test',
        createdAt: now,
        updatedAt: now,
        deletedAt: null,
        outbox: [],
        outboxPending: false,
      };
      await h.segments().create([doc]);
      return doc;
    },

    async setExplicit(ws: string, segmentId: string, contactId: string, explicit: Explicit) {
      await h.explicit().create([
        {
          _id: membershipId(segmentId, contactId),
          workspaceId: ws,
          segmentId,
          contactId,
          explicit,
          by: 'test',
          at: new Date(),
        },
      ]);
    },

    edge(ws: string, segmentId: string, contactId: string) {
      return h
        .edges()
        .findOne({ workspaceId: ws, _id: membershipId(segmentId, contactId) })
        .lean();
    },

    /**
     * Waits for an evaluation record to finish; fails at once when the job failed an attempt
     * (its error), rather than at the timeout.
     */
    async finished(ws: string, recordId: string, jobId: string, timeoutMs = 300_000) {
      const out = await waitFor(
        async () => {
          const r = await h
            .evaluations()
            .findOne({ workspaceId: ws, _id: recordId })
            .lean<EvaluationDoc>();
          if (r?.finishedAt) return { record: r };
          const job = await h.queue.queue.getJob(jobId);
          if (job?.failedReason) return { failed: job.failedReason };
          return undefined;
        },
        { timeoutMs, intervalMs: 250, what: `evaluation ${recordId} to finish` },
      );
      if ('failed' in out) throw new Error(`evaluation job failed: ${out.failed}`);
      return out.record;
    },

    /** Waits until the queue holds no job in any state but done. */
    async idle(timeoutMs = 30_000): Promise<void> {
      await waitFor(
        async () => {
          const c = await h.queue.queue.getJobCounts(
            'waiting',
            'active',
            'delayed',
            'prioritized',
            'waiting-children',
          );
          return Object.values(c).every((n) => n === 0);
        },
        { timeoutMs, intervalMs: 50, what: 'the evaluation queue to drain' },
      );
    },

    /** Member events of a workspace as JetStream stored them (what consumers see). */
    async stored(ws: string): Promise<MemberEvent[]> {
      return storedMessages<MemberEvent>(
        h.nc,
        subjects.stream('events').name,
        subjects.event(ws, 'segment.member.>'),
      );
    },

    tapped(ws: string, type: 'joined' | 'left', contactId?: string): MemberEvent[] {
      return h.tap.messages
        .map((m) => m.data)
        .filter(
          (e) =>
            e.workspaceId === ws &&
            e.type === `segment.member.${type}` &&
            (!contactId || e.data.contactId === contactId),
        );
    },

    waitEvent(
      ws: string,
      type: 'joined' | 'left',
      contactId: string,
      segmentId: string,
      timeoutMs = 15_000,
    ) {
      return h.tap.waitFor(
        (m) =>
          m.data.workspaceId === ws &&
          m.data.type === `segment.member.${type}` &&
          m.data.data.contactId === contactId &&
          m.data.data.segmentId === segmentId,
        timeoutMs,
      );
    },
  };

  beforeAll(async () => {
    h.db = await connectMongo({ url: ns.mongoUrl, dbName: ns.db('segments') });
    await Promise.all([
      h.profiles().init(),
      h.segments().init(),
      h.edges().init(),
      h.explicit().init(),
    ]);
    h.nc = await ns.natsConnect();
    h.redis = new IORedis(ns.redisUrl, { maxRetriesPerRequest: null });
    h.queue = new EvaluationQueue(h.redis, ns.queuePrefix);
    h.tap = await NatsTap.open<MemberEvent>(h.nc, subjects.event('*', 'segment.member.>'));
  });

  afterAll(async () => {
    for (const w of workers) await w.stop();
    await h.queue.close();
    await h.redis.quit();
    await h.tap.close();
    await h.nc.close();
    await h.db.close();
  });

  return h;
}
