import { headers as natsHeaders, JSONCodec, type NatsConnection } from 'nats';
import mongoose from 'mongoose';
import type { Contact, EventEnvelope, RequestContext } from '@switchboard/contracts';
import { newId, RpcClient, SubjectNamespace } from '@switchboard/messaging';
import type { RunningService } from '@switchboard/runtime';
import { startInProcess, testNamespace, waitUntilIdle } from '@switchboard/testing';
import { contactsService } from '../../../contacts/src/app.module';
import { ContactsConfig } from '../../../contacts/src/config';
import { dealsService } from '../../../deals/src/app.module';
import { DealsConfig } from '../../../deals/src/config';
import { activityService } from '../../src/app.module';
import { ActivityConfig } from '../../src/config';

const codec = JSONCodec();
type Peer = 'contacts' | 'deals';

/**
 * The activity service in-process in the test file's namespace (with the contacts and deals
 * services when a test needs their RPCs), an RPC client, a NATS connection, the activity
 * database, and builders for the events other services would publish.
 */
export function useActivityHarness(peers: Peer[] = [], activityEnv: Record<string, string> = {}) {
  const ns = testNamespace();
  const subjects = new SubjectNamespace(ns.natsPrefix);
  const running: RunningService[] = [];
  const h = {
    ns,
    subjects,
    rpc: undefined as unknown as RpcClient,
    nc: undefined as unknown as NatsConnection,
    db: undefined as unknown as mongoose.Connection,
    activity: undefined as unknown as RunningService,
    ctx: (workspaceId: string, actorId = 'u1', scope: 'all' | 'own' = 'all'): RequestContext => ({
      workspaceId,
      actor: { type: 'user', id: actorId },
      role: scope === 'all' ? 'admin' : 'member',
      capabilities: [],
      scope,
      requestId: newId(),
    }),
    err: (p: Promise<unknown>) =>
      p.then(
        () => undefined,
        (e: unknown) => e as { code?: string },
      ),
    /** Publishes to JetStream without a Nats-Msg-Id, so the stream keeps duplicates. */
    publishRaw: async (subject: string, data: unknown) => {
      const bytes = data instanceof Uint8Array ? data : codec.encode(data);
      await h.nc.jetstream().publish(subject, bytes, { headers: natsHeaders() });
    },
    /** A domain event as its service would publish it. */
    publishEvent: (event: EventEnvelope) =>
      h.publishRaw(subjects.event(event.workspaceId, event.type), event),
    /** An inbound messaging event: `messaging.<ws>.<channel>.<event>`. */
    publishInbound: (ws: string, channel: string, event: string, payload: unknown) =>
      h.publishRaw(subjects.messaging(ws, channel, event), payload),
    entries: (filter: Record<string, unknown>) =>
      h.db.collection('timeline_entries').find(filter).toArray(),
    idle: async (...durables: [stream: 'events' | 'messaging', durable: string][]) =>
      waitUntilIdle({
        jsm: await h.nc.jetstreamManager(),
        consumers: durables.map(([s, d]) => [subjects.stream(s).name, d]),
      }),
    /** Stops the activity service, runs `whileStopped` (e.g. publishes a backlog), starts it. */
    restartActivity: async (whileStopped?: () => Promise<void>) => {
      await h.activity.stop();
      running.splice(running.indexOf(h.activity), 1);
      await whileStopped?.();
      h.activity = await startInProcess(
        ns,
        'activity',
        ActivityConfig,
        activityService,
        activityEnv,
      );
      running.push(h.activity);
    },
  };

  beforeAll(async () => {
    const starters = {
      contacts: () => startInProcess(ns, 'contacts', ContactsConfig, contactsService),
      deals: () => startInProcess(ns, 'deals', DealsConfig, dealsService),
    };
    running.push(...(await Promise.all(peers.map((p) => starters[p]()))));
    h.activity = await startInProcess(ns, 'activity', ActivityConfig, activityService, activityEnv);
    running.push(h.activity);
    h.nc = await ns.natsConnect();
    h.db = await mongoose.createConnection(ns.mongoUrl, { dbName: ns.db('activity') }).asPromise();
    h.rpc = new RpcClient({ ...ns.natsOptions(), ns: subjects, signer: ns.rpcSigner() });
    await h.rpc.connect();
  });

  afterAll(async () => {
    await h.rpc?.close();
    await h.nc?.close();
    await h.db?.close();
    for (const s of running.reverse()) await s.stop();
  });

  return h;
}

/** A stored contact as contact events carry it. */
export function contactState(
  workspaceId: string,
  id: string,
  fields: Partial<Contact> = {},
): Contact {
  const now = new Date().toISOString();
  return {
    id,
    workspaceId,
    displayName: 'Ada Lovelace',
    channels: [],
    companyLinks: [],
    stageHistory: [],
    ownerId: null,
    tags: [],
    customFields: {},
    metadata: {},
    status: 'active',
    statusHistory: [],
    mergedInto: null,
    lastTouchAt: null,
    segmentIds: [],
    version: 1,
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
}

/** An envelope of any type (also types the catalogue does not know). */
export function envelope(
  workspaceId: string,
  type: string,
  aggregate: { type: string; id: string },
  data: Record<string, unknown>,
  occurredAt = new Date(),
): EventEnvelope {
  return {
    id: newId(),
    type,
    version: 1,
    workspaceId,
    occurredAt: occurredAt.toISOString(),
    actor: { type: 'user', id: 'u1' },
    aggregate: { ...aggregate, version: 1 },
    data,
  };
}
