import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import mongoose from 'mongoose';
import {
  CAPABILITIES,
  QUEUES,
  RPC,
  type RequestContext,
  type Segment,
} from '@switchboard/contracts';
import { newId, RpcClient, SubjectNamespace } from '@switchboard/messaging';
import type { RunningService } from '@switchboard/runtime';
import {
  evaluationId,
  evaluationModel,
  explicitModel,
  membershipId,
  membershipModel,
  profileModel,
  type MembershipDoc,
  type ProfileDoc,
} from '@switchboard/segment-store';
import { NatsTap, startInProcess, testNamespace, waitFor } from '@switchboard/testing';
import { contactsService } from '../../contacts/src/app.module';
import { ContactsConfig } from '../../contacts/src/config';
import { segmentsService } from '../src/app.module';
import { SegmentsConfig } from '../src/config';
import { PREVIEW_LIMITS } from '../src/segments/preview.service';
import { SegmentsRepository } from '../src/segments/segments.repository';

/**
 * The segments API against real FerretDB/MongoDB, NATS and Redis, with the contacts service it
 * asks for custom-field definitions and contacts. No worker runs here: the tests write the
 * worker's edges and evaluation records themselves, and read the jobs the API enqueued.
 */
const ns = testNamespace();
const subjects = new SubjectNamespace(ns.natsPrefix);
let contacts: RunningService;
let segments: RunningService;
let rpc: RpcClient;
let redis: IORedis;
let queue: Queue;
let db: mongoose.Connection;
let tap: NatsTap<{ type: string; data: Record<string, unknown>; aggregate: { id: string } }>;

const ctx = (workspaceId: string): RequestContext => ({
  workspaceId,
  actor: { type: 'user', id: 'admin-1' },
  role: 'admin',
  capabilities: [...CAPABILITIES],
  scope: 'all',
  requestId: newId(),
});
const err = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as { code: string; errors?: { path: string; code?: string }[] },
  );

const STAGE_CUSTOMER = { field: 'stage', op: 'eq', value: 'customer' };
const VIP = { field: 'tags', op: 'has_any', value: ['vip'] };
const dynamic = (ws: string, filter: unknown, name = `Seg ${newId()}`): Promise<Segment> =>
  rpc.call(RPC.segments.create, ctx(ws), {
    name,
    type: 'dynamic',
    filter: filter as Record<string, unknown>,
  });

const profile = (ws: string, id: string, extra: Partial<ProfileDoc> = {}): ProfileDoc => ({
  _id: id,
  workspaceId: ws,
  contactId: id,
  version: 1,
  rev: 1,
  displayName: `Contact ${id}`,
  email: `${id}@example.com`,
  status: 'active',
  tags: [],
  channels: [],
  custom: {},
  fit: {},
  activity: {},
  activitySeen: [],
  segments: [],
  createdAt: new Date(),
  ...extra,
});

const edge = (
  ws: string,
  segmentId: string,
  contactId: string,
  member: boolean,
  via: 'rule' | 'explicit' = 'rule',
): MembershipDoc => ({
  _id: membershipId(segmentId, contactId),
  workspaceId: ws,
  segmentId,
  contactId,
  member,
  via: member ? via : null,
  explicit: null,
  ruleMatch: member,
  transitions: 1,
  joinedAt: new Date('2026-12-01T10:00:00Z'),
  leftAt: member ? null : new Date('2026-12-02T10:00:00Z'),
  history: [],
  updatedAt: new Date(),
});

const events = (type: string, segmentId: string) =>
  tap.messages.filter((m) => m.data.type === type && m.data.aggregate.id === segmentId);

beforeAll(async () => {
  contacts = await startInProcess(ns, 'contacts', ContactsConfig, contactsService);
  segments = await startInProcess(ns, 'segments', SegmentsConfig, segmentsService);
  rpc = new RpcClient({ ...ns.natsOptions(), ns: subjects, signer: ns.rpcSigner() });
  await rpc.connect();
  redis = new IORedis(ns.redisUrl, { maxRetriesPerRequest: null });
  queue = new Queue(QUEUES.segmentEvaluation, { connection: redis, prefix: ns.queuePrefix });
  db = await mongoose.createConnection(ns.mongoUrl, { dbName: ns.db('segments') }).asPromise();
  tap = await NatsTap.open(ns, `${ns.natsPrefix}crm.*.segment.>`);
});

afterAll(async () => {
  await tap.close();
  await db.close();
  await queue.close();
  await redis.quit();
  await rpc.close();
  await segments.stop();
  await contacts.stop();
});

