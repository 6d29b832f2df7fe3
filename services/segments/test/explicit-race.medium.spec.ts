import {
  CAPABILITIES,
  RPC,
  type EventEnvelope,
  type RequestContext,
  type Segment,
  type SegmentMemberChangedV1,
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

/**
 * Explicit requests that land while the contact's own evaluation runs (issue 13): a contact is
 * created and named in `POST /v1/segments/:id/members` right away, many at once, through the
 * real contacts, segments and segment-worker services. Every request is applied and announced
 * once on NATS, whatever the order in which the contact's first projection, its evaluation job
 * and the request's job meet.
 */
type MemberEvent = EventEnvelope<SegmentMemberChangedV1>;

const ns = testNamespace();
const subjects = new SubjectNamespace(ns.natsPrefix);
const running: RunningService[] = [];
let rpc: RpcClient;
let tap: NatsTap<MemberEvent>;

const N = 20;
const EVENT_TIMEOUT_MS = 30_000;

const ctx = (workspaceId: string): RequestContext => ({
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
      SWEEP_INTERVAL_MS: '0',
    }),
  );
  rpc = new RpcClient({ ...ns.natsOptions(), ns: subjects, signer: ns.rpcSigner() });
  await rpc.connect();
  tap = await NatsTap.open<MemberEvent>(ns, subjects.event('*', 'segment.member.>'));
});

afterAll(async () => {
  await tap?.close();
  await rpc?.close();
  for (const s of running.reverse()) await s.stop();
});

/** Distinct events (by id) of one kind for a pair, as a core NATS subscriber saw them. */
const seen = (kind: 'joined' | 'left', segmentId: string, contactId: string) =>
  new Map(
    tap.messages
      .map((m) => m.data)
      .filter(
        (e) =>
          e.type === `segment.member.${kind}` &&
          e.data.segmentId === segmentId &&
          e.data.contactId === contactId,
      )
      .map((e) => [e.id, e]),
  );

/** A workspace with one dynamic segment ("customers"), fully evaluated. */
async function customers(ws: string): Promise<Segment> {
  const s = await rpc.call(RPC.segments.create, ctx(ws), {
    name: 'Customers',
    type: 'dynamic',
    filter: { field: 'stage', op: 'eq', value: 'customer' },
  });
  await waitFor(
    async () => (await rpc.call(RPC.segments.get, ctx(ws), { id: s.id })).status === 'ready',
    { timeoutMs: EVENT_TIMEOUT_MS, intervalMs: 100, what: 'the first evaluation' },
  );
  return s;
}

const create = (ws: string, stage: string, i: number) =>
  rpc.call(RPC.contacts.create, ctx(ws), { displayName: `Contact ${i}`, stage });

/** Waits until every pair has an event of `kind` (the caller then counts them). */
const announced = (kind: 'joined' | 'left', segmentId: string, ids: string[]) =>
  waitFor(
    () => {
      const missing = ids.filter((id) => seen(kind, segmentId, id).size === 0);
      if (missing.length > 0)
        throw new Error(`none yet for ${missing.length}: ${missing.join(', ')}`);
      return true;
    },
    {
      timeoutMs: EVENT_TIMEOUT_MS,
      intervalMs: 100,
      what: `a ${kind} event for each of ${ids.length} contacts`,
    },
  );

const members = async (ws: string, id: string) =>
  (await rpc.call(RPC.segments.members, ctx(ws), { id, limit: 200 })).items;

/** Resolves once the segments service has projected the contact (its profile is readable). */
const projected = (ws: string, contactId: string) =>
  waitFor(
    () =>
      rpc.call(RPC.segments.projection, ctx(ws), { contactId }).then(
        () => true,
        () => false,
      ),
    { timeoutMs: EVENT_TIMEOUT_MS, intervalMs: 5, what: `the profile of ${contactId}` },
  );

// At once: the request usually lands before the contact's profile exists. Once projected: it
// lands while the job the contact's first event enqueued is waiting or running.
it.each(['at once', 'once projected'] as const)(
  'a contact created not matching and included %s joins once, via explicit',
  async (moment) => {
    const ws = newId();
    const s = await customers(ws);
    const ids = await Promise.all(
      Array.from({ length: N }, async (_, i) => {
        const c = await create(ws, 'lead', i);
        if (moment === 'once projected') await projected(ws, c.id);
        await rpc.call(RPC.segments.updateMembers, ctx(ws), {
          id: s.id,
          changes: { add: [c.id] },
        });
        return c.id;
      }),
    );
    await announced('joined', s.id, ids);
    for (const id of ids) {
      const joined = [...seen('joined', s.id, id).values()].map((e) => e.data.via);
      expect({ id, joined }).toEqual({ id, joined: ['explicit'] });
      expect(seen('left', s.id, id).size).toBe(0);
    }
    const listed = await members(ws, s.id);
    expect(listed.map((m) => `${m.contactId}:${m.via}`).sort()).toEqual(
      ids.map((id) => `${id}:explicit`).sort(),
    );
  },
);

it('a contact removed right after its rule join leaves once, via explicit', async () => {
  const ws = newId();
  const s = await customers(ws);
  const ids = await Promise.all(
    Array.from({ length: N }, async (_, i) => {
      const c = await create(ws, 'customer', i);
      // The request lands the moment the join is announced: the contact's job is still running.
      await waitFor(() => seen('joined', s.id, c.id).size > 0, {
        timeoutMs: EVENT_TIMEOUT_MS,
        intervalMs: 5,
        what: `the rule join of ${c.id}`,
      });
      await rpc.call(RPC.segments.updateMembers, ctx(ws), {
        id: s.id,
        changes: { remove: [c.id] },
      });
      return c.id;
    }),
  );
  await announced('left', s.id, ids);
  for (const id of ids) {
    const joined = [...seen('joined', s.id, id).values()].map((e) => e.data.via);
    const left = [...seen('left', s.id, id).values()].map((e) => e.data.via);
    expect({ id, joined, left }).toEqual({ id, joined: ['rule'], left: ['explicit'] });
  }
  expect(await members(ws, s.id)).toEqual([]);
});
