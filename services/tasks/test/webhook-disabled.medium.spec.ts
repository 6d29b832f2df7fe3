import { JSONCodec, type NatsConnection } from 'nats';
import { RPC, type Actor, type EventEnvelope, type RequestContext } from '@switchboard/contracts';
import { buildEvent, newId, RpcClient, SubjectNamespace } from '@switchboard/messaging';
import type { RunningService } from '@switchboard/runtime';
import { startInProcess, testNamespace, waitFor } from '@switchboard/testing';
import { tasksService } from '../src/app.module';
import { TasksConfig } from '../src/config';

const ns = testNamespace();
const subjects = new SubjectNamespace(ns.natsPrefix);
let service: RunningService;
let rpc: RpcClient;
let nc: NatsConnection;

const ctx = (workspaceId: string, actorId: string) =>
  ({
    workspaceId,
    actor: { type: 'user', id: actorId },
    role: 'owner',
    capabilities: ['tasks.read', 'tasks.write'],
    scope: 'all',
    requestId: newId(),
  }) satisfies RequestContext;

/** What the webhooks service publishes when it switches a failing endpoint off. */
function disabled(ws: string, owner: Actor, webhookId = newId()): EventEnvelope {
  return buildEvent('webhook.endpoint.disabled', {
    workspaceId: ws,
    actor: { type: 'service', id: 'webhooks' },
    aggregateId: webhookId,
    aggregateVersion: 3,
    data: {
      webhookId,
      url: 'https://hooks.example.com/crm',
      owner,
      failingSince: '2026-12-01T10:00:00.000Z',
      reason: 'failing',
    },
  });
}

const publish = (event: EventEnvelope) =>
  nc.jetstream().publish(subjects.event(event.workspaceId, event.type), JSONCodec().encode(event), {
    msgID: event.id,
  });

const tasksOf = async (ws: string, q: Record<string, unknown>) =>
  (await rpc.call(RPC.tasks.list, ctx(ws, 'owner-1'), { limit: 50, ...q })).items;

beforeAll(async () => {
  service = await startInProcess(ns, 'tasks', TasksConfig, tasksService);
  rpc = new RpcClient({ ...ns.natsOptions(), ns: subjects, signer: ns.rpcSigner() });
  await rpc.connect();
  nc = await ns.natsConnect();
});

afterAll(async () => {
  await rpc.close();
  await nc.close();
  await service.stop();
});

describe('a disabled webhook endpoint becomes a task for its owner', () => {
  it('assigns a high-priority task, anchored to the endpoint, to the user who created it', async () => {
    const event = disabled('ws-w', { type: 'user', id: 'owner-1' });
    await publish(event);
    const [task] = await waitFor(async () => {
      const mine = await tasksOf('ws-w', { assigneeId: 'me' });
      return mine.length > 0 ? mine : undefined;
    });
    expect(task).toMatchObject({
      assigneeId: 'owner-1',
      priority: 'high',
      status: 'open',
      anchor: { type: 'webhook', id: event.aggregate.id },
      contactId: null,
      createdBy: { type: 'service', id: 'webhooks' },
    });
    expect(task?.title).toContain('https://hooks.example.com/crm');
    expect(task?.description).toContain(`PATCH /v1/webhooks/${event.aggregate.id}`);
    const byAnchor = await tasksOf('ws-w', { anchorType: 'webhook', anchorId: event.aggregate.id });
    expect(byAnchor.map((t) => t.id)).toEqual([task?.id]);
  });

  it('makes one task per event, however often the event comes', async () => {
    const event = disabled('ws-d', { type: 'user', id: 'owner-1' });
    await publish(event);
    await waitFor(async () => ((await tasksOf('ws-d', {})).length > 0 ? true : undefined));
    // Redelivered under another message id (a replay): still the same task.
    await nc.jetstream().publish(subjects.event('ws-d', event.type), JSONCodec().encode(event), {
      msgID: `again-${event.id}`,
    });
    const marker = disabled('ws-d', { type: 'user', id: 'owner-2' });
    await publish(marker);
    const tasks = await waitFor(async () => {
      const all = await tasksOf('ws-d', {});
      return all.some((t) => t.assigneeId === 'owner-2') ? all : undefined;
    });
    expect(tasks.filter((t) => t.anchor.id === event.aggregate.id)).toHaveLength(1);
  });

  it('puts the task in the pool when an API key created the endpoint', async () => {
    const event = disabled('ws-k', { type: 'api_key', id: 'key-1' });
    await publish(event);
    const pool = await waitFor(async () => {
      const found = await tasksOf('ws-k', { pool: 'true' });
      return found.length > 0 ? found : undefined;
    });
    expect(pool[0]).toMatchObject({ assigneeId: null, anchor: { id: event.aggregate.id } });
  });

  it('keeps the task in the endpoint’s workspace', async () => {
    const event = disabled('ws-x1', { type: 'user', id: 'owner-1' });
    await publish(event);
    await waitFor(async () => ((await tasksOf('ws-x1', {})).length > 0 ? true : undefined));
    expect(await tasksOf('ws-x2', {})).toEqual([]);
    expect(await tasksOf('ws-x2', { anchorType: 'webhook', anchorId: event.aggregate.id })).toEqual(
      [],
    );
  });
});