describe('definitions', () => {
  it('creates a dynamic segment: evaluating, a full evaluation enqueued, segment.created published', async () => {
    const s = await dynamic('ws-a', { and: [STAGE_CUSTOMER, VIP] }, 'VIP customers');
    expect(s).toMatchObject({
      name: 'VIP customers',
      type: 'dynamic',
      status: 'evaluating',
      memberCount: 0,
      definitionVersion: 1,
      version: 1,
      dependsOn: { segments: [], relativeTime: false, activity: false },
      filter: { and: [STAGE_CUSTOMER, VIP] },
    });
    const job = await queue.getJob(`seg-${s.id}-v1`);
    expect(job?.name).toBe('evaluate-segment');
    expect(job?.data).toEqual({ workspaceId: 'ws-a', segmentId: s.id, definitionVersion: 1 });
    const [created] = await waitFor(
      () => events('segment.created', s.id).length > 0 && events('segment.created', s.id),
    );
    expect(created.subject).toBe(`${ns.natsPrefix}crm.ws-a.segment.created`);
    expect(created.data.data).toMatchObject({ segment: { id: s.id, name: 'VIP customers' } });
    await expect(rpc.call(RPC.segments.get, ctx('ws-a'), { id: s.id })).resolves.toEqual(s);
  });

  it('a static segment is ready at once and takes no filter; a dynamic one needs one', async () => {
    const s = await rpc.call(RPC.segments.create, ctx('ws-a'), { name: 'Hand', type: 'static' });
    expect(s).toMatchObject({ status: 'ready', filter: null, memberCount: 0 });
    expect(await queue.getJob(`seg-${s.id}-v1`)).toBeUndefined();
    expect(
      await err(
        rpc.call(RPC.segments.create, ctx('ws-a'), {
          name: 'X',
          type: 'static',
          filter: STAGE_CUSTOMER,
        }),
      ),
    ).toMatchObject({ code: 'validation_failed', errors: [{ path: 'filter' }] });
    expect(
      await err(rpc.call(RPC.segments.create, ctx('ws-a'), { name: 'X', type: 'dynamic' })),
    ).toMatchObject({ code: 'validation_failed', errors: [{ path: 'filter' }] });
  });

  it('refuses bad filters with precise paths and codes', async () => {
    const bad = async (filter: unknown) =>
      (await err(dynamic('ws-v', filter)))?.errors?.map((e) => [e.path, e.code]);
    expect(await bad({ and: [STAGE_CUSTOMER, { field: 'nope', op: 'eq', value: 1 }] })).toEqual([
      ['filter.and.1.field', 'unknown_field'],
    ]);
    expect(await bad({ field: 'tags', op: 'gt', value: 3 })).toEqual([
      ['filter.op', 'op_not_allowed'],
    ]);
    expect(await bad({ field: 'custom.plan', op: 'in', value: ['pro'] })).toEqual([
      ['filter.field', 'unknown_custom_field'],
    ]);
    let deep: unknown = STAGE_CUSTOMER;
    for (let i = 0; i < 10; i++) deep = { not: deep };
    expect((await bad(deep))?.[0]?.[1]).toBe('too_deep');
    const many = { or: Array.from({ length: 101 }, () => STAGE_CUSTOMER) };
    expect((await bad(many))?.map((e) => e[1])).toContain('too_many_conditions');
    expect(await bad({ segment: newId(), op: 'in' })).toEqual([
      ['filter.segment', 'unknown_segment'],
    ]);
  });

  it("checks custom fields against the workspace's definitions (types and options)", async () => {
    await rpc.call(RPC.contacts.createCustomField, ctx('ws-c'), {
      entity: 'contact',
      slug: 'plan',
      label: 'Plan',
      type: 'select',
      options: ['free', 'pro', 'team'],
    });
    const ok = await dynamic('ws-c', { field: 'custom.plan', op: 'in', value: ['pro', 'team'] });
    expect(ok.filter).toEqual({ field: 'custom.plan', op: 'in', value: ['pro', 'team'] });
    const e = await err(dynamic('ws-c', { field: 'custom.plan', op: 'in', value: ['gold'] }));
    expect(e).toMatchObject({ code: 'validation_failed' });
    expect(e?.errors?.[0]).toMatchObject({ code: 'unknown_option' });
    expect(e?.errors?.[0]?.path).toMatch(/^filter\.value/);
    // Another workspace has no such field.
    expect(
      (await err(dynamic('ws-c2', { field: 'custom.plan', op: 'in', value: ['pro'] })))?.errors,
    ).toMatchObject([{ code: 'unknown_custom_field' }]);
  });

  it('edits: a new filter moves the definition version and enqueues it; a rename does not', async () => {
    const s = await dynamic('ws-e', STAGE_CUSTOMER);
    const renamed = await rpc.call(RPC.segments.update, ctx('ws-e'), {
      id: s.id,
      patch: { name: 'Renamed' },
    });
    expect(renamed).toMatchObject({ name: 'Renamed', version: 2, definitionVersion: 1 });
    const refiltered = await rpc.call(RPC.segments.update, ctx('ws-e'), {
      id: s.id,
      patch: { filter: VIP },
    });
    expect(refiltered).toMatchObject({ version: 3, definitionVersion: 2, status: 'evaluating' });
    expect((await queue.getJob(`seg-${s.id}-v2`))?.data).toMatchObject({ definitionVersion: 2 });
    const updates = await waitFor(() => {
      const u = events('segment.updated', s.id);
      return u.length === 2 && u;
    });
    expect(updates.map((u) => u.data.data.changes)).toEqual([['name'], ['filter']]);
    expect(updates.map((u) => u.data.data.reevaluating)).toEqual([false, true]);
    // Same filter again: nothing changes, no new version.
    const same = await rpc.call(RPC.segments.update, ctx('ws-e'), {
      id: s.id,
      patch: { filter: VIP },
    });
    expect(same.version).toBe(3);
    // A stale version is refused.
    expect(
      await err(
        rpc.call(RPC.segments.update, ctx('ws-e'), { id: s.id, patch: { name: 'X', version: 1 } }),
      ),
    ).toMatchObject({ code: 'version_conflict' });
    // To static: the filter goes, a new definition version is evaluated (rule members leave).
    const toStatic = await rpc.call(RPC.segments.update, ctx('ws-e'), {
      id: s.id,
      patch: { type: 'static' },
    });
    expect(toStatic).toMatchObject({ type: 'static', filter: null, definitionVersion: 3 });
    expect(await queue.getJob(`seg-${s.id}-v3`)).toBeDefined();
  });

  it('segment of segments: references must be live, cycles are refused, a read segment cannot be deleted', async () => {
    const a = await dynamic('ws-g', STAGE_CUSTOMER);
    const b = await dynamic('ws-g', { and: [{ segment: a.id, op: 'in' }, VIP] });
    expect(b.dependsOn.segments).toEqual([a.id]);
    const c = await dynamic('ws-g', { segment: b.id, op: 'not_in' });

    const cycle = await err(
      rpc.call(RPC.segments.update, ctx('ws-g'), {
        id: a.id,
        patch: { filter: { segment: c.id, op: 'in' } },
      }),
    );
    expect(cycle).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'filter', code: 'segment_cycle' }],
    });
    const self = await err(
      rpc.call(RPC.segments.update, ctx('ws-g'), {
        id: a.id,
        patch: { filter: { segment: a.id, op: 'in' } },
      }),
    );
    expect(self).toMatchObject({ errors: [{ code: 'segment_cycle' }] });
    // A segment of another workspace is unknown here.
    const foreign = await dynamic('ws-g2', STAGE_CUSTOMER);
    expect((await err(dynamic('ws-g', { segment: foreign.id, op: 'in' })))?.errors).toMatchObject([
      { path: 'filter.segment', code: 'unknown_segment' },
    ]);

    expect(await err(rpc.call(RPC.segments.delete, ctx('ws-g'), { id: a.id }))).toMatchObject({
      code: 'conflict',
      details: { dependents: [b.id] },
    });
    await rpc.call(RPC.segments.delete, ctx('ws-g'), { id: c.id });
    await rpc.call(RPC.segments.delete, ctx('ws-g'), { id: b.id });
    // Deleted: gone from reads, and no filter may name it.
    expect(await err(rpc.call(RPC.segments.get, ctx('ws-g'), { id: b.id }))).toMatchObject({
      code: 'not_found',
    });
    expect((await err(dynamic('ws-g', { segment: b.id, op: 'in' })))?.errors).toMatchObject([
      { code: 'unknown_segment' },
    ]);
    expect((await queue.getJob(`del-ws-g-${b.id}`))?.data).toEqual({
      workspaceId: 'ws-g',
      segmentId: b.id,
    });
    await waitFor(() => events('segment.deleted', b.id).length === 1);
    // A repeated DELETE is not found, and enqueues the members' removal again (in case the
    // first enqueue was lost).
    await (await queue.getJob(`del-ws-g-${b.id}`))!.remove();
    expect(await err(rpc.call(RPC.segments.delete, ctx('ws-g'), { id: b.id }))).toMatchObject({
      code: 'not_found',
    });
    expect(await queue.getJob(`del-ws-g-${b.id}`)).toBeDefined();
    expect(events('segment.deleted', b.id)).toHaveLength(1);
    const list = await rpc.call(RPC.segments.list, ctx('ws-g'), { limit: 50 });
    expect(list.items.map((s) => s.id).sort()).toEqual([a.id].sort());
  });

  it('a cycle closed by an edit that landed during the check is undone after the write', async () => {
    const a = await dynamic('ws-r', STAGE_CUSTOMER);
    const b = await dynamic('ws-r', { segment: a.id, op: 'in' });
    // The check reads the graph as it was before b's edit landed (b read nothing then).
    const repo = segments.app.get(SegmentsRepository);
    const real = repo.liveRefs.bind(repo);
    const spy = jest
      .spyOn(repo, 'liveRefs')
      .mockImplementationOnce(async (ws) =>
        (await real(ws)).map((r) =>
          r._id === b.id ? { ...r, dependsOn: { ...r.dependsOn, segments: [] } } : r,
        ),
      );
    try {
      const e = await err(
        rpc.call(RPC.segments.update, ctx('ws-r'), {
          id: a.id,
          patch: { filter: { segment: b.id, op: 'in' } },
        }),
      );
      expect(e).toMatchObject({ code: 'validation_failed', errors: [{ code: 'segment_cycle' }] });
    } finally {
      spy.mockRestore();
    }
    const after = await rpc.call(RPC.segments.get, ctx('ws-r'), { id: a.id });
    expect(after).toMatchObject({
      filter: STAGE_CUSTOMER,
      dependsOn: { segments: [] },
      definitionVersion: 3,
    });
    expect((await queue.getJob(`seg-${a.id}-v3`))?.data).toMatchObject({ definitionVersion: 3 });
    const updates = await waitFor(() => {
      const u = events('segment.updated', a.id);
      return u.length === 2 && u;
    });
    expect(updates.map((u) => (u.data.data.segment as { filter: unknown }).filter)).toEqual([
      { segment: b.id, op: 'in' },
      STAGE_CUSTOMER,
    ]);
  });

  it('status follows the evaluation record of the current version; memberCount counts member edges', async () => {
    const s = await dynamic('ws-s', STAGE_CUSTOMER);
    await membershipModel(db).insertMany([
      edge('ws-s', s.id, 'c1', true),
      edge('ws-s', s.id, 'c2', true, 'explicit'),
      edge('ws-s', s.id, 'c3', false),
      edge('ws-other', s.id, 'c4', true),
    ]);
    const evaluations = evaluationModel(db);
    const record = {
      workspaceId: 'ws-s',
      segmentId: s.id,
      startedAt: new Date(),
      cursor: null,
      scanned: 3,
      joined: 2,
      left: 0,
      memberCount: 2,
      updatedAt: new Date(),
    };
    await evaluations.insertMany([
      { ...record, _id: evaluationId(s.id, 1), definitionVersion: 1, finishedAt: null },
    ]);
    await expect(rpc.call(RPC.segments.get, ctx('ws-s'), { id: s.id })).resolves.toMatchObject({
      status: 'evaluating',
      memberCount: 2,
    });
    await evaluations.updateOne(
      { workspaceId: 'ws-s', _id: evaluationId(s.id, 1) },
      { $set: { finishedAt: new Date() } },
    );
    await expect(rpc.call(RPC.segments.get, ctx('ws-s'), { id: s.id })).resolves.toMatchObject({
      status: 'ready',
      memberCount: 2,
    });
    const listed = await rpc.call(RPC.segments.list, ctx('ws-s'), { limit: 10 });
    expect(listed.items).toMatchObject([{ id: s.id, status: 'ready', memberCount: 2 }]);
    // A new definition version is evaluating again until its own record finishes.
    const moved = await rpc.call(RPC.segments.update, ctx('ws-s'), {
      id: s.id,
      patch: { filter: VIP },
    });
    expect(moved.status).toBe('evaluating');
  });

  it('is scoped by workspace: another workspace reads, edits and deletes nothing', async () => {
    const s = await dynamic('ws-t1', STAGE_CUSTOMER);
    for (const call of [
      () => rpc.call(RPC.segments.get, ctx('ws-t2'), { id: s.id }),
      () => rpc.call(RPC.segments.update, ctx('ws-t2'), { id: s.id, patch: { name: 'x' } }),
      () => rpc.call(RPC.segments.delete, ctx('ws-t2'), { id: s.id }),
      () => rpc.call(RPC.segments.members, ctx('ws-t2'), { id: s.id, limit: 10 }),
      () =>
        rpc.call(RPC.segments.updateMembers, ctx('ws-t2'), {
          id: s.id,
          changes: { add: [], remove: [], reset: ['x'] },
        }),
      () => rpc.call(RPC.segments.explain, ctx('ws-t2'), { id: s.id, contactId: 'x' }),
    ]) {
      expect(await err(call())).toMatchObject({ code: 'not_found' });
    }
    const page = await rpc.call(RPC.segments.list, ctx('ws-t2'), { limit: 10 });
    expect(page.items).toEqual([]);
    await expect(rpc.call(RPC.segments.get, ctx('ws-t1'), { id: s.id })).resolves.toMatchObject({
      version: 1,
      name: s.name,
    });
  });

  it('lists by name with a cursor', async () => {
    for (const n of ['b', 'a', 'c']) {
      await rpc.call(RPC.segments.create, ctx('ws-l'), { name: n, type: 'static' });
    }
    const first = await rpc.call(RPC.segments.list, ctx('ws-l'), { limit: 2 });
    expect(first.items.map((s) => s.name)).toEqual(['a', 'b']);
    const second = await rpc.call(RPC.segments.list, ctx('ws-l'), {
      limit: 2,
      cursor: first.nextCursor!,
    });
    expect(second).toMatchObject({ items: [{ name: 'c' }], nextCursor: null });
  });
});

