import { newId } from '@switchboard/messaging';
import {
  evaluateSegmentJobId,
  evaluationId,
  refreshEvaluationId,
  type MembershipDoc,
  type ProfileDoc,
} from '@switchboard/segment-store';
import { memberEvent, memberEventId, newEdgeDoc } from '../src/evaluation/membership-rule';
import { waitFor } from '@switchboard/testing';
import { useWorkerHarness } from './support/worker-harness';

/**
 * Definition-level jobs: a deleted segment's members leave, the sweep re-evaluates relative-time
 * segments at a moved clock, a re-evaluated segment re-evaluates the segments that read it, and
 * a static segment holds exactly its explicit members.
 */
const h = useWorkerHarness();
const DAY = 86_400_000;

beforeAll(async () => {
  await h.startWorker();
});

it('makes every member leave a deleted segment (segment_deleted) and cleans the profiles', async () => {
  const ws = newId();
  const seg = await h.segment(ws, {
    name: 'Doomed',
    filter: { field: 'stage', op: 'eq', value: 'customer' },
  });
  const ps = await Promise.all([1, 2, 3].map(() => h.insertProfile(ws, { stage: 'customer' })));
  await h.queue.segmentChanged({ workspaceId: ws, segmentId: seg._id, definitionVersion: 1 });
  await h.finished(
    ws,
    evaluationId(seg._id, 1),
    evaluateSegmentJobId({ workspaceId: ws, segmentId: seg._id, definitionVersion: 1 }),
  );
  expect(await h.edges().countDocuments({ workspaceId: ws, member: true })).toBe(3);

  await h
    .segments()
    .updateOne({ workspaceId: ws, _id: seg._id }, { $set: { deletedAt: new Date() } });
  await h.queue.segmentDeleted({ workspaceId: ws, segmentId: seg._id });
  for (const p of ps) {
    const left = await h.waitEvent(ws, 'left', p._id, seg._id);
    expect(left.data.data.segmentName).toBe('Doomed');
  }
  await h.idle();
  const edges = await h.edges().find({ workspaceId: ws }).lean<MembershipDoc[]>();
  expect(edges.map((e) => e.member)).toEqual([false, false, false]);
  expect(edges.map((e) => e.history.at(-1)?.reason)).toEqual([
    'segment_deleted',
    'segment_deleted',
    'segment_deleted',
  ]);
  const profiles = await h.profiles().find({ workspaceId: ws }).lean<ProfileDoc[]>();
  expect(profiles.map((p) => p.segments)).toEqual([[], [], []]);
  // A contact job afterwards does not bring the deleted segment back.
  await h.queue.contactChanged({ workspaceId: ws, contactId: ps[0]._id, reason: 'test' });
  await h.idle();
  expect(await h.edges().countDocuments({ workspaceId: ws, member: true })).toBe(0);
});

it('sweeps relative-time segments at the given instant: a contact created 8 days before leaves "created within 7 days"', async () => {
  const ws = newId();
  const recent = await h.segment(ws, {
    filter: { field: 'createdAt', op: 'within_last', value: { days: 7 } },
  });
  const fixed = await h.segment(ws, { filter: { field: 'stage', op: 'eq', value: 'lead' } });
  const p = await h.insertProfile(ws, { createdAt: new Date(), stage: 'lead' });
  await h.queue.contactChanged({ workspaceId: ws, contactId: p._id, reason: 'test' });
  await h.waitEvent(ws, 'joined', p._id, recent._id);
  await h.waitEvent(ws, 'joined', p._id, fixed._id);
  await h.idle();

  const now = new Date(Date.now() + 8 * DAY).toISOString();
  await h.queue.sweep({ workspaceId: ws, now });
  await h.waitEvent(ws, 'left', p._id, recent._id);
  await h.idle();
  // Never evaluated in full before: the sweep's run is its first one, at the moved clock.
  const run = await h
    .evaluations()
    .findOne({ workspaceId: ws, _id: evaluationId(recent._id, 1) })
    .lean();
  expect(run).toMatchObject({ kind: 'initial', now });
  expect(run?.finishedAt).toBeInstanceOf(Date);
  // A second sweep re-evaluates under the refresh record.
  const later = new Date(Date.now() + 9 * DAY).toISOString();
  await h.queue.sweep({ workspaceId: ws, now: later });
  const refresh = await h.finished(
    ws,
    refreshEvaluationId(recent._id),
    evaluateSegmentJobId({ workspaceId: ws, segmentId: recent._id, definitionVersion: 1 }),
  );
  expect(refresh).toMatchObject({ kind: 'refresh', now: later });
  // The scheduled sweep names no workspace: every workspace's drifting segments.
  const latest = new Date(Date.now() + 10 * DAY).toISOString();
  await h.queue.sweep({ now: latest });
  await waitFor(
    async () =>
      (
        await h
          .evaluations()
          .findOne({ workspaceId: ws, _id: refreshEvaluationId(recent._id) })
          .lean()
      )?.now === latest,
    { what: 'the workspace-less sweep to reach the segment' },
  );
  // Only drifting segments are swept: the fixed one was not evaluated again.
  expect(await h.evaluations().countDocuments({ workspaceId: ws, segmentId: fixed._id })).toBe(0);
  expect(await h.edge(ws, fixed._id, p._id)).toMatchObject({ member: true });
});

