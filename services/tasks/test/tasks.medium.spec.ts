import { JSONCodec, type NatsConnection } from 'nats';
import { RPC, type Contact, type EventEnvelope, type RequestContext } from '@switchboard/contracts';
import { buildEvent, newId, RpcClient, SubjectNamespace } from '@switchboard/messaging';
import type { RunningService } from '@switchboard/runtime';
import { NatsTap, startInProcess, testNamespace, waitFor } from '@switchboard/testing';
import { contactsService } from '../../contacts/src/app.module';
import { ContactsConfig } from '../../contacts/src/config';
import { dealsService } from '../../deals/src/app.module';
import { DealsConfig } from '../../deals/src/config';
import { tasksService } from '../src/app.module';
import { TasksConfig } from '../src/config';

const ns = testNamespace();
const subjects = new SubjectNamespace(ns.natsPrefix);
const running: RunningService[] = [];
let rpc: RpcClient;
let nc: NatsConnection;

const ctx = (workspaceId: string, actorId = 'admin-1', scope: 'all' | 'own' = 'all') =>
  ({
    workspaceId,
    actor: { type: 'user', id: actorId },
    role: scope === 'all' ? 'admin' : 'member',
    capabilities: ['tasks.read', 'tasks.write', 'deals.read', 'contacts.read'],
    scope,
    requestId: newId(),
  }) satisfies RequestContext;
const err = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );
const contactIn = (ws: string): Promise<Contact> =>
  rpc.call(RPC.contacts.create, ctx(ws), { displayName: 'Ada' });
const taskOn = (ws: string, contactId: string, extra: Record<string, unknown> = {}) =>
  rpc.call(RPC.tasks.create, ctx(ws), {
    title: 'Call',
    anchor: { type: 'contact', id: contactId },
    ...extra,
  });

beforeAll(async () => {
  running.push(await startInProcess(ns, 'contacts', ContactsConfig, contactsService));
  running.push(await startInProcess(ns, 'deals', DealsConfig, dealsService));
  running.push(await startInProcess(ns, 'tasks', TasksConfig, tasksService));
  rpc = new RpcClient({ ...ns.natsOptions(), ns: subjects });
  await rpc.connect();
  nc = await ns.natsConnect();
});

afterAll(async () => {
  await rpc.close();
  await nc.close();
  for (const s of running.reverse()) await s.stop();
});

