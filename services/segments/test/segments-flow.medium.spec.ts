import { CAPABILITIES, RPC, type RequestContext, type Segment } from '@switchboard/contracts';
import { newId, RpcClient, SubjectNamespace } from '@switchboard/messaging';
import type { RunningService } from '@switchboard/runtime';
import { membershipModel } from '@switchboard/segment-store';
import mongoose from 'mongoose';
import { startInProcess, testNamespace, waitFor } from '@switchboard/testing';
import { contactsService } from '../../contacts/src/app.module';
import { ContactsConfig } from '../../contacts/src/config';
import { segmentWorkerService } from '../../segment-worker/src/app.module';
import { SegmentWorkerConfig } from '../../segment-worker/src/config';
import { segmentsService } from '../src/app.module';
import { SegmentsConfig } from '../src/config';

/**
 * The segments API with everything behind it running: contacts (the source of the profiles),
 * the segments service (API and projection) and the segment worker. What the API shows —
 * status, member count, members, explain, a contact's segments — follows the worker's work.
 */
const ns = testNamespace();
const subjects = new SubjectNamespace(ns.natsPrefix);
const running: RunningService[] = [];
let rpc: RpcClient;
let db: mongoose.Connection;

const WS = 'ws-flow';
const ctx = (workspaceId = WS): RequestContext => ({
  workspaceId,
  actor: { type: 'user', id: 'admin-1' },
  role: 'admin',
  capabilities: [...CAPABILITIES],
  scope: 'all',
  requestId: newId(),
});

beforeAll(async () => {
  running.push(
    await startInProcess(ns, 'contacts', ContactsConfig, contactsService),
    await startInProcess(ns, 'segments', SegmentsConfig, segmentsService),
    await startInProcess(ns, 'segment-worker', SegmentWorkerConfig, segmentWorkerService, {
      SEGMENT_CACHE_MS: '0',
    }),
  );
  rpc = new RpcClient({ ...ns.natsOptions(), ns: subjects });
  await rpc.connect();
  db = await mongoose.createConnection(ns.mongoUrl, { dbName: ns.db('segments') }).asPromise();
});

afterAll(async () => {
  await db.close();
  await rpc.close();
  for (const s of running.reverse()) await s.stop();
});

const members = async (id: string) =>
  (await rpc.call(RPC.segments.members, ctx(), { id, limit: 200 })).items
    .map((m) => `${m.contactId}:${m.via}`)
    .sort();
const until = <T>(probe: () => Promise<T | false>, what: string) =>
  waitFor(probe, { timeoutMs: 30_000, intervalMs: 200, what });