it('counts activity windows at the evaluation instant', async () => {
  const ws = newId();
  const seg = await h.segment(ws, {
    filter: { activity: 'email.opened', count: { gte: 3 }, within: { days: 30 } },
  });
  const today = new Date().toISOString().slice(0, 10);
  const p = await h.insertProfile(ws, { activity: { 'email:opened': { [today]: 3 } } });
  await h.queue.contactChanged({ workspaceId: ws, contactId: p._id, reason: 'activity' });
  await h.waitEvent(ws, 'joined', p._id, seg._id);
  await h.idle();
  await h.queue.sweep({ workspaceId: ws, now: new Date(Date.now() + 40 * DAY).toISOString() });
  await h.waitEvent(ws, 'left', p._id, seg._id);
});

it('re-evaluates the segments that read a segment once its evaluation finished', async () => {
  const ws = newId();
  const customers = await h.segment(ws, {
    filter: { field: 'stage', op: 'eq', value: 'customer' },
  });
  const vip = await h.segment(ws, {
    filter: {
      and: [
        { segment: customers._id, op: 'in' },
        { field: 'tags', op: 'has_any', value: ['vip'] },
      ],
    },
  });
  const a = await h.insertProfile(ws, { stage: 'customer', tags: ['vip'] });
  const b = await h.insertProfile(ws, { stage: 'customer', tags: [] });
  await h.queue.segmentChanged({ workspaceId: ws, segmentId: customers._id, definitionVersion: 1 });
  // Only `customers` was asked for; `vip` follows because it reads it.
  await h.waitEvent(ws, 'joined', a._id, vip._id);
  await h.idle();
  expect(await h.edge(ws, vip._id, b._id)).toBeNull();
  expect(await h.edge(ws, customers._id, b._id)).toMatchObject({ member: true });
});

it('keeps exactly the explicit members of a static segment, and stops when a newer definition supersedes', async () => {
  const ws = newId();
  const seg = await h.segment(ws, { type: 'static' });
  const ps = await Promise.all([1, 2, 3].map(() => h.insertProfile(ws, { stage: 'customer' })));
  await h.setExplicit(ws, seg._id, ps[0]._id, 'include');
  await h.setExplicit(ws, seg._id, ps[1]._id, 'include');
  await h.setExplicit(ws, seg._id, ps[2]._id, 'exclude');
  await h.queue.segmentChanged({ workspaceId: ws, segmentId: seg._id, definitionVersion: 1 });
  const record = await h.finished(
    ws,
    evaluationId(seg._id, 1),
    evaluateSegmentJobId({ workspaceId: ws, segmentId: seg._id, definitionVersion: 1 }),
  );
  expect(record.memberCount).toBe(2);
  const members = await h.edges().find({ workspaceId: ws, member: true }).lean<MembershipDoc[]>();
  expect(members.map((m) => m.contactId).sort()).toEqual([ps[0]._id, ps[1]._id].sort());
  expect(members.every((m) => m.via === 'explicit')).toBe(true);

  // A job for an outdated definition version does nothing.
  await h
    .segments()
    .updateOne({ workspaceId: ws, _id: seg._id }, { $set: { definitionVersion: 2 } });
  await h.queue.segmentChanged({ workspaceId: ws, segmentId: seg._id, definitionVersion: 1 });
  await h.idle();
  expect(
    await h.evaluations().countDocuments({ workspaceId: ws, _id: refreshEvaluationId(seg._id) }),
  ).toBe(0);
});

