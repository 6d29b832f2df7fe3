import { type NatsConnection } from 'nats';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { QUEUES, RPC, type EventEnvelope, type RequestContext } from '@switchboard/contracts';
import { newId, RpcClient, SubjectNamespace } from '@switchboard/messaging';
import type { RunningService } from '@switchboard/runtime';
import { NatsTap, sleep, startInProcess, testNamespace, waitFor } from '@switchboard/testing';
import { contactsService } from '../../contacts/src/app.module';
import { ContactsConfig } from '../../contacts/src/config';
import { tasksService } from '../src/app.module';
import { TasksConfig } from '../src/config';
import { reminderJobId } from '../src/tasks/reminders.repository';

/** Due reminders on BullMQ delayed jobs, with short due times, across restarts of the service. */
const ns = testNamespace();
const subjects = new SubjectNamespace(ns.natsPrefix);
let contacts: RunningService;
let tasks: RunningService;
let rpc: RpcClient;
let nc: NatsConnection;
let tap: NatsTap<EventEnvelope>;
let contactId: string;

const ctx: RequestContext = {
  workspaceId: 'ws-r',
  actor: { type: 'user', id: 'u1' },
  role: 'admin',
  capabilities: [],
  scope: 'all',
  requestId: 'req-r',
};
const startTasks = () => startInProcess(ns, 'tasks', TasksConfig, tasksService);
const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();
const dueEvents = (taskId: string) =>
  tap.messages.filter((m) => m.data.type === 'task.due' && m.data.aggregate.id === taskId);
const task = (dueAt?: string) =>
  rpc.call(RPC.tasks.create, ctx, {
    title: 'Follow up',
    anchor: { type: 'contact', id: contactId },
    ...(dueAt ? { dueAt } : {}),
  });

beforeAll(async () => {
  contacts = await startInProcess(ns, 'contacts', ContactsConfig, contactsService);
  tasks = await startTasks();
  rpc = new RpcClient({ ...ns.natsOptions(), ns: subjects });
  await rpc.connect();
  nc = await ns.natsConnect();
  tap = await NatsTap.open<EventEnvelope>(nc, `${ns.natsPrefix}crm.ws-r.task.due`);
  contactId = (await rpc.call(RPC.contacts.create, ctx, { displayName: 'Ada' })).id;
});

afterAll(async () => {
  await tap.close();
  await rpc.close();
  await nc.close();
  await tasks.stop();
  await contacts.stop();
});

describe('due reminders', () => {
  it('fire once, at the due time, as task.due through the outbox', async () => {
    const dueAt = inMs(1500);
    const t = await task(dueAt);
    await sleep(800);
    expect(dueEvents(t.id)).toHaveLength(0);
    const msg = await tap.waitFor((m) => m.data.aggregate.id === t.id);
    expect(Date.parse(msg.data.occurredAt)).toBeGreaterThanOrEqual(Date.parse(dueAt));
    expect(msg.data).toMatchObject({ data: { dueAt, contactId, task: { id: t.id } } });
    expect(msg.headers?.get('Nats-Msg-Id')).toBe(msg.data.id);
    await sleep(1000);
    expect(dueEvents(t.id)).toHaveLength(1);
    const stored = await rpc.call(RPC.tasks.get, ctx, { id: t.id });
    expect(stored.reminderFiredAt).toEqual(expect.any(String));
  });

  it('move with the due time: nothing at the old time, once at the new one', async () => {
    const t = await task(inMs(1000));
    const newDue = inMs(2500);
    await rpc.call(RPC.tasks.update, ctx, { id: t.id, patch: { dueAt: newDue } });
    await sleep(1800);
    expect(dueEvents(t.id)).toHaveLength(0);
    const msg = await tap.waitFor((m) => m.data.aggregate.id === t.id);
    expect(msg.data.data).toMatchObject({ dueAt: newDue });
    await sleep(500);
    expect(dueEvents(t.id)).toHaveLength(1);
  });

  it('are cancelled by completing or deleting the task, also across a restart', async () => {
    // Due far enough ahead that completing and deleting land first on a loaded machine; the
    // check runs once the due time has passed.
    const dueAt = inMs(5000);
    const completed = await task(dueAt);
    const deleted = await task(dueAt);
    await rpc.call(RPC.tasks.complete, ctx, { id: completed.id });
    await rpc.call(RPC.tasks.delete, ctx, { id: deleted.id });
    await tasks.stop();
    tasks = await startTasks();
    await sleep(Math.max(0, Date.parse(dueAt) - Date.now()) + 1500);
    expect(dueEvents(completed.id)).toHaveLength(0);
    expect(dueEvents(deleted.id)).toHaveLength(0);
  });

  it('survive a restart: neither lost (even a lost job) nor duplicated', async () => {
    const kept = await task(inMs(1500));
    const lostJob = await task(inMs(1500));
    await tasks.stop();
    // Simulate a job that never reached Redis (crash between the task write and the queue add).
    const redis = new IORedis(ns.redisUrl, { maxRetriesPerRequest: null });
    const queue = new Queue(QUEUES.taskReminders, { connection: redis, prefix: ns.queuePrefix });
    await queue.remove(reminderJobId(lostJob.id, 1));
    expect(await queue.getJob(reminderJobId(lostJob.id, 1))).toBeUndefined();
    await sleep(2000); // past due while the service is down
    tasks = await startTasks();
    await waitFor(() => dueEvents(kept.id).length > 0 && dueEvents(lostJob.id).length > 0, {
      what: 'both reminders after the restart',
    });
    // Restart again: the sweep re-queues nothing that already fired.
    await tasks.stop();
    tasks = await startTasks();
    await sleep(1500);
    expect(dueEvents(kept.id)).toHaveLength(1);
    expect(dueEvents(lostJob.id)).toHaveLength(1);
    await queue.close();
    await redis.quit();
  });

  it('tasks without a due time have no reminder', async () => {
    const t = await task();
    await sleep(300);
    expect(dueEvents(t.id)).toHaveLength(0);
    expect((await rpc.call(RPC.tasks.get, ctx, { id: t.id })).reminderFiredAt).toBeNull();
    expect(newId()).not.toBe(t.id);
  });
});
