import { connect, JSONCodec, type NatsConnection } from 'nats';
import {
  RPC,
  type Contact,
  type Deal,
  type EventEnvelope,
  type Pipeline,
  type RequestContext,
} from '@switchboard/contracts';
import { buildEvent, newId, RpcClient, SubjectNamespace } from '@switchboard/messaging';
import type { RunningService } from '@switchboard/runtime';
import { NatsTap, startInProcess, testNamespace, waitFor } from '@switchboard/testing';
import { contactsService } from '../../contacts/src/app.module';
import { ContactsConfig } from '../../contacts/src/config';
import { dealsService } from '../src/app.module';
import { DealsConfig } from '../src/config';

const ns = testNamespace();
const subjects = new SubjectNamespace(ns.natsPrefix);
let contacts: RunningService;
let deals: RunningService;
let rpc: RpcClient;
let nc: NatsConnection;

const ctx = (workspaceId: string, actorId = 'admin-1', scope: 'all' | 'own' = 'all') =>
  ({
    workspaceId,
    actor: { type: 'user', id: actorId },
    role: scope === 'all' ? 'admin' : 'member',
    capabilities: ['deals.read', 'deals.write', 'contacts.read'],
    scope,
    requestId: newId(),
  }) satisfies RequestContext;

const err = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e,
  );

const contactIn = (ws: string, name = 'Ada'): Promise<Contact> =>
  rpc.call(RPC.contacts.create, ctx(ws), { displayName: name });

const pipelineIn = (ws: string, requireLostReason = false): Promise<Pipeline> =>
  rpc.call(RPC.deals.createPipeline, ctx(ws), {
    name: 'Sales',
    requireLostReason,
    stages: [
      { name: 'Lead', category: 'open' },
      { name: 'Proposal', category: 'open', probability: 50 },
      { name: 'Won', category: 'won' },
      { name: 'Lost', category: 'lost' },
    ],
  });

const dealIn = (ws: string, p: Pipeline, c: Contact, extra: Record<string, unknown> = {}) =>
  rpc.call(RPC.deals.create, ctx(ws), {
    title: 'Deal',
    pipelineId: p.id,
    contactId: c.id,
    ...extra,
  });

beforeAll(async () => {
  contacts = await startInProcess(ns, 'contacts', ContactsConfig, contactsService);
  deals = await startInProcess(ns, 'deals', DealsConfig, dealsService);
  rpc = new RpcClient({ servers: ns.natsUrl, ns: subjects });
  await rpc.connect();
  nc = await connect({ servers: ns.natsUrl });
});

afterAll(async () => {
  await rpc.close();
  await nc.close();
  await deals.stop();
  await contacts.stop();
});