it('publishes, when an evaluation resumes, the saved events whose edges were written before it stopped', async () => {
  const ws = newId();
  const seg = await h.segment(ws, {
    name: 'Resumed',
    filter: { field: 'stage', op: 'eq', value: 'customer' },
  });
  const written = await h.insertProfile(ws, { stage: 'customer' });
  const never = await h.insertProfile(ws, { stage: 'lead' });
  const at = new Date();
  // A run that died after inserting `written`'s edge, before publishing: its event is only
  // in the record. The event saved for `never` stands for an edge that was not written.
  const first = { transitions: 1, via: 'rule' as const };
  await insertJoinedEdge(ws, seg._id, written._id, at);
  await insertStoppedRun(
    ws,
    seg._id,
    at,
    JSON.stringify([
      memberEvent(seg, written, 'joined', first, 'rule', at),
      memberEvent(seg, never, 'joined', first, 'rule', at),
    ]),
  );
  await h.queue.segmentChanged({ workspaceId: ws, segmentId: seg._id, definitionVersion: 1 });
  const record = await h.finished(
    ws,
    evaluationId(seg._id, 1),
    evaluateSegmentJobId({ workspaceId: ws, segmentId: seg._id, definitionVersion: 1 }),
  );
  expect(record).toMatchObject({ pendingEvents: null, memberCount: 1 });
  const events = await h.stored(ws);
  expect(events.map((e) => `${e.type}:${e.data.contactId}`)).toEqual([
    `segment.member.joined:${written._id}`,
  ]);
  expect(events[0].id).toBe(memberEventId(seg._id, written._id, 1));
  expect(await h.edge(ws, seg._id, never._id)).toBeNull();
});

it('publishes the saved events of a run that stopped and was then superseded by a newer definition', async () => {
  const ws = newId();
  const seg = await h.segment(ws, {
    name: 'Abandoned',
    filter: { field: 'stage', op: 'eq', value: 'customer' },
  });
  const written = await h.insertProfile(ws, { stage: 'customer' });
  const at = new Date();
  // The v1 run inserted `written`'s edge and died before publishing (NATS was down); the
  // definition moved to v2 before its job ran again, so the v1 record is never resumed.
  const first = { transitions: 1, via: 'rule' as const };
  await insertJoinedEdge(ws, seg._id, written._id, at);
  await insertStoppedRun(
    ws,
    seg._id,
    at,
    JSON.stringify([memberEvent(seg, written, 'joined', first, 'rule', at)]),
  );
  await h
    .segments()
    .updateOne({ workspaceId: ws, _id: seg._id }, { $set: { definitionVersion: 2 } });
  await h.queue.segmentChanged({ workspaceId: ws, segmentId: seg._id, definitionVersion: 1 });
  await h.idle();
  const events = await h.stored(ws);
  expect(events.map((e) => `${e.type}:${e.data.contactId}`)).toEqual([
    `segment.member.joined:${written._id}`,
  ]);
  expect(
    await h
      .evaluations()
      .findOne({ workspaceId: ws, _id: evaluationId(seg._id, 1) })
      .lean(),
  ).toMatchObject({ pendingEvents: null });
});

it('moves an edge whose last event is still staged without waiting, and the relay keeps their order', async () => {
  const ws = newId();
  const seg = await h.segment(ws, {
    name: 'Staged',
    filter: { field: 'stage', op: 'eq', value: 'customer' },
  });
  // A member whose join is still in the edge's outbox (its publish failed, the relay has not
  // swept yet), and who no longer matches.
  const p = await h.insertProfile(ws, { stage: 'lead' });
  const at = new Date();
  const joined = memberEvent(seg, p, 'joined', { transitions: 1, via: 'rule' }, 'rule', at);
  await insertJoinedEdge(ws, seg._id, p._id, at, {
    outbox: [{ id: joined.id, type: joined.type, json: JSON.stringify(joined) }],
    outboxPending: true,
  });
  await h.queue.contactChanged({ workspaceId: ws, contactId: p._id, reason: 'test' });
  await h.waitEvent(ws, 'left', p._id, seg._id, 30_000);
  const events = await h.stored(ws);
  expect(events.map((e) => `${e.type}:${e.aggregate.version}`)).toEqual([
    'segment.member.joined:1',
    'segment.member.left:2',
  ]);
  await waitFor(
    async () =>
      (await h.edges().findOne({ workspaceId: ws, contactId: p._id }).lean())?.outboxPending ===
      false,
    { timeoutMs: 30_000, what: 'the edge outbox to empty' },
  );
  expect(await h.edge(ws, seg._id, p._id)).toMatchObject({ member: false, transitions: 2 });
});

