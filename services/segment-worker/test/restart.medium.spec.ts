import { newId } from '@switchboard/messaging';
import {
  evaluateSegmentJobId,
  evaluationId,
  type EvaluationDoc,
  type MembershipDoc,
} from '@switchboard/segment-store';
import { Platform, waitFor } from '@switchboard/testing';
import { useWorkerHarness } from './support/worker-harness';

/**
 * The worker as a real process, killed (SIGKILL) in the middle of a full evaluation and started
 * again: the job is handed on once its lock lapses, resumes after the saved cursor, and every
 * expected member joins exactly once — one `joined` event each in the stream, none missing.
 */
const h = useWorkerHarness();
const ENV = { FULL_BATCH_SIZE: '100', JOB_LOCK_MS: '2000', SWEEP_INTERVAL_MS: '0' };
let platform: Platform;

afterAll(async () => {
  await platform?.stop();
});

it('loses and duplicates nothing when the worker dies mid-evaluation', async () => {
  platform = new Platform(h.ns);
  const first = await platform.startOne('segment-worker', ENV);
  const ws = newId();
  const N = 3000;
  const profiles = Array.from({ length: N }, (_, i) =>
    h.profile(ws, {
      _id: `c${String(i).padStart(6, '0')}-${ws.slice(-6)}`,
      stage: i % 3 === 0 ? 'lead' : 'customer',
    }),
  );
  for (const p of profiles) p.contactId = p._id;
  await h.profiles().collection.insertMany(profiles as never[]);
  const expected = profiles.filter((p) => p.stage === 'customer').map((p) => p._id);
  const seg = await h.segment(ws, { filter: { field: 'stage', op: 'eq', value: 'customer' } });
  const recordId = evaluationId(seg._id, 1);
  await h.queue.segmentChanged({ workspaceId: ws, segmentId: seg._id, definitionVersion: 1 });

  const atKill = await waitFor(
    async () => {
      const r = await h
        .evaluations()
        .findOne({ workspaceId: ws, _id: recordId })
        .lean<EvaluationDoc>();
      return r && r.joined >= 300 ? r : undefined;
    },
    { timeoutMs: 120_000, intervalMs: 20, what: 'a few batches of the evaluation' },
  );
  await first.kill('SIGKILL');
  expect(atKill.finishedAt).toBeNull();

  await platform.startOne('segment-worker', ENV);
  const record = await h.finished(
    ws,
    recordId,
    evaluateSegmentJobId({ workspaceId: ws, segmentId: seg._id, definitionVersion: 1 }),
  );
  // Resumed after the saved cursor, not from the start: the first run read its matches
  // (prefiltered, at least the 300 joined), the resumed one the profiles after its cursor
  // (unfiltered, since edges exist now); a run from the start would have read more than N.
  expect(record.scanned).toBeGreaterThanOrEqual(expected.length);
  expect(record.scanned).toBeLessThanOrEqual(N);
  expect(record.memberCount).toBe(expected.length);

  const events = await h.stored(ws);
  const joined = events
    .filter((e) => e.type === 'segment.member.joined')
    .map((e) => e.data.contactId);
  expect(joined.length).toBe(expected.length);
  expect(joined.sort()).toEqual([...expected].sort());
  expect(events.filter((e) => e.type === 'segment.member.left')).toEqual([]);
  const edges = await h
    .edges()
    .find({ workspaceId: ws, segmentId: seg._id })
    .lean<MembershipDoc[]>();
  expect(edges).toHaveLength(expected.length);
  expect(edges.every((e) => e.member && e.transitions === 1)).toBe(true);
}, 400_000);
