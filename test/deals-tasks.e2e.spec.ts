import type { Board, Deal, Pipeline, Session, Task, TimelineEntry } from '@switchboard/contracts';
import { http, newContact, Platform, signUp, testNamespace, waitFor } from '@switchboard/testing';

/**
 * Deals and tasks as a client sees them: every process started, HTTP at the gateway only. A deal
 * runs through a pipeline to won; the board sums and the contact's timeline follow.
 */
const ns = testNamespace();
let platform: Platform;
let alice: Session;
let bob: Session;
let member: Session;

const call = <T>(s: Session, method: string, path: string, body?: unknown) =>
  http<T>(platform.gatewayUrl, method, path, { token: s.accessToken, body });

async function invite(owner: Session, role: string): Promise<Session> {
  const email = `${role}-${Date.now()}@example.com`;
  const inv = await call<{ token: string }>(owner, 'POST', '/v1/invitations', { email, role });
  expect(inv.status).toBe(201);
  const res = await http<Session>(platform.gatewayUrl, 'POST', '/v1/auth/accept-invitation', {
    body: { token: inv.body.token, password: 'correct horse battery staple', name: role },
  });
  expect(res.status).toBe(200);
  return res.body;
}

beforeAll(async () => {
  platform = await Platform.start(ns, ['gateway', 'contacts', 'deals', 'tasks', 'activity']);
  [alice, bob] = await Promise.all([signUp(platform.gatewayUrl), signUp(platform.gatewayUrl)]);
  member = await invite(alice, 'member');
});

afterAll(async () => {
  await platform.stop();
});

