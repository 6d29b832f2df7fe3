import { connect, type NatsConnection } from 'nats';
import mongoose from 'mongoose';
import {
  CAPABILITIES,
  RPC,
  type Contact,
  type CreateContactInput,
  type EventEnvelope,
  type RequestContext,
} from '@switchboard/contracts';
import { newId, RpcClient, SubjectNamespace } from '@switchboard/messaging';
import type { RunningService } from '@switchboard/runtime';
import { NatsTap, startInProcess, testNamespace, type TappedMessage } from '@switchboard/testing';
import { contactsService } from '../../src/app.module';
import { ContactsConfig } from '../../src/config';

type Event<T = Record<string, unknown>> = EventEnvelope<T>;

/**
 * The contacts service in-process in the test file's namespace, an RPC client, a tap on every
 * contact event and the contacts collection; plus a context and a contact factory.
 */
export function useContactWritesHarness() {
  const ns = testNamespace();
  let service: RunningService;
  const h = {
    ns,
    rpc: undefined as unknown as RpcClient,
    nc: undefined as unknown as NatsConnection,
    db: undefined as unknown as mongoose.Connection,
    tap: undefined as unknown as NatsTap<Event>,
    /** A caller with every contact capability (scope `all` unless asked). */
    ctx: (
      workspaceId: string,
      actorId = 'admin-1',
      scope: 'all' | 'own' = 'all',
      capabilities: string[] = [...CAPABILITIES],
    ): RequestContext => ({
      workspaceId,
      actor: { type: 'user', id: actorId },
      role: scope === 'all' ? 'admin' : 'member',
      capabilities,
      scope,
      requestId: newId(),
    }),
    err: (p: Promise<unknown>) =>
      p.then(
        () => undefined,
        (e: unknown) => e as { code: string; message: string; details?: Record<string, unknown> },
      ),
    create: (ws: string, input: CreateContactInput): Promise<Contact> =>
      h.rpc.call(RPC.contacts.create, h.ctx(ws), input),
    stored: (id: string) =>
      h.db.collection<{ _id: string }>('contacts').findOne({ _id: id }) as Promise<Record<
        string,
        unknown
      > | null>,
    /** Every event of `type` about contact `id` published so far. */
    events: <T = Record<string, unknown>>(type: string, id: string): Event<T>[] =>
      h.tap.messages
        .map((m: TappedMessage<Event>) => m.data)
        .filter((e) => e.type === type && e.aggregate.id === id) as Event<T>[],
    /** Waits for the event of `type` about `id` at aggregate version `version`. */
    event: async <T = Record<string, unknown>>(
      type: string,
      id: string,
      version?: number,
    ): Promise<Event<T>> =>
      (
        await h.tap.waitFor(
          (m) =>
            m.data.type === type &&
            m.data.aggregate.id === id &&
            (version === undefined || m.data.aggregate.version === version),
        )
      ).data as Event<T>,
  };

  beforeAll(async () => {
    service = await startInProcess(ns, 'contacts', ContactsConfig, contactsService);
    h.rpc = new RpcClient({ servers: ns.natsUrl, ns: new SubjectNamespace(ns.natsPrefix) });
    await h.rpc.connect();
    h.nc = await connect({ servers: ns.natsUrl });
    h.tap = await NatsTap.open<Event>(h.nc, `${ns.natsPrefix}crm.*.contact.>`);
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
