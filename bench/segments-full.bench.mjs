// P2 (issue 5): full evaluation of one segment over N generated profiles, in contacts/s, next to
// a raw cursor scan of the same collection in the same run (target ≥ 80 % of the raw rate).
//
//   raw scan            find({workspaceId}) over the profiles collection of the segments
//                       database, batches of 1,000, every document read and decoded: the floor.
//   raw scan + predicate the same, each document run through the compiled segment-dsl predicate
//                       (what evaluation cannot avoid; shows the predicate's share).
//   re-evaluation       PATCH of the segment's filter (the same members, a new definition
//                       version): the worker re-decides a segment that already has edges, so
//                       it streams every profile beside the segment's edges (no prefilter).
//                       Rate and checks as for the first evaluation; nobody joins or leaves.
//   full evaluation     POST /v1/segments through the gateway → the segment worker's
//                       `evaluate-segment` job streams the workspace's profiles, evaluates, writes
//                       the joins and publishes their events; the rate is the workspace's
//                       profiles over the evaluation record's own startedAt → finishedAt (the
//                       worker's view; with an exact prefilter it reads only the matching ones),
//                       and the end-to-end time from the POST to the record finished is noted.
// Profiles are inserted raw (the projection's document shape, segment-store ProfileDoc) with
// insertMany; the expected members are counted with the same predicate while generating, and
// the evaluation's memberCount, the stored edges and the joined events are checked against it.
//
// Bounded by time: the generation stops early when it has used its share of the budget, and an
// evaluation still running at the deadline is reported from its last progress (scanned so far)
// instead of a figure it did not reach. The parameters printed say what was measured.
//
// Environment: BENCH_FULL_PROFILES (1000000, as the issue asks), BENCH_FULL_MATCH_PCT (share of
// members, 5), BENCH_FULL_INSERT_IN_FLIGHT (2), BENCH_FULL_GENERATE_SHARE (share of the time
// budget for generating, 0.45).
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { dbCommands, describeRoundTrips, perOperation } from './lib/db-commands.mjs';
import { round, sleep } from './lib/load.mjs';
import { startStack } from './lib/stack.mjs';

export const name = 'segments-full';
export const timeoutMs = 2_400_000;