describe('pipelines', () => {
  it('creates ordered stages with default probabilities; lists and gets them', async () => {
    const p = await pipelineIn('ws-p');
    expect(p.stages.map((s) => [s.name, s.category, s.probability])).toEqual([
      ['Lead', 'open', 10],
      ['Proposal', 'open', 50],
      ['Won', 'won', 100],
      ['Lost', 'lost', 0],
    ]);
    await expect(rpc.call(RPC.deals.getPipeline, ctx('ws-p'), { id: p.id })).resolves.toEqual(p);
    const page = await rpc.call(RPC.deals.listPipelines, ctx('ws-p'), { limit: 10 });
    expect(page.items.map((x) => x.id)).toEqual([p.id]);
    expect(await err(rpc.call(RPC.deals.getPipeline, ctx('ws-other'), { id: p.id }))).toMatchObject(
      {
        code: 'not_found',
      },
    );
  });

  it('needs an open stage; pipelines belong to nobody, so scope "own" may configure them', async () => {
    await expect(
      rpc.call(RPC.deals.createPipeline, ctx('ws-p', 'm1', 'own'), {
        name: 'Mine',
        stages: [{ name: 'A', category: 'open' }],
      }),
    ).resolves.toMatchObject({ name: 'Mine' });
    expect(
      await err(
        rpc.call(RPC.deals.createPipeline, ctx('ws-p'), {
          name: 'X',
          stages: [{ name: 'Won', category: 'won' }],
        }),
      ),
    ).toMatchObject({ code: 'validation_failed' });
  });

  it('refuses to delete or recategorise a stage holding deals unless the deals are moved', async () => {
    const p = await pipelineIn('ws-s');
    const c = await contactIn('ws-s');
    const d = await dealIn('ws-s', p, c);
    const [lead, proposal, won, lost] = p.stages;
    const keep = [proposal, won, lost].map(({ id, name, category }) => ({ id, name, category }));
    expect(
      await err(
        rpc.call(RPC.deals.updatePipeline, ctx('ws-s'), { id: p.id, patch: { stages: keep } }),
      ),
    ).toMatchObject({ code: 'conflict', details: { stageId: lead.id, dealCount: 1 } });
    expect(
      await err(rpc.call(RPC.deals.deleteStage, ctx('ws-s'), { id: p.id, stageId: lead.id })),
    ).toMatchObject({ code: 'conflict' });
    expect(
      await err(
        rpc.call(RPC.deals.updatePipeline, ctx('ws-s'), {
          id: p.id,
          patch: { stages: [{ id: lead.id, name: 'Lead', category: 'lost' }, ...keep] },
        }),
      ),
    ).toMatchObject({ code: 'conflict' });
    // The refusal left the stage open for business.
    const after = await rpc.call(RPC.deals.getPipeline, ctx('ws-s'), { id: p.id });
    expect(after.stages).toHaveLength(4);

    const updated = await rpc.call(RPC.deals.deleteStage, ctx('ws-s'), {
      id: p.id,
      stageId: lead.id,
      moveTo: proposal.id,
    });
    expect(updated.stages.map((s) => s.name)).toEqual(['Proposal', 'Won', 'Lost']);
    const moved = await rpc.call(RPC.deals.get, ctx('ws-s'), { id: d.id });
    expect(moved.stageId).toBe(proposal.id);
    expect(moved.stageHistory.map((v) => v.stageName)).toEqual(['Lead', 'Proposal']);

    // An empty stage goes by PATCH; new stages are added and renamed ones keep their id.
    const renamed = await rpc.call(RPC.deals.updatePipeline, ctx('ws-s'), {
      id: p.id,
      patch: {
        name: 'Renamed',
        stages: [
          { id: proposal.id, name: 'Offer', category: 'open' },
          { name: 'Negotiation', category: 'open' },
          { id: won.id, name: 'Won', category: 'won' },
        ],
      },
    });
    expect(renamed.stages.map((s) => s.name)).toEqual(['Offer', 'Negotiation', 'Won']);
    expect(renamed.stages[0].id).toBe(proposal.id);
  });
});