describe('members', () => {
  it('lists member edges by contact id with a cursor, and the segments of a contact', async () => {
    const s = await rpc.call(RPC.segments.create, ctx('ws-m'), { name: 'M', type: 'static' });
    const t = await dynamic('ws-m', STAGE_CUSTOMER, 'T');
    const gone = await rpc.call(RPC.segments.create, ctx('ws-m'), { name: 'Gone', type: 'static' });
    await membershipModel(db).insertMany([
      edge('ws-m', s.id, 'm3', true),
      edge('ws-m', s.id, 'm1', true, 'explicit'),
      edge('ws-m', s.id, 'm2', false),
      edge('ws-m', s.id, 'm4', true),
      edge('ws-m', t.id, 'm1', true),
      edge('ws-m', gone.id, 'm1', true),
    ]);
    await rpc.call(RPC.segments.delete, ctx('ws-m'), { id: gone.id });
    const first = await rpc.call(RPC.segments.members, ctx('ws-m'), { id: s.id, limit: 2 });
    expect(first.items).toEqual([
      { contactId: 'm1', via: 'explicit', joinedAt: '2026-12-01T10:00:00.000Z' },
      { contactId: 'm3', via: 'rule', joinedAt: '2026-12-01T10:00:00.000Z' },
    ]);
    const second = await rpc.call(RPC.segments.members, ctx('ws-m'), {
      id: s.id,
      limit: 2,
      cursor: first.nextCursor!,
    });
    expect(second).toEqual({
      items: [{ contactId: 'm4', via: 'rule', joinedAt: '2026-12-01T10:00:00.000Z' }],
      nextCursor: null,
    });
    const ofContact = await rpc.call(RPC.segments.ofContact, ctx('ws-m'), {
      contactId: 'm1',
      limit: 50,
    });
    expect(ofContact.items.map((i) => [i.segmentId, i.name, i.via]).sort()).toEqual(
      [
        [s.id, 'M', 'explicit'],
        [t.id, 'T', 'rule'],
      ].sort(),
    );
    // Another workspace does not know the contact: not found, rather than an empty list.
    expect(
      await err(rpc.call(RPC.segments.ofContact, ctx('ws-m2'), { contactId: 'm1', limit: 50 })),
    ).toMatchObject({ code: 'not_found' });
    // A contact of the workspace in no segment (maybe not projected yet): an empty list.
    const lone = await rpc.call(RPC.contacts.create, ctx('ws-m'), { displayName: 'Lone' });
    await expect(
      rpc.call(RPC.segments.ofContact, ctx('ws-m'), { contactId: lone.id, limit: 50 }),
    ).resolves.toEqual({ items: [], nextCursor: null });
    await expect(
      rpc.call(RPC.segments.explain, ctx('ws-m'), { id: t.id, contactId: lone.id }),
    ).resolves.toMatchObject({ member: false, via: null, explicit: null });
    expect(
      await err(rpc.call(RPC.segments.explain, ctx('ws-m2'), { id: t.id, contactId: lone.id })),
    ).toMatchObject({ code: 'not_found' });
  });

  it('records explicit includes, excludes and resets, and asks the worker to evaluate each contact', async () => {
    const s = await dynamic('ws-x', STAGE_CUSTOMER);
    await profileModel(db).insertMany([profile('ws-x', 'p1'), profile('ws-x', 'p2')]);
    const contact = await rpc.call(RPC.contacts.create, ctx('ws-x'), { displayName: 'Fresh' });
    const res = await rpc.call(RPC.segments.updateMembers, ctx('ws-x'), {
      id: s.id,
      changes: { add: ['p1', contact.id], remove: ['p2'] },
    });
    expect(res).toEqual({ included: 2, excluded: 1, reset: 0 });
    const stored = async () =>
      (await explicitModel(db).find({ workspaceId: 'ws-x', segmentId: s.id }).lean())
        .map((e) => [e.contactId, e.explicit, e.by])
        .sort();
    expect(await stored()).toEqual(
      [
        ['p1', 'include', 'admin-1'],
        [contact.id, 'include', 'admin-1'],
        ['p2', 'exclude', 'admin-1'],
      ].sort(),
    );
    // One job per request, not the contact's coalesced one (which may be running: decision 0075).
    const jobs = (await queue.getJobs(['waiting', 'prioritized', 'delayed', 'active']))
      .filter((j) => j.name === 'evaluate-contact' && j.id?.startsWith('c-') === false)
      .map((j) => j.data as unknown);
    for (const id of ['p1', 'p2', contact.id]) {
      expect(jobs).toContainEqual({ workspaceId: 'ws-x', contactId: id, reason: 'explicit' });
    }
    // p1 turns from include to exclude; p2's exclude is forgotten (the rule decides again).
    await rpc.call(RPC.segments.updateMembers, ctx('ws-x'), {
      id: s.id,
      changes: { remove: ['p1'], reset: ['p2'] },
    });
    expect(await stored()).toEqual(
      [
        ['p1', 'exclude', 'admin-1'],
        [contact.id, 'include', 'admin-1'],
      ].sort(),
    );
  });

  it('refuses contacts that are not in the workspace, naming each one', async () => {
    const s = await rpc.call(RPC.segments.create, ctx('ws-y'), { name: 'Y', type: 'static' });
    await profileModel(db).insertMany([profile('ws-y', 'y1'), profile('ws-y2', 'y2')]);
    const e = await err(
      rpc.call(RPC.segments.updateMembers, ctx('ws-y'), {
        id: s.id,
        changes: { add: ['y1', 'y2'], remove: ['nobody'] },
      }),
    );
    expect(e).toMatchObject({
      code: 'validation_failed',
      errors: [
        { path: 'add.1', code: 'not_found' },
        { path: 'remove.0', code: 'not_found' },
      ],
    });
    expect(await explicitModel(db).countDocuments({ workspaceId: 'ws-y' })).toBe(0);
    expect(
      await err(
        rpc.call(RPC.segments.updateMembers, ctx('ws-y'), {
          id: s.id,
          changes: { add: ['y1'], remove: ['y1'] },
        }),
      ),
    ).toMatchObject({ code: 'validation_failed', errors: [{ path: 'changes.remove.0' }] });
  });
});

