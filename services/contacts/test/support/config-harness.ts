import { connect, type NatsConnection } from 'nats';
import mongoose from 'mongoose';
import {
  CAPABILITIES,
  RPC,
  type Company,
  type Contact,
  type CreateCompanyInput,
  type CreateContactInput,
  type EventEnvelope,
  type RequestContext,
} from '@switchboard/contracts';
import { newId, RpcClient, SubjectNamespace } from '@switchboard/messaging';
import type { RunningService } from '@switchboard/runtime';
import { NatsTap, startInProcess, testNamespace, waitFor } from '@switchboard/testing';
import { contactsService } from '../../src/app.module';
import { ContactsConfig } from '../../src/config';

type Event<T = Record<string, unknown>> = EventEnvelope<T>;
export type Failure = {
  code: string;
  message: string;
  details?: Record<string, unknown>;
  errors?: { path: string; message: string }[];
};

/**
 * The contacts service in-process for the configuration and company tests: an RPC client, a tap
 * on every contact and company event, the service's database; a context and factories.
 */
export function useConfigHarness() {
  const ns = testNamespace();
  let service: RunningService;
  const h = {
    ns,
    rpc: undefined as unknown as RpcClient,
    nc: undefined as unknown as NatsConnection,
    db: undefined as unknown as mongoose.Connection,
    tap: undefined as unknown as NatsTap<Event>,
    /** A caller with every capability (scope `all` unless asked). */
    ctx: (
      workspaceId: string,
      actorId = 'admin-1',
      scope: 'all' | 'own' = 'all',
    ): RequestContext => ({
      workspaceId,
      actor: { type: 'user', id: actorId },
      role: scope === 'all' ? 'admin' : 'member',
      capabilities: [...CAPABILITIES],
      scope,
      requestId: newId(),
    }),
    /** The AppError a call failed with (undefined if it succeeded). */
    err: (p: Promise<unknown>): Promise<Failure | undefined> =>
      p.then(
        () => undefined,
        (e: unknown) => e as Failure,
      ),
    contact: (ws: string, input: CreateContactInput): Promise<Contact> =>
      h.rpc.call(RPC.contacts.create, h.ctx(ws), input),
    company: (ws: string, input: CreateCompanyInput): Promise<Company> =>
      h.rpc.call(RPC.contacts.createCompany, h.ctx(ws), input),
    stored: (collection: string, id: string) =>
      h.db.collection<{ _id: string }>(collection).findOne({ _id: id }) as Promise<Record<
        string,
        unknown
      > | null>,
    /**
     * Sets fields of a stored document behind the service's back, once the outbox relay is done
     * with it (the relay's own update would otherwise rewrite the document over this one).
     */
    rawSet: async (collection: string, id: string, fields: Record<string, unknown>) => {
      await waitFor(async () => (await h.stored(collection, id))?.outboxPending === false, {
        what: `the ${collection} outbox to be relayed`,
      });
      await h.db.collection<{ _id: string }>(collection).updateOne({ _id: id }, { $set: fields });
    },
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
    events: (type: string, id: string): Event[] =>
      h.tap.messages.map((m) => m.data).filter((e) => e.type === type && e.aggregate.id === id),
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
    await h.tap.close();
    await h.rpc.close();
    await h.nc.close();
    await h.db.close();
    await service.stop();
  });

  return h;
}

/** A workspace id of its own for each test. */
export const workspace = () => `ws-${newId()}`;
