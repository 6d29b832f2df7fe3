import mongoose from 'mongoose';
import { nanos, type NatsConnection } from 'nats';
import {
  CAPABILITIES,
  RPC,
  type Contact,
  type RequestContext,
  type Segment,
} from '@switchboard/contracts';
import { newId, RpcClient, SubjectNamespace } from '@switchboard/messaging';
import type { RunningService } from '@switchboard/runtime';
import { NatsTap, startInProcess, testNamespace, waitFor } from '@switchboard/testing';
import { contactsService } from '../../contacts/src/app.module';
import { ContactsConfig } from '../../contacts/src/config';
import { segmentWorkerService } from '../../segment-worker/src/app.module';
import { SegmentWorkerConfig } from '../../segment-worker/src/config';
import { segmentsService } from '../src/app.module';
import { SegmentsConfig } from '../src/config';
import { ProjectionService } from '../src/projection/projection.service';

/**
 * Rebuilding the profiles without the event stream (issue 19, decision 0085): the contacts
 * service, the segments service and the segment worker run in process; the events stream is cut
 * to a short retention so that the contacts' events are gone before the segments database is.
 */
const ns = testNamespace();
const subjects = new SubjectNamespace(ns.natsPrefix);
const PAGE_SIZE = '2';
let contacts: RunningService;
let segments: RunningService | undefined;
let worker: RunningService | undefined;
let rpc: RpcClient;
let nc: NatsConnection;
let db: mongoose.Connection;

const ctx = (workspaceId: string, role = 'owner'): RequestContext => ({
  workspaceId,
  actor: { type: 'user', id: 'owner-1' },
  role,
  capabilities: [...CAPABILITIES],
  scope: 'all',
  requestId: newId(),
});
const asService = (workspaceId: string): RequestContext => ({
  ...ctx(workspaceId, 'service'),
  actor: { type: 'service', id: 'test' },
});

const until = <T>(probe: () => Promise<T | false | undefined>, what: string) =>
  waitFor(probe, { timeoutMs: 45_000, intervalMs: 100, what });

async function startSegments(env: Record<string, string> = {}) {
  segments = await startInProcess(ns, 'segments', SegmentsConfig, segmentsService, {
    PROJECTION_REBUILD_PAGE_SIZE: PAGE_SIZE,
    ...env,
  });
  worker = await startInProcess(ns, 'segment-worker', SegmentWorkerConfig, segmentWorkerService, {
    SEGMENT_CACHE_MS: '0',
  });
}
async function stopSegments() {
  await worker?.stop();
  await segments?.stop();
  worker = segments = undefined;
}

beforeAll(async () => {
  contacts = await startInProcess(ns, 'contacts', ContactsConfig, contactsService);
  await startSegments();
  rpc = new RpcClient({ ...ns.natsOptions(), ns: subjects, signer: ns.rpcSigner() });
  await rpc.connect();
  nc = await ns.natsConnect();
  db = await mongoose.createConnection(ns.mongoUrl, { dbName: ns.db('segments') }).asPromise();
});

afterAll(async () => {
  await db.close();
  await nc.close();
  await rpc.close();
  await stopSegments();
  await contacts.stop();
});

const rebuildOf = (workspaceId: string) =>
  db
    .collection<{ _id: string; status: string; cursor: string | null; contacts: number }>(
      'projection_rebuilds',
    )
    .findOne({ _id: workspaceId });

const projected = (workspaceId: string, contactId: string) =>
  rpc.call(RPC.segments.projection, ctx(workspaceId), { contactId }).catch(() => null);

/** Every profile of the workspace at the contact's current version. */
const allAtLatest = async (workspaceId: string, list: Contact[]) => {
  for (const c of list) {
    const now = await rpc.call(RPC.contacts.get, ctx(workspaceId), { id: c.id });
    const p = await projected(workspaceId, c.id);
    if (!p || p.version !== now.version) return false;
  }
  return true;
};

async function readySegment(workspaceId: string, body: Record<string, unknown>) {
  const s: Segment = await rpc.call(RPC.segments.create, ctx(workspaceId), body as never);
  await until(async () => {
    const got = await rpc.call(RPC.segments.get, ctx(workspaceId), { id: s.id });
    return got.status === 'ready' && got;
  }, `segment ${s.id} ready`);
  const page = await rpc.call(RPC.segments.members, ctx(workspaceId), { id: s.id, limit: 200 });
  return page.items.map((m) => `${m.contactId}:${m.via}`).sort();
}