describe('preview and explain', () => {
  it('counts and samples the active profiles a filter selects, in the workspace only', async () => {
    await profileModel(db).insertMany([
      profile('ws-p', 'a1', { stage: 'customer', tags: ['vip'] }),
      profile('ws-p', 'a2', { stage: 'customer', tags: [] }),
      profile('ws-p', 'a3', { stage: 'customer', tags: ['vip', 'x'] }),
      profile('ws-p', 'a4', { stage: 'customer', tags: ['vip'], status: 'archived' }),
      profile('ws-p', 'a5', { stage: 'lead', tags: ['vip'] }),
      profile('ws-p2', 'a6', { stage: 'customer', tags: ['vip'] }),
    ]);
    const res = await rpc.call(RPC.segments.preview, ctx('ws-p'), {
      filter: { and: [STAGE_CUSTOMER, VIP] },
      sampleSize: 5,
    });
    expect(res).toMatchObject({ count: 2, truncated: false });
    expect(res.sample.map((x) => x.contactId).sort()).toEqual(['a1', 'a3']);
    expect(res.sample[0]).toMatchObject({
      displayName: expect.any(String),
      email: expect.any(String),
    });
    const few = await rpc.call(RPC.segments.preview, ctx('ws-p'), { filter: VIP, sampleSize: 1 });
    expect(few.count).toBe(3);
    expect(few.sample).toHaveLength(1);
    expect(
      await err(
        rpc.call(RPC.segments.preview, ctx('ws-p'), {
          filter: { field: 'stage', op: 'has_all', value: 1 },
        }),
      ),
    ).toMatchObject({ code: 'validation_failed', errors: [{ path: 'filter.op' }] });
    // Relative dates and activity windows are evaluated at the current clock.
    await profileModel(db).insertMany([
      profile('ws-p3', 'r1', {
        activity: { 'email:opened': { [new Date().toISOString().slice(0, 10)]: 3 } },
      }),
      profile('ws-p3', 'r2', { createdAt: new Date(Date.now() - 30 * 86_400_000) }),
    ]);
    const opened = await rpc.call(RPC.segments.preview, ctx('ws-p3'), {
      filter: { activity: 'email.opened', count: { gte: 3 }, within: { days: 30 } },
    });
    expect(opened.sample.map((x) => x.contactId)).toEqual(['r1']);
    const recent = await rpc.call(RPC.segments.preview, ctx('ws-p3'), {
      filter: { field: 'createdAt', op: 'within_last', value: { days: 7 } },
    });
    expect(recent.sample.map((x) => x.contactId)).toEqual(['r1']);
  });

  it('stops at its bound and says the count is partial', async () => {
    await profileModel(db).insertMany(
      ['t1', 't2', 't3', 't4', 't5'].map((id) => profile('ws-pt', id, { stage: 'customer' })),
    );
    const saved = PREVIEW_LIMITS.maxScanned;
    PREVIEW_LIMITS.maxScanned = 2;
    try {
      const res = await rpc.call(RPC.segments.preview, ctx('ws-pt'), { filter: STAGE_CUSTOMER });
      expect(res).toMatchObject({ count: 2, scanned: 2, truncated: true });
    } finally {
      PREVIEW_LIMITS.maxScanned = saved;
    }
    const all = await rpc.call(RPC.segments.preview, ctx('ws-pt'), { filter: STAGE_CUSTOMER });
    expect(all).toMatchObject({ count: 5, scanned: 5, truncated: false });
  });

  it('explains a contact: every condition with what was observed, next to the edge', async () => {
    const s = await dynamic('ws-q', { and: [STAGE_CUSTOMER, VIP] });
    await profileModel(db).insertMany([
      profile('ws-q', 'q1', { stage: 'customer', tags: ['other'] }),
    ]);
    await membershipModel(db).insertMany([edge('ws-q', s.id, 'q1', true, 'explicit')]);
    await explicitModel(db).insertMany([
      {
        _id: membershipId(s.id, 'q1'),
        workspaceId: 'ws-q',
        segmentId: s.id,
        contactId: 'q1',
        explicit: 'include',
        by: 'admin-1',
        at: new Date(),
      },
    ]);
    const x = await rpc.call(RPC.segments.explain, ctx('ws-q'), { id: s.id, contactId: 'q1' });
    expect(x).toMatchObject({
      member: true,
      via: 'explicit',
      explicit: 'include',
      active: true,
      ruleMatch: false,
      joinedAt: '2026-12-01T10:00:00.000Z',
      conditions: {
        condition: 'and',
        held: false,
        children: [
          { condition: STAGE_CUSTOMER, held: true, actual: 'customer' },
          { condition: VIP, held: false, actual: ['other'] },
        ],
      },
    });
    expect(
      await err(rpc.call(RPC.segments.explain, ctx('ws-q'), { id: s.id, contactId: 'nobody' })),
    ).toMatchObject({ code: 'not_found' });
  });
});