const intEnv = (key, fallback, max) => {
  const value = Number(process.env[key] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${key} must be a positive integer`);
  return Math.min(value, max);
};

const PROFILES = intEnv('BENCH_FULL_PROFILES', 1_000_000, 10_000_000);
const MATCH_PCT = intEnv('BENCH_FULL_MATCH_PCT', 5, 100);
const IN_FLIGHT = intEnv('BENCH_FULL_INSERT_IN_FLIGHT', 2, 16);
const GENERATE_SHARE = Number(process.env.BENCH_FULL_GENERATE_SHARE ?? 0.45);
const BATCH = 1000;
/** Longest wait for the worker to start the evaluation (write its record) after the POST. */
const START_MAX_MS = 120_000;
const SERVICES = ['gateway', 'contacts', 'segments', 'segment-worker'];
const STAGES = ['lead', 'prospect', 'customer', 'churned'];
const TAGS = ['newsletter', 'partner', 'beta', 'event-2026', 'webinar'];
/** The segment under test: exact in MongoDB terms, so the worker may use the prefilter. */
/** The same members under a new definition version (a tag nobody has), for the re-evaluation. */
const REFILTER = {
  and: [
    { field: 'stage', op: 'eq', value: 'customer' },
    { field: 'tags', op: 'has_any', value: ['vip', 'never-given'] },
  ],
};
const FILTER = {
  and: [
    { field: 'stage', op: 'eq', value: 'customer' },
    { field: 'tags', op: 'has_any', value: ['vip'] },
  ],
};

/** A cheap deterministic hash of i (no Math.random: the same N gives the same data). */
const hash = (i, salt) => {
  let h = (i + 1) * 2654435761 + salt * 40503;
  h = Math.imul(h ^ (h >>> 16), 2246822507);
  h = Math.imul(h ^ (h >>> 13), 3266489909);
  return (h ^ (h >>> 16)) >>> 0;
};

export async function run(ctx) {
  const { require, signal } = ctx;
  const mongoose = require('mongoose');
  const { compile } = require('@switchboard/segment-dsl');
  const { newId } = require('@switchboard/messaging');
  const { SubjectNamespace } = require('@switchboard/messaging');
  const cores = os.availableParallelism?.() ?? os.cpus().length;

  ctx.params({
    cores,
    profilesAsked: PROFILES,
    matchPct: MATCH_PCT,
    batch: BATCH,
    insertInFlight: IN_FLIGHT,
    filter: FILTER,
    refilter: REFILTER,
    services: SERVICES,
    mongo: ctx.infra.kinds.mongo,
  });
  ctx.note(`${cores} cores, shared by the client, the services and the infrastructure`);
  const started = Date.now();
  const stack = await startStack(ctx, { services: SERVICES, maxSockets: 4, callTimeoutMs: 60_000 });
  const { ns, http, token, workspaceId, platform } = stack;
  const conn = mongoose.createConnection(ns.mongoUrl, {
    dbName: ns.db('segments'),
    maxPoolSize: 8,
  });
  ctx.onCleanup(() => conn.close());
  await conn.asPromise();
  const profiles = conn.db.collection('profiles');
  const evaluations = conn.db.collection('segment_evaluations');
  const memberships = conn.db.collection('segment_memberships');

  // -- generate -----------------------------------------------------------------------------
  const now = new Date();
  const { predicate } = compile(FILTER, { now });
  // `vip` on a share of customers such that MATCH_PCT % of all profiles are members.
  const vipPerMille = Math.min(1000, Math.round(MATCH_PCT * 40));
  const profileAt = (i) => {
    const id = newId();
    const stage = STAGES[hash(i, 1) % STAGES.length];
    const tags = TAGS.filter((_, t) => hash(i, 10 + t) % 5 === 0);
    if (hash(i, 2) % 1000 < vipPerMille) tags.push('vip');
    const createdAt = new Date(now.getTime() - (hash(i, 3) % 730) * 86_400_000);
    const email = `p${i}@bench.example.com`;
    return {
      _id: id,
      workspaceId,
      contactId: id,
      version: 1,
      rev: 0,
      firstName: `First${i % 997}`,
      lastName: `Last${i % 1009}`,
      displayName: `First${i % 997} Last${i % 1009}`,
      email,
      phone: null,
      stage,
      source: hash(i, 4) % 2 ? 'website' : 'referral',
      status: 'active',
      locale: null,
      timeZone: null,
      country: ['DE', 'FR', 'US', 'GB'][hash(i, 5) % 4],
      ownerId: null,
      companyId: null,
      birthMonth: (hash(i, 6) % 12) + 1,
      createdAt,
      updatedAt: createdAt,
      lastTouchAt: null,
      tags,
      custom: {},
      channels: [
        { type: 'email', value: email, primary: true, subscribed: true, suppressed: false },
      ],
      fit: {},
      fitAt: {},
      activity: {},
      mergedInto: null,
      mergedFrom: [],
      activitySeen: [],
      segments: [],
    };
  };

  const generateUntil = started + (ctx.deadline - started) * GENERATE_SHARE;
  let inserted = 0;
  let expected = 0;
  let next = 0;
  const tg = performance.now();
  let lastLog = tg;
  const inserter = async () => {
    while (next < PROFILES && Date.now() < generateUntil && !signal.aborted) {
      const from = next;
      next = Math.min(PROFILES, next + BATCH);
      const docs = [];
      for (let i = from; i < next; i++) docs.push(profileAt(i));
      await profiles.insertMany(docs, { ordered: false });
      inserted += docs.length;
      expected += docs.filter((d) => predicate(d)).length;
      if (performance.now() - lastLog > 10_000) {
        lastLog = performance.now();
        ctx.log(
          `${inserted} profiles inserted (${round(inserted / ((lastLog - tg) / 1000), 0)}/s)`,
        );
      }
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, () => inserter()));
  const generateMs = performance.now() - tg;
  ctx.params({ profiles: inserted, expectedMembers: expected });
  ctx.log(`${inserted} profiles in ${round(generateMs / 1000, 1)} s, ${expected} will match`);
  if (inserted < PROFILES)
    ctx.note(`generation stopped by its time budget at ${inserted} of ${PROFILES} profiles`);
  ctx.note(`generated with insertMany at ${round(inserted / (generateMs / 1000), 0)} profiles/s`);

  const rateFigure = (name_, count, ms, extra = {}) => ({
    name: name_,
    requests: count,
    ok: count,
    errors: 0,
    errorKinds: {},
    errorSamples: [],
    stoppedBy: 'count',
    rounds: 1,
    durationMs: round(ms, 1),
    rps: round(count / (ms / 1000), 1),
    p50Ms: null,
    p99Ms: null,
    ...extra,
  });

  // -- raw cursor scans ---------------------------------------------------------------------
  const scan = async (withPredicate) => {
    const t0 = performance.now();
    let count = 0;
    let matched = 0;
    for await (const doc of profiles.find({ workspaceId }).batchSize(BATCH)) {
      count++;
      if (withPredicate && predicate(doc)) matched++;
      if (signal.aborted) break;
    }
    return { count, matched, ms: performance.now() - t0 };
  };
  const raw = await scan(false);
  ctx.figure(rateFigure('raw cursor scan', raw.count, raw.ms));
  ctx.log(`raw scan: ${raw.count} in ${round(raw.ms / 1000, 1)} s`);
  const withPredicate = await scan(true);
  ctx.figure({
    ...rateFigure('raw scan + predicate', withPredicate.count, withPredicate.ms),
    baseline: 'raw cursor scan',
  });
  if (withPredicate.matched !== expected)
    ctx.note(`the scan matched ${withPredicate.matched}, the generator counted ${expected}`);

  // -- the full evaluation, then a re-evaluation of the segment with its edges -------------
  /**
   * Waits for the evaluation record `recordId` (written by the worker once it starts), then
   * reports its rate against the raw scan and the worker's database round trips per profile.
   */
  const evaluation = async (label, recordId, tStart, commandsBefore) => {
    let record = null;
    let lastProgress = performance.now();
    while (!signal.aborted && Date.now() < ctx.deadline - 5000) {
      record = await evaluations.findOne({ _id: recordId });
      if (record?.finishedAt) break;
      if (!record && performance.now() - tStart > START_MAX_MS)
        throw new Error(
          `no evaluation record ${recordId} within ${START_MAX_MS} ms of the request`,
        );
      if (performance.now() - lastProgress > 15_000) {
        lastProgress = performance.now();
        ctx.log(`${label}: ${record ? `${record.scanned} scanned` : 'not started'}`);
      }
      await sleep(1000);
    }
    const tSeen = performance.now();
    if (!record) throw new Error(`no evaluation record ${recordId} appeared`);
    const workerMs = (record.finishedAt ?? record.updatedAt) - record.startedAt;
    const finished = Boolean(record.finishedAt);
    // Contacts evaluated: the whole workspace once finished. `scanned` counts only the documents
    // the worker read, which with an exact prefilter are the matching ones; an unfinished run is
    // measured by its cursor (profile ids are time-ordered and were generated in order).
    const evaluated = finished
      ? inserted
      : record.cursor
        ? await profiles.countDocuments({ workspaceId, _id: { $lte: record.cursor } })
        : 0;
    const mismatch = finished && record.memberCount !== expected;
    ctx.figure({
      ...rateFigure(
        finished ? label : `${label} (unfinished)`,
        evaluated,
        workerMs,
        mismatch
          ? {
              errors: 1,
              errorKinds: { 'wrong member count': 1 },
              errorSamples: [`memberCount ${record.memberCount}, expected ${expected}`],
            }
          : {},
      ),
      baseline: 'raw cursor scan',
    });
    const ratio = evaluated / workerMs / (raw.count / raw.ms);
    ctx.note(
      `${label} at ${round(ratio * 100, 0)} % of the raw scan rate (target ≥ 80 %): ` +
        `${evaluated} of ${inserted} profiles evaluated in ${round(workerMs / 1000, 1)} s` +
        `${finished ? '' : ' (not finished at the deadline; rate from its cursor)'}, ` +
        `${record.scanned} documents read by the worker, ${record.joined} joined, ` +
        `${record.left} left; request → finished seen ${round((tSeen - tStart) / 1000, 1)} s`,
    );
    if (finished && evaluated > 0)
      ctx.note(
        describeRoundTrips(
          `${label}, per profile`,
          perOperation(commandsBefore, await dbCommands(platform, ['segment-worker']), evaluated),
        ),
      );
    return { record, finished };
  };

  let commandsBefore = await dbCommands(platform, ['segment-worker']);
  const tPost = performance.now();
  const res = await http.request('POST', '/v1/segments', {
    token,
    body: { name: 'Bench VIP customers', type: 'dynamic', filter: FILTER },
  });
  const segmentId = res.json?.id;
  if (!segmentId) throw new Error(`POST /v1/segments answered ${JSON.stringify(res.json)}`);
  const first = await evaluation('full evaluation', `${segmentId}:v1`, tPost, commandsBefore);
  if (!first.finished) return;
  const { record } = first;

  // -- is it right? ---------------------------------------------------------------------------
  const edges = await memberships.countDocuments({ workspaceId, segmentId, member: true });
  const nc = await ns.natsConnect({ name: 'bench-segments-full' });
  ctx.onCleanup(() => nc.close());
  const jsm = await nc.jetstreamManager();
  const subjects = new SubjectNamespace(ns.natsPrefix);
  const joinedSubject = subjects.event(workspaceId, 'segment.member.joined');
  const published = async () => {
    const info = await jsm.streams.info(subjects.stream('events').name, {
      subjects_filter: joinedSubject,
    });
    return info.state.subjects?.[joinedSubject] ?? 0;
  };
  const te = performance.now();
  let events = await published();
  while (events < expected && performance.now() - te < 60_000 && !signal.aborted) {
    await sleep(1000);
    events = await published();
  }
  ctx.note(
    `memberCount ${record.memberCount}, member edges ${edges}, joined events in the stream ` +
      `${events} (${round((performance.now() - te) / 1000, 1)} s after finishing), expected ${expected}`,
  );
  if (record.memberCount !== expected || edges !== expected || events !== expected)
    throw new Error(
      `wrong result: memberCount ${record.memberCount}, edges ${edges}, events ${events}, expected ${expected}`,
    );

  // -- re-evaluation: a new definition version over a segment that has edges ---------------
  if (Date.now() > ctx.deadline - 30_000) {
    ctx.note('no time left for the re-evaluation');
    return;
  }
  commandsBefore = await dbCommands(platform, ['segment-worker']);
  const tPatch = performance.now();
  const patched = await http.request('PATCH', `/v1/segments/${segmentId}`, {
    token,
    body: { filter: REFILTER },
  });
  if (!patched.json?.id) throw new Error(`PATCH answered ${JSON.stringify(patched.json)}`);
  const again = await evaluation('re-evaluation', `${segmentId}:v2`, tPatch, commandsBefore);
  if (!again.finished) return;
  const moved = again.record.joined + again.record.left;
  const edgesAfter = await memberships.countDocuments({ workspaceId, segmentId, member: true });
  if (again.record.memberCount !== expected || edgesAfter !== expected || moved !== 0)
    throw new Error(
      `wrong re-evaluation: memberCount ${again.record.memberCount}, edges ${edgesAfter}, ` +
        `${moved} joined or left, expected ${expected} members and no change`,
    );
  stack.finish();
}