describe('deals', () => {
  it('creates a deal in the first open stage, checks the contact, publishes deal.created', async () => {
    const tap = await NatsTap.open<EventEnvelope>(nc, `${ns.natsPrefix}crm.ws-d.deal.>`);
    const p = await pipelineIn('ws-d');
    const c = await contactIn('ws-d');
    const d = await dealIn('ws-d', p, c, {
      amount: { value: 1200.5, currency: 'EUR' },
      expectedCloseDate: '2026-12-31',
      tags: ['big', 'big'],
      customFields: { source_id: 'x1' },
      companyId: 'company-1',
    });
    expect(d).toMatchObject({
      stageId: p.stages[0].id,
      status: 'open',
      probability: 10,
      contactId: c.id,
      companyId: 'company-1',
      amount: { value: 1200.5, currency: 'EUR' },
      ownerId: null,
      tags: ['big'],
      outcome: null,
      version: 1,
    });
    const msg = await tap.waitFor((m) => m.data.aggregate.id === d.id);
    expect(msg.data).toMatchObject({ type: 'deal.created', data: { contactId: c.id, deal: d } });
    await tap.close();

    const other = await contactIn('ws-d2');
    expect(await err(dealIn('ws-d', p, other))).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'contactId' }],
    });
    expect(
      await err(rpc.call(RPC.deals.create, ctx('ws-d'), { title: 'x', pipelineId: p.id } as never)),
    ).toMatchObject({ code: 'validation_failed' });
    expect(await err(dealIn('ws-d', { ...p, id: newId() }, c))).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'pipelineId' }],
    });
    expect(await err(dealIn('ws-d', p, c, { stageId: p.stages[2].id }))).toMatchObject({
      code: 'validation_failed',
    });
  });

  it('moves through stages keeping history; won and lost record the outcome and publish', async () => {
    const tap = await NatsTap.open<EventEnvelope>(nc, `${ns.natsPrefix}crm.ws-m.deal.>`);
    const p = await pipelineIn('ws-m', true);
    const c = await contactIn('ws-m');
    const [, proposal, won, lost] = p.stages;
    const d = await dealIn('ws-m', p, c);
    const moved = await rpc.call(RPC.deals.move, ctx('ws-m', 'mover'), {
      id: d.id,
      stageId: proposal.id,
    });
    expect(moved).toMatchObject({ stageId: proposal.id, probability: 50, status: 'open' });
    expect(moved.stageHistory).toMatchObject([
      { stageName: 'Lead', leftBy: { id: 'mover' }, leftAt: expect.any(String) },
      { stageName: 'Proposal', enteredBy: { id: 'mover' }, leftAt: null },
    ]);
    expect(
      await err(rpc.call(RPC.deals.move, ctx('ws-m'), { id: d.id, stageId: lost.id })),
    ).toMatchObject({ code: 'validation_failed', errors: [{ path: 'lostReason' }] });
    const lostDeal = await rpc.call(RPC.deals.move, ctx('ws-m'), {
      id: d.id,
      stageId: lost.id,
      lostReason: 'budget',
    });
    expect(lostDeal).toMatchObject({
      status: 'lost',
      outcome: { status: 'lost', lostReason: 'budget' },
    });
    const wonDeal = await rpc.call(RPC.deals.move, ctx('ws-m'), { id: d.id, stageId: won.id });
    expect(wonDeal).toMatchObject({ status: 'won', probability: 100, outcome: { status: 'won' } });
    expect(wonDeal.stageHistory).toHaveLength(4);
    expect(
      await err(rpc.call(RPC.deals.move, ctx('ws-m'), { id: d.id, stageId: newId() })),
    ).toMatchObject({ code: 'validation_failed' });

    await tap.waitFor((m) => m.data.type === 'deal.won');
    const types = tap.messages.filter((m) => m.data.aggregate.id === d.id).map((m) => m.data.type);
    expect(types).toEqual([
      'deal.created',
      'deal.stage.changed',
      'deal.stage.changed',
      'deal.lost',
      'deal.stage.changed',
      'deal.won',
    ]);
    const lostEvent = tap.messages.find((m) => m.data.type === 'deal.lost')!;
    expect(lostEvent.data.data).toMatchObject({ contactId: c.id, lostReason: 'budget' });
    await tap.close();
  });

  it('updates partially (null clears) and filters lists', async () => {
    const p = await pipelineIn('ws-l');
    const c1 = await contactIn('ws-l', 'One');
    const c2 = await contactIn('ws-l', 'Two');
    const a = await dealIn('ws-l', p, c1, { ownerId: 'admin-1', expectedCloseDate: '2026-01-10' });
    const b = await dealIn('ws-l', p, c2, { companyId: 'co-9', expectedCloseDate: '2026-03-01' });
    const won = await dealIn('ws-l', p, c2);
    await rpc.call(RPC.deals.move, ctx('ws-l'), { id: won.id, stageId: p.stages[2].id });
    const patched = await rpc.call(RPC.deals.update, ctx('ws-l'), {
      id: b.id,
      patch: { title: 'Bigger', amount: { value: 10, currency: 'USD' }, companyId: null },
    });
    expect(patched).toMatchObject({ title: 'Bigger', companyId: null, version: 2 });

    const ids = async (q: Record<string, unknown>) =>
      (await rpc.call(RPC.deals.list, ctx('ws-l'), { limit: 50, ...q })).items.map((d) => d.id);
    expect(await ids({})).toEqual([won.id, b.id, a.id]);
    expect(await ids({ ownerId: 'me' })).toEqual([a.id]);
    expect(await ids({ ownerId: 'none' })).toEqual([won.id, b.id]);
    expect(await ids({ contactId: c2.id, status: 'open' })).toEqual([b.id]);
    expect(await ids({ status: 'won' })).toEqual([won.id]);
    expect(await ids({ stageId: p.stages[0].id, pipelineId: p.id })).toEqual([b.id, a.id]);
    expect(await ids({ closeFrom: '2026-02-01', closeTo: '2026-03-01' })).toEqual([b.id]);
    expect(await ids({ closeTo: '2026-01-31' })).toEqual([a.id]);
    const first = await rpc.call(RPC.deals.list, ctx('ws-l'), { limit: 2 });
    const second = await rpc.call(RPC.deals.list, ctx('ws-l'), {
      limit: 2,
      cursor: first.nextCursor!,
    });
    expect([...first.items, ...second.items].map((d) => d.id)).toEqual([won.id, b.id, a.id]);
    expect(await ids({ companyId: 'co-9' })).toEqual([]);
    expect((await rpc.call(RPC.deals.list, ctx('ws-none'), { limit: 50 })).items).toEqual([]);
  });

  it('scope "own" writes only deals it owns or that nobody owns', async () => {
    const p = await pipelineIn('ws-o');
    const c = await contactIn('ws-o');
    const member = ctx('ws-o', 'member-1', 'own');
    const theirs = await dealIn('ws-o', p, c, { ownerId: 'someone-else' });
    const unowned = await dealIn('ws-o', p, c);
    const move = { stageId: p.stages[1].id };
    expect(await err(rpc.call(RPC.deals.move, member, { id: theirs.id, ...move }))).toMatchObject({
      code: 'forbidden',
    });
    expect(
      await err(rpc.call(RPC.deals.update, member, { id: theirs.id, patch: { title: 'x' } })),
    ).toMatchObject({ code: 'forbidden' });
    await expect(
      rpc.call(RPC.deals.move, member, { id: unowned.id, ...move }),
    ).resolves.toMatchObject(move);
    expect(
      await err(
        rpc.call(RPC.deals.update, member, { id: unowned.id, patch: { ownerId: 'someone-else' } }),
      ),
    ).toMatchObject({ code: 'forbidden' });
    await expect(
      rpc.call(RPC.deals.update, member, { id: unowned.id, patch: { ownerId: 'member-1' } }),
    ).resolves.toMatchObject({ ownerId: 'member-1' });
    expect(
      await err(
        rpc.call(RPC.deals.create, member, {
          title: 't',
          pipelineId: p.id,
          contactId: c.id,
          ownerId: 'x',
        }),
      ),
    ).toMatchObject({ code: 'forbidden' });
    await expect(rpc.call(RPC.deals.get, member, { id: theirs.id })).resolves.toMatchObject({
      id: theirs.id,
    });
  });

  it('keeps workspaces apart on every operation', async () => {
    const p = await pipelineIn('ws-t');
    const c = await contactIn('ws-t');
    const d = await dealIn('ws-t', p, c);
    const bob = ctx('ws-bob');
    const calls = [
      () => rpc.call(RPC.deals.get, bob, { id: d.id }),
      () => rpc.call(RPC.deals.move, bob, { id: d.id, stageId: p.stages[1].id }),
      () => rpc.call(RPC.deals.update, bob, { id: d.id, patch: { title: 'x' } }),
      () => rpc.call(RPC.deals.board, bob, { id: p.id, limit: 5 }),
      () => rpc.call(RPC.deals.boardStage, bob, { id: p.id, stageId: p.stages[0].id, limit: 5 }),
      () => rpc.call(RPC.deals.updatePipeline, bob, { id: p.id, patch: { name: 'x' } }),
      () => rpc.call(RPC.deals.deleteStage, bob, { id: p.id, stageId: p.stages[1].id }),
    ];
    for (const call of calls) expect(await err(call())).toMatchObject({ code: 'not_found' });
    // A deal in another workspace's pipeline cannot be created either.
    expect(await err(dealIn('ws-bob', p, await contactIn('ws-bob')))).toMatchObject({
      code: 'validation_failed',
    });
  });
});