describe('read scope (decision 0106)', () => {
  /** A caller that reads only the contacts it owns (the factory role, or a custom one). */
  const scoped = (ws: string): RequestContext => ({
    ...ctx(ws),
    actor: { type: 'user', id: 'u-own' },
    scope: 'own',
    readScope: 'own',
  });

  it('pages and counts only the members the caller owns, cursors included', async () => {
    const s = await rpc.call(RPC.segments.create, ctx('ws-rs'), { name: 'Scoped', type: 'static' });
    const ids = ['rs1', 'rs2', 'rs3', 'rs4', 'rs5'];
    await profileModel(db).insertMany([
      ...ids.map((id, i) =>
        profile('ws-rs', id, { ownerId: i % 2 === 0 ? 'u-own' : 'u-other', segments: [s.id] }),
      ),
      profile('ws-rs', 'rs6', { ownerId: 'u-own' }), // owned, in no segment
      profile('ws-rs2', 'rs7', { ownerId: 'u-own', segments: [s.id] }), // another workspace
    ]);
    await membershipModel(db).insertMany(ids.map((id) => edge('ws-rs', s.id, id, true)));

    const first = await rpc.call(RPC.segments.members, scoped('ws-rs'), { id: s.id, limit: 2 });
    expect(first.items.map((m) => m.contactId)).toEqual(['rs1', 'rs3']);
    expect(first.items[0]).toEqual({
      contactId: 'rs1',
      via: 'rule',
      joinedAt: '2026-12-01T10:00:00.000Z',
    });
    const second = await rpc.call(RPC.segments.members, scoped('ws-rs'), {
      id: s.id,
      limit: 2,
      cursor: first.nextCursor!,
    });
    expect(second.items.map((m) => m.contactId)).toEqual(['rs5']);
    expect(second.nextCursor).toBeNull();
    const everyone = await rpc.call(RPC.segments.members, ctx('ws-rs'), { id: s.id, limit: 10 });
    expect(everyone.items).toHaveLength(5);

    const asScoped = await rpc.call(RPC.segments.get, scoped('ws-rs'), { id: s.id });
    expect(asScoped.memberCount).toBe(3);
    const asAdmin = await rpc.call(RPC.segments.get, ctx('ws-rs'), { id: s.id });
    expect(asAdmin.memberCount).toBe(5);
  });

  it('previews over the contacts the caller owns only, whatever the filter says of owners', async () => {
    await profileModel(db).insertMany([
      profile('ws-rp', 'rp1', { stage: 'customer', ownerId: 'u-own' }),
      profile('ws-rp', 'rp2', { stage: 'customer', ownerId: 'u-other' }),
      profile('ws-rp', 'rp3', { stage: 'customer', ownerId: null }),
      profile('ws-rp', 'rp4', { stage: 'lead', ownerId: 'u-own' }),
    ]);
    const mine = await rpc.call(RPC.segments.preview, scoped('ws-rp'), { filter: STAGE_CUSTOMER });
    expect(mine).toMatchObject({ count: 1, scanned: 1 });
    expect(mine.sample.map((x) => x.contactId)).toEqual(['rp1']);
    const all = await rpc.call(RPC.segments.preview, ctx('ws-rp'), { filter: STAGE_CUSTOMER });
    expect(all.count).toBe(3);
    // A filter naming another owner finds nothing for the scoped caller, everything for others.
    const theirs = { field: 'ownerId', op: 'eq', value: 'u-other' };
    await expect(
      rpc.call(RPC.segments.preview, scoped('ws-rp'), { filter: theirs }),
    ).resolves.toMatchObject({ count: 0 });
    await expect(
      rpc.call(RPC.segments.preview, ctx('ws-rp'), { filter: theirs }),
    ).resolves.toMatchObject({ count: 1 });
  });

  it('explains only contacts the caller may read; another owner’s is not found', async () => {
    const s = await dynamic('ws-re', STAGE_CUSTOMER);
    const own = await rpc.call(RPC.contacts.create, ctx('ws-re'), {
      displayName: 'Own',
      ownerId: 'u-own',
    });
    const other = await rpc.call(RPC.contacts.create, ctx('ws-re'), {
      displayName: 'Other',
      ownerId: 'u-other',
    });
    await expect(
      rpc.call(RPC.segments.explain, scoped('ws-re'), { id: s.id, contactId: own.id }),
    ).resolves.toMatchObject({ contactId: own.id });
    expect(
      await err(rpc.call(RPC.segments.explain, scoped('ws-re'), { id: s.id, contactId: other.id })),
    ).toMatchObject({ code: 'not_found' });
    await expect(
      rpc.call(RPC.segments.explain, ctx('ws-re'), { id: s.id, contactId: other.id }),
    ).resolves.toMatchObject({ contactId: other.id });
  });
});
