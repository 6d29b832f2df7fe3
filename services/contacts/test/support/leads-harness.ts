import { connect, type NatsConnection } from 'nats';
import mongoose from 'mongoose';
import {
  CAPABILITIES,
  RPC,
  type CaptureLeadInput,
  type EventEnvelope,
  type Lead,
  type RequestContext,
} from '@switchboard/contracts';
import { newId, RpcClient, SubjectNamespace } from '@switchboard/messaging';
import type { RunningService } from '@switchboard/runtime';
import { NatsTap, startInProcess, testNamespace, waitFor } from '@switchboard/testing';
import { contactsService } from '../../src/app.module';
import { ContactsConfig } from '../../src/config';

type Event<T = Record<string, unknown>> = EventEnvelope<T>;

/**
 * The contacts service in-process (leads and fit live in it), an RPC client, a tap on every
 * event of the namespace and the contacts database; plus a context and a lead factory.
 */
export function useLeadsHarness() {
  const ns = testNamespace();
  let service: RunningService;
  const h = {
    ns,
    rpc: undefined as unknown as RpcClient,
    nc: undefined as unknown as NatsConnection,
    db: undefined as unknown as mongoose.Connection,
    tap: undefined as unknown as NatsTap<Event>,
    ctx: (
      workspaceId: string,
      actorId = 'admin-1',
      scope: 'all' | 'own' = 'all',
      actorType: 'user' | 'api_key' = 'user',
    ): RequestContext => ({
      workspaceId,
      actor: { type: actorType, id: actorId },
      role: scope === 'all' ? 'admin' : 'member',
      capabilities: [...CAPABILITIES],
      scope,
      requestId: newId(),
    }),
    err: (p: Promise<unknown>) =>
      p.then(
        () => undefined,
        (e: unknown) => e as { code: string; message: string; details?: Record<string, unknown> },
      ),
    capture: (ws: string, input: CaptureLeadInput, actorId = 'form-key'): Promise<Lead> =>
      h.rpc.call(RPC.contacts.captureLead, h.ctx(ws, actorId, 'all', 'api_key'), input),
    stored: (collection: string, id: string) =>
      h.db.collection<{ _id: string }>(collection).findOne({ _id: id }) as Promise<Record<
        string,
        unknown
      > | null>,
    /** Every event of `type` about aggregate `id` published so far. */
    events: <T = Record<string, unknown>>(type: string, id: string): Event<T>[] =>
      h.tap.messages
        .map((m) => m.data)
        .filter((e) => e.type === type && e.aggregate.id === id) as Event<T>[],
    event: async <T = Record<string, unknown>>(type: string, id: string): Promise<Event<T>> =>
      (await h.tap.waitFor((m) => m.data.type === type && m.data.aggregate.id === id))
        .data as Event<T>,
    /** Waits until the relay took every staged event of the document. */
    relayed: (collection: string, id: string) =>
      waitFor(async () => (await h.stored(collection, id))?.outboxPending === false),
  };

  beforeAll(async () => {
    service = await startInProcess(ns, 'contacts', ContactsConfig, contactsService);
    h.rpc = new RpcClient({ servers: ns.natsUrl, ns: new SubjectNamespace(ns.natsPrefix) });
    await h.rpc.connect();
    h.nc = await connect({ servers: ns.natsUrl });
    h.tap = await NatsTap.open<Event>(h.nc, `${ns.natsPrefix}crm.>`);
    h.db = await mongoose.createConnection(ns.mongoUrl, { dbName: ns.db('contacts') }).asPromise();
  });

  afterAll(async () => {
    await h.rpc.close();
    await h.nc.close();
    await h.db.close();
    await service.stop();
  });

  return h;
}