describe('board', () => {
  it('has every stage with count, sums per currency, the first page, and pages within a stage', async () => {
    const p = await pipelineIn('ws-b');
    const c = await contactIn('ws-b');
    const [lead, proposal, won] = p.stages;
    const amounts = [
      { value: 100.1, currency: 'EUR' },
      { value: 0.2, currency: 'EUR' },
      { value: 50, currency: 'USD' },
    ];
    const created: Deal[] = [];
    for (const amount of amounts) created.push(await dealIn('ws-b', p, c, { amount }));
    created.push(await dealIn('ws-b', p, c));
    await rpc.call(RPC.deals.move, ctx('ws-b'), { id: created[2].id, stageId: won.id });

    const board = await rpc.call(RPC.deals.board, ctx('ws-b'), { id: p.id, limit: 2 });
    expect(board.pipeline.id).toBe(p.id);
    expect(board.stages.map((s) => [s.stage.name, s.count, s.amounts])).toEqual([
      ['Lead', 3, [{ currency: 'EUR', value: 100.3 }]],
      ['Proposal', 0, []],
      ['Won', 1, [{ currency: 'USD', value: 50 }]],
      ['Lost', 0, []],
    ]);
    const leadColumn = board.stages[0];
    expect(leadColumn.deals.map((d) => d.id)).toEqual([created[3].id, created[1].id]);
    expect(leadColumn.nextCursor).toEqual(expect.any(String));
    const rest = await rpc.call(RPC.deals.boardStage, ctx('ws-b'), {
      id: p.id,
      stageId: lead.id,
      limit: 2,
      cursor: leadColumn.nextCursor!,
    });
    expect(rest.deals.map((d) => d.id)).toEqual([created[0].id]);
    expect(rest.nextCursor).toBeNull();
    expect(rest.count).toBe(3);
    expect(board.stages[1].stage.id).toBe(proposal.id);
  });
});