it('rebuilds lost profiles of contacts older than the stream, typed, with the same members', async () => {
  const ws = `ws-${newId()}`;
  await rpc.call(RPC.contacts.createCustomField, ctx(ws), {
    entity: 'contact',
    slug: 'renewal',
    label: 'Renewal',
    type: 'date',
  });
  // Contact events carry the types of their custom values: the projection asks contacts nothing.
  const typeCalls = await NatsTap.open(
    nc,
    `${ns.natsPrefix}${RPC.contacts.listCustomFields.subject}`,
  );
  const made: Contact[] = [];
  for (let i = 0; i < 5; i++) {
    made.push(
      await rpc.call(RPC.contacts.create, ctx(ws), {
        displayName: `Old ${i}`,
        stage: i % 2 === 0 ? 'customer' : 'lead',
        customFields: { renewal: `2026-0${i + 1}-15` },
      }),
    );
  }
  await until(() => allAtLatest(ws, made), 'the live projection');
  expect(typeCalls.messages).toHaveLength(0);
  await typeCalls.close();
  expect((await projected(ws, made[0].id))?.custom).toEqual({
    renewal: '2026-01-15T00:00:00.000Z',
  });
  const filter = {
    and: [
      { field: 'stage', op: 'eq', value: 'customer' },
      { field: 'custom.renewal', op: 'before', value: '2026-04-01' },
    ],
  };
  const before = await readySegment(ws, { name: 'Due customers', type: 'dynamic', filter });
  expect(before).toEqual([`${made[0].id}:rule`, `${made[2].id}:rule`].sort());

  // A stream of short retention: every event of these contacts expires.
  const jsm = await nc.jetstreamManager();
  const stream = subjects.stream('events').name;
  const info = await jsm.streams.info(stream);
  await jsm.streams.update(stream, {
    ...info.config,
    max_age: nanos(1_000),
    duplicate_window: nanos(500),
  });
  await until(async () => (await jsm.streams.info(stream)).state.messages === 0, 'events expired');

  // The segments database is lost; the service starts on an empty one (its boot restores the
  // stream's usual retention).
  await stopSegments();
  await db.dropDatabase();
  await startSegments();
  await until(() => allAtLatest(ws, made), 'profiles rebuilt from the contacts service');
  expect((await projected(ws, made[0].id))?.custom).toEqual({
    renewal: '2026-01-15T00:00:00.000Z',
  });
  await until(async () => (await rebuildOf(ws))?.status === 'done', 'the rebuild done');
  expect(await rebuildOf(ws)).toMatchObject({ status: 'done', contacts: 5 });

  const after = await readySegment(ws, { name: 'Due customers', type: 'dynamic', filter });
  expect(after).toEqual(before);
});

it('a snapshot older than the profile changes nothing: rebuild and live events converge', async () => {
  const ws = `ws-${newId()}`;
  const c = await rpc.call(RPC.contacts.create, ctx(ws), { displayName: 'Ada', stage: 'lead' });
  const stale = await rpc.call(RPC.contacts.snapshots, asService(ws), { limit: 10 });
  expect(stale.items.map((i) => i.contact.version)).toEqual([1]);
  const updated = await rpc.call(RPC.contacts.update, ctx(ws), {
    id: c.id,
    patch: { stage: 'customer' },
  });
  await until(async () => (await projected(ws, c.id))?.version === updated.version, 'live v2');
  await segments!.app.get(ProjectionService).applySnapshots(ws, stale.items);
  expect(await projected(ws, c.id)).toMatchObject({ version: updated.version, stage: 'customer' });
});

it('on request (owner only), contacts updated during the rebuild end at their latest version', async () => {
  const ws = `ws-${newId()}`;
  const made: Contact[] = [];
  for (let i = 0; i < 12; i++) {
    made.push(await rpc.call(RPC.contacts.create, ctx(ws), { displayName: `C${i}` }));
  }
  await expect(
    rpc.call(RPC.segments.rebuildProjection, ctx(ws, 'admin'), {}),
  ).rejects.toMatchObject({ code: 'forbidden' });
  const started = await rpc.call(RPC.segments.rebuildProjection, ctx(ws), {});
  expect(started).toMatchObject({ workspaceId: ws, status: 'running', trigger: 'requested' });
  for (const c of [made[11], made[5], made[0]]) {
    await rpc.call(RPC.contacts.update, ctx(ws), { id: c.id, patch: { stage: 'customer' } });
    await rpc.call(RPC.contacts.update, ctx(ws), { id: c.id, patch: { locale: 'fr' } });
  }
  await until(async () => (await rebuildOf(ws))?.status === 'done', 'the rebuild done');
  expect(await rebuildOf(ws)).toMatchObject({ contacts: 12 });
  await until(() => allAtLatest(ws, made), 'every profile at its latest version');
  expect(await projected(ws, made[11].id)).toMatchObject({ stage: 'customer', locale: 'fr' });
});

it('resumes after a restart mid-way from the page it had reached', async () => {
  const ws = `ws-${newId()}`;
  const made: Contact[] = [];
  for (let i = 0; i < 30; i++) {
    made.push(await rpc.call(RPC.contacts.create, ctx(ws), { displayName: `R${i}` }));
  }
  await stopSegments();
  await startSegments({ PROJECTION_REBUILD_PAGE_SIZE: '1' });
  await rpc.call(RPC.segments.rebuildProjection, ctx(ws), {});
  await until(async () => {
    const r = await rebuildOf(ws);
    return r !== null && r.contacts >= 3;
  }, 'three pages read');
  await stopSegments();
  const stopped = (await rebuildOf(ws))!;
  expect(stopped).toMatchObject({ status: 'running' });

  // Requests as Nest's NATS transport sends them: `{ pattern, data: { ctx, input, auth }, id }`.
  const pages = await NatsTap.open<{ data: { ctx: RequestContext; input: { cursor?: string } } }>(
    nc,
    `${ns.natsPrefix}${RPC.contacts.snapshots.subject}`,
  );
  await startSegments({ PROJECTION_REBUILD_PAGE_SIZE: '1' });
  await until(async () => (await rebuildOf(ws))?.status === 'done', 'the resumed rebuild done');
  const ours = pages.messages.filter((m) => m.data.data.ctx.workspaceId === ws);
  await pages.close();
  expect(ours[0].data.data.input.cursor).toBe(stopped.cursor);
  // Each contact read once over both runs.
  expect(await rebuildOf(ws)).toMatchObject({ contacts: 30 });
  await until(() => allAtLatest(ws, made), 'every profile rebuilt');
});
