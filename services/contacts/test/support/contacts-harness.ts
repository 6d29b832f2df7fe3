import { type NatsConnection } from 'nats';
import mongoose from 'mongoose';
import { CAPABILITIES, type EventEnvelope, type RequestContext } from '@switchboard/contracts';
import { newId, RpcClient, SubjectNamespace } from '@switchboard/messaging';
import type { RunningService } from '@switchboard/runtime';
import { NatsTap, startInProcess, testNamespace, waitFor } from '@switchboard/testing';
import { contactsService } from '../../src/app.module';
import { ContactsConfig } from '../../src/config';

export type Event<T = Record<string, unknown>> = EventEnvelope<T>;

/** The AppError an RPC call failed with. */
export type Failure = {
  code: string;
  message: string;
  details?: Record<string, unknown>;
  errors?: { path: string; message: string }[];
};

/**
 * What every contacts medium test starts from: the contacts service in-process in the test
 * file's namespace, an RPC client, a tap on `tapSubject` (under the namespace's prefix) and the
 * service's database, with the helpers they all use. The harnesses of the test areas add their
 * own context defaults and factories to this very object (their fields are filled in beforeAll).
 */
export function useContactsService(tapSubject = 'crm.>') {
  const ns = testNamespace();
  let service: RunningService;
  const h = {
    ns,
    /** The service's HTTP address (health, metrics). */
    url: '',
    rpc: undefined as unknown as RpcClient,
    nc: undefined as unknown as NatsConnection,
    db: undefined as unknown as mongoose.Connection,
    tap: undefined as unknown as NatsTap<Event>,
    /** A caller of the workspace: scope `all` is an admin, `own` a member. */
    context: (
      workspaceId: string,
      actorId = 'admin-1',
      scope: 'all' | 'own' = 'all',
      capabilities: string[] = [...CAPABILITIES],
      actorType: 'user' | 'api_key' = 'user',
    ): RequestContext => ({
      workspaceId,
      actor: { type: actorType, id: actorId },
      role: scope === 'all' ? 'admin' : 'member',
      capabilities,
      scope,
      requestId: newId(),
    }),
    /** The AppError a call failed with (undefined if it succeeded). */
    err: (p: Promise<unknown>): Promise<Failure | undefined> =>
      p.then(
        () => undefined,
        (e: unknown) => e as Failure,
      ),
    doc: (collection: string, id: string) =>
      h.db.collection<{ _id: string }>(collection).findOne({ _id: id }) as Promise<Record<
        string,
        unknown
      > | null>,
    /** Waits until the relay took every staged event of the document. */
    relayed: (collection: string, id: string) =>
      waitFor(async () => (await h.doc(collection, id))?.outboxPending === false, {
        what: `the ${collection} outbox to be relayed`,
      }),
    /** Every event of `type` about aggregate `id` published so far. */
    events: <T = Record<string, unknown>>(type: string, id: string): Event<T>[] =>
      h.tap.messages
        .map((m) => m.data)
        .filter((e) => e.type === type && e.aggregate.id === id) as Event<T>[],
    /** Waits for the event of `type` about aggregate `id` (at `version` if given). */
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
    h.url = service.url;
    h.rpc = new RpcClient({
      ...ns.natsOptions(),
      ns: new SubjectNamespace(ns.natsPrefix),
      signer: ns.rpcSigner(),
    });
    await h.rpc.connect();
    h.nc = await ns.natsConnect();
    h.tap = await NatsTap.open<Event>(h.nc, `${ns.natsPrefix}${tapSubject}`);
    h.db = await mongoose.createConnection(ns.mongoUrl, { dbName: ns.db('contacts') }).asPromise();
  });

  afterAll(async () => {
    await h.tap.close();
    await h.rpc.close();
    await h.nc.close();
    await h.db.close();
    await service.stop();
  });

  return h;
}