it('keeps an include recorded while a full evaluation runs (the run reads requests per batch)', async () => {
  const ws = newId();
  const seg = await h.segment(ws, { filter: { field: 'stage', op: 'eq', value: 'customer' } });
  await h.insertProfile(ws, { stage: 'customer' });
  const job = { workspaceId: ws, segmentId: seg._id, definitionVersion: 1 };
  await h.queue.segmentChanged(job);
  await h.finished(ws, evaluationId(seg._id, 1), evaluateSegmentJobId(job));
  // Five batches of profiles that do not match, then the contact to include (the newest id, so
  // in the last batch). The seed's edge means no prefilter: the refresh streams them all.
  const leads = Array.from({ length: 5000 }, () => h.profile(ws, { stage: 'lead' }));
  await h.profiles().collection.insertMany(leads as never[]);
  const target = await h.insertProfile(ws, { stage: 'lead' });
  await h.queue.segmentChanged(job);
  // Once the first batch is done the run has read the requests it knew of.
  await waitFor(
    async () =>
      ((
        await h
          .evaluations()
          .findOne({ workspaceId: ws, _id: refreshEvaluationId(seg._id) })
          .lean()
      )?.scanned ?? 0) > 0,
    { timeoutMs: 30_000, intervalMs: 20, what: 'the first batch of the refresh' },
  );
  await h.setExplicit(ws, seg._id, target._id, 'include');
  await h.queue.explicitChanged({ workspaceId: ws, contactId: target._id, reason: 'explicit' });
  await h.waitEvent(ws, 'joined', target._id, seg._id);
  await waitFor(
    async () =>
      (
        await h
          .evaluations()
          .findOne({ workspaceId: ws, _id: refreshEvaluationId(seg._id) })
          .lean()
      )?.finishedAt,
    { timeoutMs: 50_000, intervalMs: 100, what: 'the refresh to finish' },
  );
  await h.idle();
  expect(await h.edge(ws, seg._id, target._id)).toMatchObject({ member: true, via: 'explicit' });
  const mine = (await h.stored(ws)).filter((e) => e.data.contactId === target._id);
  expect(mine.map((e) => `${e.type}:${e.data.via}`)).toEqual(['segment.member.joined:explicit']);
});

/** The edge of a member who joined by rule at `at` (its first transition), written as a run would. */
function insertJoinedEdge(
  ws: string,
  segmentId: string,
  contactId: string,
  at: Date,
  extra: Record<string, unknown> = {},
) {
  return h.edges().collection.insertOne({
    ...newEdgeDoc(
      ws,
      segmentId,
      contactId,
      {
        member: true,
        via: 'rule',
        explicit: null,
        ruleMatch: true,
        transitions: 1,
        joinedAt: at,
        leftAt: null,
        history: [{ at, change: 'joined', via: 'rule', reason: 'rule' }],
      },
      at,
    ),
    ...extra,
  } as never);
}

/** The record of a first run (definition 1) that stopped with `pendingEvents` saved. */
function insertStoppedRun(ws: string, segmentId: string, at: Date, pendingEvents: string) {
  return h.evaluations().create([
    {
      _id: evaluationId(segmentId, 1),
      workspaceId: ws,
      segmentId,
      definitionVersion: 1,
      startedAt: at,
      cursor: null,
      scanned: 0,
      joined: 0,
      left: 0,
      memberCount: null,
      finishedAt: null,
      updatedAt: at,
      kind: 'initial',
      now: at.toISOString(),
      pendingEvents,
    },
  ]);
}