describe('tasks', () => {
  it('creates tasks anchored to a contact, a deal or a company, checking the anchor', async () => {
    const tap = await NatsTap.open<EventEnvelope>(nc, `${ns.natsPrefix}crm.ws-a.task.>`);
    const c = await contactIn('ws-a');
    const t = await taskOn('ws-a', c.id, { description: 'about pricing', priority: 'high' });
    expect(t).toMatchObject({
      status: 'open',
      assigneeId: null,
      priority: 'high',
      contactId: c.id,
      createdBy: { id: 'admin-1' },
    });
    const msg = await tap.waitFor((m) => m.data.aggregate.id === t.id);
    expect(msg.data).toMatchObject({ type: 'task.created', data: { contactId: c.id, task: t } });
    await tap.close();

    const p = await rpc.call(RPC.deals.createPipeline, ctx('ws-a'), {
      name: 'P',
      stages: [{ name: 'Open', category: 'open' }],
    });
    const d = await rpc.call(RPC.deals.create, ctx('ws-a'), {
      title: 'D',
      pipelineId: p.id,
      contactId: c.id,
    });
    const onDeal = await rpc.call(RPC.tasks.create, ctx('ws-a'), {
      title: 'Send offer',
      anchor: { type: 'deal', id: d.id },
    });
    expect(onDeal).toMatchObject({ anchor: { type: 'deal', id: d.id }, contactId: c.id });
    const onCompany = await rpc.call(RPC.tasks.create, ctx('ws-a'), {
      title: 'Research',
      anchor: { type: 'company', id: 'company-1' },
    });
    expect(onCompany.contactId).toBeNull();
    for (const anchor of [
      { type: 'contact', id: newId() },
      { type: 'deal', id: newId() },
      { type: 'contact', id: (await contactIn('ws-b')).id },
    ] as const) {
      expect(
        await err(rpc.call(RPC.tasks.create, ctx('ws-a'), { title: 'x', anchor })),
      ).toMatchObject({ code: 'validation_failed', errors: [{ path: 'anchor.id' }] });
    }
  });

  it('lists by pool, assignee (me), anchor and status, sorted by due time', async () => {
    const c = await contactIn('ws-l');
    const other = await contactIn('ws-l');
    const late = await taskOn('ws-l', c.id, { dueAt: '2030-01-03T00:00:00.000Z' });
    const none = await taskOn('ws-l', c.id);
    const early = await taskOn('ws-l', c.id, { dueAt: '2030-01-01T00:00:00.000Z' });
    const mine = await taskOn('ws-l', other.id, {
      assigneeId: 'admin-1',
      dueAt: '2030-01-02T00:00:00.000Z',
    });
    await rpc.call(RPC.tasks.complete, ctx('ws-l'), { id: early.id });
    const ids = async (q: Record<string, unknown>) =>
      (await rpc.call(RPC.tasks.list, ctx('ws-l'), { limit: 50, ...q })).items.map((t) => t.id);
    expect(await ids({})).toEqual([early.id, mine.id, late.id, none.id]);
    expect(await ids({ pool: true })).toEqual([early.id, late.id, none.id]);
    expect(await ids({ pool: true, status: 'open' })).toEqual([late.id, none.id]);
    expect(await ids({ assigneeId: 'me' })).toEqual([mine.id]);
    expect(await ids({ anchorType: 'contact', anchorId: other.id })).toEqual([mine.id]);
    expect(await ids({ status: 'completed' })).toEqual([early.id]);
    const first = await rpc.call(RPC.tasks.list, ctx('ws-l'), { limit: 3 });
    const next = await rpc.call(RPC.tasks.list, ctx('ws-l'), {
      limit: 3,
      cursor: first.nextCursor!,
    });
    expect(next.items.map((t) => t.id)).toEqual([none.id]);
    expect((await rpc.call(RPC.tasks.list, ctx('ws-x'), { limit: 50 })).items).toEqual([]);
  });

  it('lets exactly one of two concurrent claims take a pool task', async () => {
    const c = await contactIn('ws-c');
    for (let round = 0; round < 5; round++) {
      const t = await taskOn('ws-c', c.id);
      const results = await Promise.allSettled([
        rpc.call(RPC.tasks.claim, ctx('ws-c', 'alice', 'own'), { id: t.id }),
        rpc.call(RPC.tasks.claim, ctx('ws-c', 'bob', 'own'), { id: t.id }),
      ]);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r) => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost[0]).toMatchObject({ reason: { code: 'conflict' } });
      const winner = (won[0] as PromiseFulfilledResult<{ assigneeId: string }>).value.assigneeId;
      const stored = await rpc.call(RPC.tasks.get, ctx('ws-c'), { id: t.id });
      expect(stored.assigneeId).toBe(winner);
      expect(stored.version).toBe(2);
    }
  });

  it('completes recording who and when; scope "own" touches only its own or pool tasks', async () => {
    const c = await contactIn('ws-o');
    const member = ctx('ws-o', 'member-1', 'own');
    const theirs = await taskOn('ws-o', c.id, { assigneeId: 'someone' });
    for (const call of [
      () => rpc.call(RPC.tasks.complete, member, { id: theirs.id }),
      () => rpc.call(RPC.tasks.update, member, { id: theirs.id, patch: { title: 'x' } }),
      () => rpc.call(RPC.tasks.delete, member, { id: theirs.id }),
      () => rpc.call(RPC.tasks.claim, member, { id: theirs.id }),
    ]) {
      expect(await err(call())).toMatchObject({
        code: expect.stringMatching(/forbidden|conflict/),
      });
    }
    expect(
      await err(
        rpc.call(RPC.tasks.create, member, {
          title: 'x',
          anchor: { type: 'contact', id: c.id },
          assigneeId: 'someone',
        }),
      ),
    ).toMatchObject({ code: 'forbidden' });
    const pool = await taskOn('ws-o', c.id);
    const done = await rpc.call(RPC.tasks.complete, member, { id: pool.id });
    expect(done).toMatchObject({
      status: 'completed',
      completedBy: { type: 'user', id: 'member-1' },
      completedAt: expect.any(String),
    });
    expect(await err(rpc.call(RPC.tasks.complete, member, { id: pool.id }))).toMatchObject({
      code: 'conflict',
    });
    for (const call of [
      () => rpc.call(RPC.tasks.get, ctx('ws-bob'), { id: pool.id }),
      () => rpc.call(RPC.tasks.claim, ctx('ws-bob'), { id: pool.id }),
      () => rpc.call(RPC.tasks.complete, ctx('ws-bob'), { id: pool.id }),
      () => rpc.call(RPC.tasks.delete, ctx('ws-bob'), { id: pool.id }),
    ]) {
      expect(await err(call())).toMatchObject({ code: 'not_found' });
    }
  });

  it("follows its deal's contact when the deal moves to another contact", async () => {
    const first = await contactIn('ws-f');
    const second = await contactIn('ws-f');
    const p = await rpc.call(RPC.deals.createPipeline, ctx('ws-f'), {
      name: 'P',
      stages: [{ name: 'Open', category: 'open' }],
    });
    const d = await rpc.call(RPC.deals.create, ctx('ws-f'), {
      title: 'D',
      pipelineId: p.id,
      contactId: first.id,
    });
    const t = await rpc.call(RPC.tasks.create, ctx('ws-f'), {
      title: 'On the deal',
      anchor: { type: 'deal', id: d.id },
    });
    expect(t.contactId).toBe(first.id);
    await rpc.call(RPC.deals.update, ctx('ws-f'), { id: d.id, patch: { contactId: second.id } });
    const moved = await waitFor(async () => {
      const got = await rpc.call(RPC.tasks.get, ctx('ws-f'), { id: t.id });
      return got.contactId === second.id ? got : undefined;
    });
    expect(moved.anchor).toEqual({ type: 'deal', id: d.id });
  });

  it('re-anchors tasks of a merged duplicate to the survivor', async () => {
    const survivor = await contactIn('ws-g');
    const duplicate = await contactIn('ws-g');
    const t = await taskOn('ws-g', duplicate.id);
    const event = buildEvent('contact.merged', {
      workspaceId: 'ws-g',
      actor: { type: 'user', id: 'admin-1' },
      aggregateId: survivor.id,
      aggregateVersion: 2,
      data: { survivorId: survivor.id, duplicateId: duplicate.id },
    });
    await nc
      .jetstream()
      .publish(subjects.event('ws-g', 'contact.merged'), JSONCodec().encode(event));
    const moved = await waitFor(async () => {
      const got = await rpc.call(RPC.tasks.get, ctx('ws-g'), { id: t.id });
      return got.anchor.id === survivor.id ? got : undefined;
    });
    expect(moved).toMatchObject({ contactId: survivor.id, version: 2 });
  });
});