describe('contact.merged', () => {
  it("moves the duplicate's deals to the survivor, once", async () => {
    const p = await pipelineIn('ws-g');
    const survivor = await contactIn('ws-g', 'Survivor');
    const duplicate = await contactIn('ws-g', 'Duplicate');
    const d1 = await dealIn('ws-g', p, duplicate);
    const d2 = await dealIn('ws-g', p, duplicate);
    const keep = await dealIn('ws-g', p, survivor);
    const event = buildEvent('contact.merged', {
      workspaceId: 'ws-g',
      actor: { type: 'user', id: 'admin-1' },
      aggregateId: survivor.id,
      aggregateVersion: 2,
      data: { survivorId: survivor.id, duplicateId: duplicate.id },
    });
    const js = nc.jetstream();
    const codec = JSONCodec();
    await js.publish(subjects.event('ws-g', 'contact.merged'), codec.encode(event));
    await js.publish(subjects.event('ws-g', 'contact.merged'), codec.encode(event));
    const list = () => rpc.call(RPC.deals.list, ctx('ws-g'), { limit: 50, contactId: survivor.id });
    await waitFor(async () => (await list()).items.length === 3, { what: 'deals re-pointed' });
    const moved = await rpc.call(RPC.deals.get, ctx('ws-g'), { id: d1.id });
    expect(moved).toMatchObject({ contactId: survivor.id, version: 2 });
    expect((await rpc.call(RPC.deals.get, ctx('ws-g'), { id: d2.id })).version).toBe(2);
    expect((await rpc.call(RPC.deals.get, ctx('ws-g'), { id: keep.id })).version).toBe(1);
  });
});
