import { newId } from '@switchboard/messaging';
import { useWorkerHarness } from './support/worker-harness';

/**
 * The worker caches each workspace's definitions (SEGMENT_CACHE_MS). A segment created within
 * that period is not in the cache yet: an explicit request for it must still be applied by the
 * contact job it causes, not wait for the contact's next change.
 */
const h = useWorkerHarness({ SEGMENT_CACHE_MS: '600000' });

beforeAll(async () => {
  await h.startWorker();
});

it('applies an include for a segment created after the cache was filled', async () => {
  const ws = newId();
  const customers = await h.segment(ws, {
    name: 'Customers',
    filter: { field: 'stage', op: 'eq', value: 'customer' },
  });
  const p = await h.insertProfile(ws, { stage: 'customer' });
  // A contact job fills the cache with the one segment there is.
  await h.queue.contactChanged({ workspaceId: ws, contactId: p._id, reason: 'test' });
  await h.waitEvent(ws, 'joined', p._id, customers._id);

  // A static segment stored now (its own definition job has not run) and an include in it.
  const listed = await h.segment(ws, { name: 'Listed', type: 'static' });
  await h.setExplicit(ws, listed._id, p._id, 'include');
  await h.queue.explicitChanged({ workspaceId: ws, contactId: p._id, reason: 'explicit' });
  await h.waitEvent(ws, 'joined', p._id, listed._id, 30_000);
  expect(await h.edge(ws, listed._id, p._id)).toMatchObject({ member: true, via: 'explicit' });
});
