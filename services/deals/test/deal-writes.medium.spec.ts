import { RPC, type EventEnvelope } from '@switchboard/contracts';
import { newId } from '@switchboard/messaging';
import { NatsTap } from '@switchboard/testing';
import { useDealsHarness } from './support/deals-harness';

const h = useDealsHarness();
const { ctx, err, contactIn, pipelineIn, dealIn, ns } = h;

describe('deals', () => {
  it('creates a deal in the first open stage, checks the contact, publishes deal.created', async () => {
    const tap = await NatsTap.open<EventEnvelope>(h.nc, `${ns.natsPrefix}crm.ws-d.deal.>`);
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
      await err(
        h.rpc.call(RPC.deals.create, ctx('ws-d'), { title: 'x', pipelineId: p.id } as never),
      ),
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
    const tap = await NatsTap.open<EventEnvelope>(h.nc, `${ns.natsPrefix}crm.ws-m.deal.>`);
    const p = await pipelineIn('ws-m', true);
    const c = await contactIn('ws-m');
    const [, proposal, won, lost] = p.stages;
    const d = await dealIn('ws-m', p, c);
    const moved = await h.rpc.call(RPC.deals.move, ctx('ws-m', 'mover'), {
      id: d.id,
      stageId: proposal.id,
    });
    expect(moved).toMatchObject({ stageId: proposal.id, probability: 50, status: 'open' });
    expect(moved.stageHistory).toMatchObject([
      { stageName: 'Lead', leftBy: { id: 'mover' }, leftAt: expect.any(String) },
      { stageName: 'Proposal', enteredBy: { id: 'mover' }, leftAt: null },
    ]);
    expect(
      await err(h.rpc.call(RPC.deals.move, ctx('ws-m'), { id: d.id, stageId: lost.id })),
    ).toMatchObject({ code: 'validation_failed', errors: [{ path: 'lostReason' }] });
    const lostDeal = await h.rpc.call(RPC.deals.move, ctx('ws-m'), {
      id: d.id,
      stageId: lost.id,
      lostReason: 'budget',
    });
    expect(lostDeal).toMatchObject({
      status: 'lost',
      outcome: { status: 'lost', lostReason: 'budget' },
    });
    const wonDeal = await h.rpc.call(RPC.deals.move, ctx('ws-m'), { id: d.id, stageId: won.id });
    expect(wonDeal).toMatchObject({ status: 'won', probability: 100, outcome: { status: 'won' } });
    expect(wonDeal.stageHistory).toHaveLength(4);
    expect(
      await err(h.rpc.call(RPC.deals.move, ctx('ws-m'), { id: d.id, stageId: newId() })),
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
    await h.rpc.call(RPC.deals.move, ctx('ws-l'), { id: won.id, stageId: p.stages[2].id });
    const patched = await h.rpc.call(RPC.deals.update, ctx('ws-l'), {
      id: b.id,
      patch: { title: 'Bigger', amount: { value: 10, currency: 'USD' }, companyId: null },
    });
    expect(patched).toMatchObject({ title: 'Bigger', companyId: null, version: 2 });

    const ids = async (q: Record<string, unknown>) =>
      (await h.rpc.call(RPC.deals.list, ctx('ws-l'), { limit: 50, ...q })).items.map((d) => d.id);
    expect(await ids({})).toEqual([won.id, b.id, a.id]);
    expect(await ids({ ownerId: 'me' })).toEqual([a.id]);
    expect(await ids({ ownerId: 'none' })).toEqual([won.id, b.id]);
    expect(await ids({ contactId: c2.id, status: 'open' })).toEqual([b.id]);
    expect(await ids({ status: 'won' })).toEqual([won.id]);
    expect(await ids({ stageId: p.stages[0].id, pipelineId: p.id })).toEqual([b.id, a.id]);
    expect(await ids({ closeFrom: '2026-02-01', closeTo: '2026-03-01' })).toEqual([b.id]);
    expect(await ids({ closeTo: '2026-01-31' })).toEqual([a.id]);
    const first = await h.rpc.call(RPC.deals.list, ctx('ws-l'), { limit: 2 });
    const second = await h.rpc.call(RPC.deals.list, ctx('ws-l'), {
      limit: 2,
      cursor: first.nextCursor!,
    });
    expect([...first.items, ...second.items].map((d) => d.id)).toEqual([won.id, b.id, a.id]);
    expect(await ids({ companyId: 'co-9' })).toEqual([]);
    expect((await h.rpc.call(RPC.deals.list, ctx('ws-none'), { limit: 50 })).items).toEqual([]);
  });

  it('scope "own" writes only deals it owns or that nobody owns', async () => {
    const p = await pipelineIn('ws-o');
    const c = await contactIn('ws-o');
    const member = ctx('ws-o', 'member-1', 'own');
    const theirs = await dealIn('ws-o', p, c, { ownerId: 'someone-else' });
    const unowned = await dealIn('ws-o', p, c);
    const move = { stageId: p.stages[1].id };
    expect(await err(h.rpc.call(RPC.deals.move, member, { id: theirs.id, ...move }))).toMatchObject(
      {
        code: 'forbidden',
      },
    );
    expect(
      await err(h.rpc.call(RPC.deals.update, member, { id: theirs.id, patch: { title: 'x' } })),
    ).toMatchObject({ code: 'forbidden' });
    await expect(
      h.rpc.call(RPC.deals.move, member, { id: unowned.id, ...move }),
    ).resolves.toMatchObject(move);
    expect(
      await err(
        h.rpc.call(RPC.deals.update, member, {
          id: unowned.id,
          patch: { ownerId: 'someone-else' },
        }),
      ),
    ).toMatchObject({ code: 'forbidden' });
    await expect(
      h.rpc.call(RPC.deals.update, member, { id: unowned.id, patch: { ownerId: 'member-1' } }),
    ).resolves.toMatchObject({ ownerId: 'member-1' });
    expect(
      await err(
        h.rpc.call(RPC.deals.create, member, {
          title: 't',
          pipelineId: p.id,
          contactId: c.id,
          ownerId: 'x',
        }),
      ),
    ).toMatchObject({ code: 'forbidden' });
    await expect(h.rpc.call(RPC.deals.get, member, { id: theirs.id })).resolves.toMatchObject({
      id: theirs.id,
    });
  });

  it('keeps workspaces apart on every operation', async () => {
    const p = await pipelineIn('ws-t');
    const c = await contactIn('ws-t');
    const d = await dealIn('ws-t', p, c);
    const bob = ctx('ws-bob');
    const calls = [
      () => h.rpc.call(RPC.deals.get, bob, { id: d.id }),
      () => h.rpc.call(RPC.deals.move, bob, { id: d.id, stageId: p.stages[1].id }),
      () => h.rpc.call(RPC.deals.update, bob, { id: d.id, patch: { title: 'x' } }),
      () => h.rpc.call(RPC.deals.board, bob, { id: p.id, limit: 5 }),
      () => h.rpc.call(RPC.deals.boardStage, bob, { id: p.id, stageId: p.stages[0].id, limit: 5 }),
      () => h.rpc.call(RPC.deals.updatePipeline, bob, { id: p.id, patch: { name: 'x' } }),
      () => h.rpc.call(RPC.deals.deleteStage, bob, { id: p.id, stageId: p.stages[1].id }),
    ];
    for (const call of calls) expect(await err(call())).toMatchObject({ code: 'not_found' });
    // A deal in another workspace's pipeline cannot be created either.
    expect(await err(dealIn('ws-bob', p, await contactIn('ws-bob')))).toMatchObject({
      code: 'validation_failed',
    });
  });
});
