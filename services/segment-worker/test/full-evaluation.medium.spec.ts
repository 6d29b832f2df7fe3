import { newId } from '@switchboard/messaging';
import { compile, type Filter } from '@switchboard/segment-dsl';
import {
  evaluateSegmentJobId,
  evaluationId,
  membershipId,
  type MembershipDoc,
  type ProfileDoc,
} from '@switchboard/segment-store';
import { useWorkerHarness } from './support/worker-harness';

/**
 * Full evaluation (`evaluate-segment`) over generated profiles, checked against a brute-force
 * reference computed in the test with the segment-dsl predicate and the membership rule.
 */
const h = useWorkerHarness();
const N = Number(process.env.SB_FULL_EVAL_PROFILES ?? 50_000);

/** Deterministic pseudo-random numbers (the data set is the same on every run). */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const STAGES = ['lead', 'prospect', 'customer', 'churned'];
const TAGS = ['vip', 'gold', 'newsletter', 'partner', 'trial'];

const FILTER: Filter = {
  or: [
    {
      and: [
        { field: 'stage', op: 'in', value: ['customer', 'prospect'] },
        { field: 'tags', op: 'has_any', value: ['vip', 'gold'] },
      ],
    },
    { field: 'custom.score', op: 'gte', value: 97 },
  ],
};

beforeAll(async () => {
  await h.startWorker();
});

describe('evaluate-segment', () => {
  it(`over ${N} generated profiles matches a brute-force reference exactly`, async () => {
    const ws = newId();
    const rand = rng(42);
    const base = Date.UTC(2026, 0, 1);
    const profiles: ProfileDoc[] = [];
    for (let i = 0; i < N; i++) {
      const tags = TAGS.filter(() => rand() < 0.12);
      profiles.push(
        h.profile(ws, {
          _id: `c${String(i).padStart(7, '0')}-${ws.slice(-6)}`,
          displayName: `Contact ${i}`,
          stage: STAGES[Math.floor(rand() * STAGES.length)],
          tags,
          custom: { score: Math.floor(rand() * 100) },
          status: rand() < 0.02 ? 'archived' : 'active',
          createdAt: new Date(base + i * 60_000),
        }),
      );
    }
    for (const p of profiles) p.contactId = p._id;
    // The segment existed before (an older definition): some members, some who must leave.
    const seg = await h.segment(ws, { name: 'Big', filter: FILTER, definitionVersion: 2 });
    const prior = new Set<string>();
    for (let i = 0; i < 300; i++) prior.add(profiles[Math.floor(rand() * N)]._id);
    const include = new Set<string>();
    const exclude = new Set<string>();
    for (let i = 0; i < 60; i++) include.add(profiles[Math.floor(rand() * N)]._id);
    for (let i = 0; i < 60; i++) {
      const id = profiles[Math.floor(rand() * N)]._id;
      if (!include.has(id)) exclude.add(id);
    }
    for (const p of profiles) if (prior.has(p._id)) p.segments = [seg._id];

    const t0 = Date.now();
    for (let i = 0; i < N; i += 5000) {
      await h
        .profiles()
        .collection.insertMany(profiles.slice(i, i + 5000) as never[], { ordered: false });
    }
    const at = new Date(base);
    await h.edges().collection.insertMany(
      [...prior].map((contactId) => ({
        _id: membershipId(seg._id, contactId),
        workspaceId: ws,
        segmentId: seg._id,
        contactId,
        member: true,
        via: 'rule',
        explicit: null,
        ruleMatch: true,
        transitions: 1,
        joinedAt: at,
        leftAt: null,
        history: [{ at, change: 'joined', via: 'rule', reason: 'rule' }],
        updatedAt: at,
        outbox: [],
        outboxPending: false,
      })) as never[],
    );
    for (const id of include) await h.setExplicit(ws, seg._id, id, 'include');
    for (const id of exclude) await h.setExplicit(ws, seg._id, id, 'exclude');
    const inserted = Date.now() - t0;

    // Brute force: every profile through the predicate and the membership rule.
    const { predicate } = compile(FILTER, { now: new Date() });
    const expected = new Set(
      profiles
        .filter(
          (p) =>
            p.status === 'active' && (include.has(p._id) || (!exclude.has(p._id) && predicate(p))),
        )
        .map((p) => p._id),
    );
    expect(expected.size).toBeGreaterThan(N / 10);

    const t1 = Date.now();
    await h.queue.segmentChanged({ workspaceId: ws, segmentId: seg._id, definitionVersion: 2 });
    const record = await h.finished(
      ws,
      evaluationId(seg._id, 2),
      evaluateSegmentJobId({ workspaceId: ws, segmentId: seg._id, definitionVersion: 2 }),
      600_000,
    );
    const evaluated = Date.now() - t1;

    const members = await h
      .edges()
      .find({ workspaceId: ws, segmentId: seg._id, member: true }, { contactId: 1 })
      .lean<Pick<MembershipDoc, 'contactId'>[]>();
    const got = new Set(members.map((m) => m.contactId));
    expect([...got].filter((id) => !expected.has(id))).toEqual([]);
    expect([...expected].filter((id) => !got.has(id))).toEqual([]);
    expect(record.memberCount).toBe(expected.size);

    // One event per change, none twice: joins of the new members, leaves of the old ones.
    const events = await h.stored(ws);
    const joins = events
      .filter((e) => e.type === 'segment.member.joined')
      .map((e) => e.data.contactId);
    const leaves = events
      .filter((e) => e.type === 'segment.member.left')
      .map((e) => e.data.contactId);
    expect(joins.sort()).toEqual([...expected].filter((id) => !prior.has(id)).sort());
    expect(leaves.sort()).toEqual([...prior].filter((id) => !expected.has(id)).sort());

    // No filter reads this segment: profile.segments is left to contact jobs (decision 55).
    expect(await h.profiles().countDocuments({ workspaceId: ws, segments: seg._id })).toBe(
      prior.size,
    );
    console.log(
      `full evaluation: ${N} profiles inserted in ${inserted} ms, evaluated in ${evaluated} ms ` +
        `(${Math.round(N / (evaluated / 1000))} profiles/s), ${expected.size} members, ` +
        `${joins.length} joined, ${leaves.length} left`,
    );
  }, 900_000);
});
