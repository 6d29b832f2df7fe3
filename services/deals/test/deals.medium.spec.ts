import { JSONCodec } from 'nats';
import { RPC, type Deal } from '@switchboard/contracts';
import { buildEvent, DLQ_HEADERS, newId } from '@switchboard/messaging';
import { NatsTap, waitFor } from '@switchboard/testing';
import { ContactErasedConsumer } from '../src/deals/contact-erased.consumer';
import { useDealsHarness } from './support/deals-harness';

const h = useDealsHarness();
const { ctx, err, contactIn, pipelineIn, dealIn, subjects } = h;

describe('pipelines', () => {
  it('creates ordered stages with default probabilities; lists and gets them', async () => {
    const p = await pipelineIn('ws-p');
    expect(p.stages.map((s) => [s.name, s.category, s.probability])).toEqual([
      ['Lead', 'open', 10],
      ['Proposal', 'open', 50],
      ['Won', 'won', 100],
      ['Lost', 'lost', 0],
    ]);
    await expect(h.rpc.call(RPC.deals.getPipeline, ctx('ws-p'), { id: p.id })).resolves.toEqual(p);
    const page = await h.rpc.call(RPC.deals.listPipelines, ctx('ws-p'), { limit: 10 });
    expect(page.items.map((x) => x.id)).toEqual([p.id]);
    expect(
      await err(h.rpc.call(RPC.deals.getPipeline, ctx('ws-other'), { id: p.id })),
    ).toMatchObject({
      code: 'not_found',
    });
  });

  it('needs an open stage; pipelines belong to nobody, so scope "own" may configure them', async () => {
    await expect(
      h.rpc.call(RPC.deals.createPipeline, ctx('ws-p', 'm1', 'own'), {
        name: 'Mine',
        stages: [{ name: 'A', category: 'open' }],
      }),
    ).resolves.toMatchObject({ name: 'Mine' });
    expect(
      await err(
        h.rpc.call(RPC.deals.createPipeline, ctx('ws-p'), {
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
        h.rpc.call(RPC.deals.updatePipeline, ctx('ws-s'), { id: p.id, patch: { stages: keep } }),
      ),
    ).toMatchObject({ code: 'conflict', details: { stageId: lead.id, dealCount: 1 } });
    expect(
      await err(h.rpc.call(RPC.deals.deleteStage, ctx('ws-s'), { id: p.id, stageId: lead.id })),
    ).toMatchObject({ code: 'conflict' });
    expect(
      await err(
        h.rpc.call(RPC.deals.updatePipeline, ctx('ws-s'), {
          id: p.id,
          patch: { stages: [{ id: lead.id, name: 'Lead', category: 'lost' }, ...keep] },
        }),
      ),
    ).toMatchObject({ code: 'conflict' });
    // The refusal left the stage open for business.
    const after = await h.rpc.call(RPC.deals.getPipeline, ctx('ws-s'), { id: p.id });
    expect(after.stages).toHaveLength(4);

    const updated = await h.rpc.call(RPC.deals.deleteStage, ctx('ws-s'), {
      id: p.id,
      stageId: lead.id,
      moveTo: proposal.id,
    });
    expect(updated.stages.map((s) => s.name)).toEqual(['Proposal', 'Won', 'Lost']);
    const moved = await h.rpc.call(RPC.deals.get, ctx('ws-s'), { id: d.id });
    expect(moved.stageId).toBe(proposal.id);
    expect(moved.stageHistory.map((v) => v.stageName)).toEqual(['Lead', 'Proposal']);

    // An empty stage goes by PATCH; new stages are added and renamed ones keep their id.
    const renamed = await h.rpc.call(RPC.deals.updatePipeline, ctx('ws-s'), {
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
    await h.rpc.call(RPC.deals.move, ctx('ws-b'), { id: created[2].id, stageId: won.id });

    const board = await h.rpc.call(RPC.deals.board, ctx('ws-b'), { id: p.id, limit: 2 });
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
    const rest = await h.rpc.call(RPC.deals.boardStage, ctx('ws-b'), {
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
    const js = h.nc.jetstream();
    const codec = JSONCodec();
    await js.publish(subjects.event('ws-g', 'contact.merged'), codec.encode(event));
    await js.publish(subjects.event('ws-g', 'contact.merged'), codec.encode(event));
    const list = () =>
      h.rpc.call(RPC.deals.list, ctx('ws-g'), { limit: 50, contactId: survivor.id });
    await waitFor(async () => (await list()).items.length === 3, { what: 'deals re-pointed' });
    const moved = await h.rpc.call(RPC.deals.get, ctx('ws-g'), { id: d1.id });
    expect(moved).toMatchObject({ contactId: survivor.id, version: 2 });
    expect((await h.rpc.call(RPC.deals.get, ctx('ws-g'), { id: d2.id })).version).toBe(2);
    expect((await h.rpc.call(RPC.deals.get, ctx('ws-g'), { id: keep.id })).version).toBe(1);
  });
});

describe('contact.erased', () => {
  it('keeps the deals without the person, once; a malformed event is dead-lettered', async () => {
    const p = await pipelineIn('ws-e');
    const gone = await contactIn('ws-e', 'Erased');
    const other = await contactIn('ws-e', 'Other');
    const d1 = await dealIn('ws-e', p, gone);
    const keep = await dealIn('ws-e', p, other);
    const dlq = await NatsTap.open(
      h.nc,
      `${h.ns.natsPrefix}dlq.${ContactErasedConsumer.durable}.>`,
    );
    const js = h.nc.jetstream();
    const codec = JSONCodec();
    const subject = subjects.event('ws-e', 'contact.erased');
    // Poison: no contactId. Dead-lettered, and the consumer goes on.
    await js.publish(
      subject,
      codec.encode({
        ...buildEvent('contact.erased', {
          workspaceId: 'ws-e',
          actor: { type: 'user', id: 'admin-1' },
          aggregateId: gone.id,
          aggregateVersion: 2,
          data: { contactId: gone.id, reason: 'request', leadIds: [], suppressedAddresses: 0 },
        }),
        data: { reason: 'request' },
      }),
    );
    const event = buildEvent('contact.erased', {
      workspaceId: 'ws-e',
      actor: { type: 'user', id: 'admin-1' },
      aggregateId: gone.id,
      aggregateVersion: 2,
      data: { contactId: gone.id, reason: 'request', leadIds: [], suppressedAddresses: 0 },
    });
    await js.publish(subject, codec.encode(event));
    await js.publish(subject, codec.encode({ ...event, id: newId() }));
    await waitFor(
      async () =>
        (await h.rpc.call(RPC.deals.get, ctx('ws-e'), { id: d1.id })).contactId === null ||
        undefined,
      { what: 'the deal to forget the contact' },
    );
    await dlq.waitFor(() => dlq.messages.length >= 1);
    expect(dlq.messages.map((m) => m.headers?.get(DLQ_HEADERS.reason))).toEqual(['invalid']);
    expect(await h.rpc.call(RPC.deals.get, ctx('ws-e'), { id: d1.id })).toMatchObject({
      contactId: null,
      version: 2,
    });
    expect(await h.rpc.call(RPC.deals.get, ctx('ws-e'), { id: keep.id })).toMatchObject({
      contactId: other.id,
      version: 1,
    });
    await dlq.close();
  });
});