describe('deals and tasks through the gateway', () => {
  it('runs a deal through a pipeline to won; board sums and the contact timeline follow', async () => {
    const contact = await newContact(platform.gatewayUrl, alice.accessToken);
    const created = await call<Pipeline>(alice, 'POST', '/v1/pipelines', {
      name: 'Sales',
      requireLostReason: true,
      stages: [
        { name: 'Lead', category: 'open' },
        { name: 'Demo', category: 'open', probability: 40 },
        { name: 'Won', category: 'won' },
        { name: 'Lost', category: 'lost' },
      ],
    });
    expect(created.status).toBe(201);
    const pipeline = created.body;
    const [lead, demo, won, lost] = pipeline.stages;
    const deal = await call<Deal>(alice, 'POST', '/v1/deals', {
      title: 'Annual plan',
      pipelineId: pipeline.id,
      contactId: contact.id,
      amount: { value: 999.99, currency: 'EUR' },
      expectedCloseDate: '2026-12-01',
    });
    expect(deal.status).toBe(201);
    const other = await call<Deal>(alice, 'POST', '/v1/deals', {
      title: 'Add-on',
      pipelineId: pipeline.id,
      contactId: contact.id,
      amount: { value: 0.01, currency: 'EUR' },
    });
    expect(other.status).toBe(201);

    const moved = await call<Deal>(alice, 'POST', `/v1/deals/${deal.body.id}/move`, {
      stageId: demo.id,
    });
    expect(moved.status).toBe(200);
    const noReason = await call<{ code: string }>(
      alice,
      'POST',
      `/v1/deals/${other.body.id}/move`,
      {
        stageId: lost.id,
      },
    );
    expect(noReason.status).toBe(400);
    const closed = await call<Deal>(alice, 'POST', `/v1/deals/${deal.body.id}/move`, {
      stageId: won.id,
    });
    expect(closed.body).toMatchObject({ status: 'won', outcome: { status: 'won' } });
    expect(closed.body.stageHistory.map((v) => v.stageName)).toEqual(['Lead', 'Demo', 'Won']);

    const board = await call<Board>(alice, 'GET', `/v1/pipelines/${pipeline.id}/board`);
    expect(board.status).toBe(200);
    expect(board.body.stages.map((s) => [s.stage.id, s.count, s.amounts])).toEqual([
      [lead.id, 1, [{ currency: 'EUR', value: 0.01 }]],
      [demo.id, 0, []],
      [won.id, 1, [{ currency: 'EUR', value: 999.99 }]],
      [lost.id, 0, []],
    ]);
    const wonList = await call<{ items: Deal[] }>(alice, 'GET', '/v1/deals?status=won');
    expect(wonList.body.items.map((d) => d.id)).toEqual([deal.body.id]);

    const timeline = await waitFor(async () => {
      const res = await call<{ items: TimelineEntry[] }>(
        alice,
        'GET',
        `/v1/contacts/${contact.id}/timeline?limit=50`,
      );
      return res.body.items.some((i) => i.type === 'deal.won') ? res.body.items : undefined;
    });
    const types = timeline.map((i) => i.type);
    expect(types.filter((t) => t === 'deal.created')).toHaveLength(2);
    expect(types.filter((t) => t === 'deal.stage.changed')).toHaveLength(2);
    expect(timeline.find((i) => i.type === 'deal.won')?.summary).toBe('Deal "Annual plan" won');

    for (const path of [
      `/v1/deals/${deal.body.id}`,
      `/v1/pipelines/${pipeline.id}`,
      `/v1/pipelines/${pipeline.id}/board`,
    ]) {
      expect((await call(bob, 'GET', path)).status).toBe(404);
    }
    expect(
      (await call(bob, 'POST', `/v1/deals/${other.body.id}/move`, { stageId: demo.id })).status,
    ).toBe(404);
  });

  it('applies the ownership scope: a member moves only its own or unowned deals, claims pool tasks', async () => {
    const contact = await newContact(platform.gatewayUrl, alice.accessToken);
    const pipeline = (
      await call<Pipeline>(alice, 'POST', '/v1/pipelines', {
        name: 'Scoped',
        stages: [
          { name: 'A', category: 'open' },
          { name: 'B', category: 'open' },
        ],
      })
    ).body;
    const body = { title: 'x', pipelineId: pipeline.id, contactId: contact.id };
    const aliceDeal = (
      await call<Deal>(alice, 'POST', '/v1/deals', { ...body, ownerId: alice.user.id })
    ).body;
    const unowned = (await call<Deal>(alice, 'POST', '/v1/deals', body)).body;
    const to = { stageId: pipeline.stages[1].id };
    expect((await call(member, 'POST', `/v1/deals/${aliceDeal.id}/move`, to)).status).toBe(403);
    expect((await call(member, 'POST', `/v1/deals/${unowned.id}/move`, to)).status).toBe(200);
    expect(
      (await call(member, 'POST', '/v1/deals', { ...body, ownerId: alice.user.id })).status,
    ).toBe(403);

    const task = await call<Task>(alice, 'POST', '/v1/tasks', {
      title: 'Call back',
      anchor: { type: 'deal', id: unowned.id },
      dueAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(task.body).toMatchObject({ assigneeId: null, contactId: contact.id });
    const pool = await call<{ items: Task[] }>(member, 'GET', '/v1/tasks?pool=true');
    expect(pool.body.items.map((t) => t.id)).toContain(task.body.id);
    const claims = await Promise.all([
      call<Task>(member, 'POST', `/v1/tasks/${task.body.id}/claim`),
      call<Task>(alice, 'POST', `/v1/tasks/${task.body.id}/claim`),
    ]);
    expect(claims.map((c) => c.status).sort()).toEqual([200, 409]);
    const winner = claims.find((c) => c.status === 200)!.body.assigneeId;
    const mine = await call<{ items: Task[] }>(
      winner === member.user.id ? member : alice,
      'GET',
      '/v1/tasks?assigneeId=me',
    );
    expect(mine.body.items.map((t) => t.id)).toEqual([task.body.id]);
    const done = await call<Task>(alice, 'POST', `/v1/tasks/${task.body.id}/complete`);
    expect(done.body).toMatchObject({ status: 'completed', completedBy: { id: alice.user.id } });
    expect((await call(bob, 'GET', `/v1/tasks/${task.body.id}`)).status).toBe(404);
    const timeline = await waitFor(async () => {
      const res = await call<{ items: TimelineEntry[] }>(
        alice,
        'GET',
        `/v1/contacts/${contact.id}/timeline?limit=50`,
      );
      return res.body.items.some((i) => i.type === 'task.completed') ? res.body.items : undefined;
    });
    expect(timeline.map((i) => i.type)).toEqual(
      expect.arrayContaining(['task.created', 'task.assigned', 'task.completed']),
    );
  });
});