it('status, members, explicit requests, edits, explain and delete follow the worker', async () => {
  const contact = (displayName: string, stage: string, tags: string[] = []) =>
    rpc.call(RPC.contacts.create, ctx(), { displayName, stage, tags });
  const a = await contact('Ann', 'customer', ['vip']);
  const b = await contact('Bob', 'customer');
  const c = await contact('Cid', 'lead');
  const label = new Map([
    [a.id, 'a'],
    [b.id, 'b'],
    [c.id, 'c'],
  ]);
  const named = (list: string[]) =>
    list.map((x) => `${label.get(x.split(':')[0]) ?? x}:${x.split(':')[1]}`).sort();
  // The profiles are projected from the contact events.
  await until(async () => {
    const p = await rpc.call(RPC.segments.preview, ctx(), {
      filter: { field: 'displayName', op: 'exists' },
    });
    return p.count === 3;
  }, 'three projected profiles');

  const s: Segment = await rpc.call(RPC.segments.create, ctx(), {
    name: 'VIP customers',
    type: 'dynamic',
    filter: {
      and: [
        { field: 'stage', op: 'eq', value: 'customer' },
        { field: 'tags', op: 'has_any', value: ['vip'] },
      ],
    },
  });
  const ready = await until(async () => {
    const got = await rpc.call(RPC.segments.get, ctx(), { id: s.id });
    return got.status === 'ready' && got;
  }, 'the first full evaluation');
  expect(ready.memberCount).toBe(1);
  expect(named(await members(s.id))).toEqual(['a:rule']);

  // Explicit requests: c in although the rule says no, a out although it says yes.
  await rpc.call(RPC.segments.updateMembers, ctx(), {
    id: s.id,
    changes: { add: [c.id], remove: [a.id] },
  });
  await until(
    async () => JSON.stringify(named(await members(s.id))) === '["c:explicit"]',
    'explicit requests applied',
  );
  await expect(
    rpc.call(RPC.segments.explain, ctx(), { id: s.id, contactId: a.id }),
  ).resolves.toMatchObject({ member: false, explicit: 'exclude', ruleMatch: true, active: true });
  await expect(
    rpc.call(RPC.segments.explain, ctx(), { id: s.id, contactId: c.id }),
  ).resolves.toMatchObject({
    member: true,
    via: 'explicit',
    explicit: 'include',
    ruleMatch: false,
  });
  const ofC = await rpc.call(RPC.segments.ofContact, ctx(), { contactId: c.id, limit: 50 });
  expect(ofC.items).toMatchObject([{ segmentId: s.id, name: 'VIP customers', via: 'explicit' }]);

  // A wider filter: a new definition version, evaluated in full; the requests still hold.
  const edited = await rpc.call(RPC.segments.update, ctx(), {
    id: s.id,
    patch: { filter: { field: 'stage', op: 'eq', value: 'customer' } },
  });
  expect(edited.definitionVersion).toBe(2);
  await until(async () => {
    const got = await rpc.call(RPC.segments.get, ctx(), { id: s.id });
    return got.status === 'ready' && got.definitionVersion === 2;
  }, 'the evaluation of version 2');
  await until(
    async () => JSON.stringify(named(await members(s.id))) === '["b:rule","c:explicit"]',
    'members of version 2',
  );

  // Forgetting a's exclusion lets the rule decide: a joins.
  await rpc.call(RPC.segments.updateMembers, ctx(), { id: s.id, changes: { reset: [a.id] } });
  await until(
    async () => JSON.stringify(named(await members(s.id))) === '["a:rule","b:rule","c:explicit"]',
    'a back by rule',
  );
  expect((await rpc.call(RPC.segments.get, ctx(), { id: s.id })).memberCount).toBe(3);

  // A static segment holds exactly its explicit members.
  const hand = await rpc.call(RPC.segments.create, ctx(), { name: 'By hand', type: 'static' });
  await rpc.call(RPC.segments.updateMembers, ctx(), { id: hand.id, changes: { add: [c.id] } });
  await until(
    async () => JSON.stringify(named(await members(hand.id))) === '["c:explicit"]',
    'c in the static segment',
  );
  await expect(rpc.call(RPC.segments.get, ctx(), { id: hand.id })).resolves.toMatchObject({
    status: 'ready',
    memberCount: 1,
  });
  const cSegments = await rpc.call(RPC.segments.ofContact, ctx(), { contactId: c.id, limit: 50 });
  expect(cSegments.items.map((x) => x.segmentId).sort()).toEqual([hand.id, s.id].sort());

  // Deleted: gone from reads at once; the worker takes every member out.
  await rpc.call(RPC.segments.delete, ctx(), { id: s.id });
  const page = await rpc.call(RPC.segments.ofContact, ctx(), { contactId: b.id, limit: 50 });
  expect(page.items).toEqual([]);
  await until(
    async () =>
      (await membershipModel(db).countDocuments({
        workspaceId: WS,
        segmentId: s.id,
        member: true,
      })) === 0,
    'members out of the deleted segment',
  );
  expect(await membershipModel(db).countDocuments({ workspaceId: WS, segmentId: s.id })).toBe(3);
});
