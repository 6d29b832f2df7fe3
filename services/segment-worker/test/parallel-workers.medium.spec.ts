import { newId } from '@switchboard/messaging';
import { evaluateSegmentJobId, evaluationId, type MembershipDoc } from '@switchboard/segment-store';
import { useWorkerHarness } from './support/worker-harness';

/**
 * Two workers deciding the same changes at the same time — a full evaluation on one, contact
 * jobs for the same contacts on both — publish each membership change once: the edges' CAS on
 * `transitions` lets one writer per transition through, and the event id derived from
 * (segment, contact, transition) makes JetStream drop any repeat.
 */
const h = useWorkerHarness({ FULL_BATCH_SIZE: '50' });

beforeAll(async () => {
  await h.startWorker();
  await h.startWorker();
});

it('never publishes a membership change twice', async () => {
  const ws = newId();
  const N = 300;
  const profiles = Array.from({ length: N }, () => h.profile(ws, { stage: 'customer' }));
  await h.profiles().collection.insertMany(profiles as never[]);
  const seg = await h.segment(ws, { filter: { field: 'stage', op: 'eq', value: 'customer' } });
  await h.queue.segmentChanged({ workspaceId: ws, segmentId: seg._id, definitionVersion: 1 });
  for (const p of profiles)
    await h.queue.contactChanged({ workspaceId: ws, contactId: p._id, reason: 'test' });
  await h.finished(
    ws,
    evaluationId(seg._id, 1),
    evaluateSegmentJobId({ workspaceId: ws, segmentId: seg._id, definitionVersion: 1 }),
  );
  await h.idle(120_000);

  const events = await h.stored(ws);
  const joined = events
    .filter((e) => e.type === 'segment.member.joined')
    .map((e) => e.data.contactId);
  expect(joined).toHaveLength(N);
  expect(new Set(joined)).toEqual(new Set(profiles.map((p) => p._id)));
  const edges = await h.edges().find({ workspaceId: ws }).lean<MembershipDoc[]>();
  expect(edges).toHaveLength(N);
  expect(edges.every((e) => e.member && e.transitions === 1 && e.history.length === 1)).toBe(true);
}, 300_000);
