import { type NatsConnection } from 'nats';
import mongoose from 'mongoose';
import {
  CAPABILITIES,
  RPC,
  type Contact,
  type CreateContactInput,
  type RequestContext,
} from '@switchboard/contracts';
import { newId, RpcClient, SubjectNamespace } from '@switchboard/messaging';
import type { RunningService } from '@switchboard/runtime';
import { startInProcess, testNamespace, waitFor } from '@switchboard/testing';
import { contactsService } from '../../src/app.module';
import { ContactsConfig } from '../../src/config';

type Row = Record<string, unknown>;

/**
 * The contacts service in-process in the test file's namespace, an RPC client, a NATS
 * connection and the service's database; plus contexts, a contact factory and custom-field
 * definitions written straight into the settings collection (fixtures, not the code under test).
 */
export function useContactListHarness() {
  const ns = testNamespace();
  const subjects = new SubjectNamespace(ns.natsPrefix);
  const h = {
    ns,
    service: undefined as unknown as RunningService,
    subjects,
    rpc: undefined as unknown as RpcClient,
    nc: undefined as unknown as NatsConnection,
    db: undefined as unknown as mongoose.Connection,
    ctx: (workspaceId: string, actorId = 'admin-1'): RequestContext => ({
      workspaceId,
      actor: { type: 'user', id: actorId },
      role: 'admin',
      capabilities: [...CAPABILITIES],
      scope: 'all',
      requestId: newId(),
    }),
    err: (p: Promise<unknown>) =>
      p.then(
        () => undefined,
        (e: unknown) => e as { code: string; message: string; errors?: unknown[] },
      ),
    create: (ws: string, input: CreateContactInput): Promise<Contact> =>
      h.rpc.call(RPC.contacts.create, h.ctx(ws), input),
    stored: (id: string) => h.db.collection<Row & { _id: string }>('contacts').findOne({ _id: id }),
    /**
     * Changes stored fields directly (a fixture for states other parts' write paths reach), once
     * the outbox relay is done with the contact: on FerretDB its update rewrites the document it
     * read, which would undo a raw write landing in between.
     */
    rawUpdate: async (id: string, update: Row) => {
      const contacts = h.db.collection<Row & { _id: string }>('contacts');
      await waitFor(async () => (await contacts.findOne({ _id: id }))?.outboxPending === false, {
        what: `contact ${id} relayed`,
      });
      await contacts.updateOne({ _id: id }, update);
    },
    setStored: (id: string, fields: Row) => h.rawUpdate(id, { $set: fields }),
    defineField: async (ws: string, slug: string, type: string, options: string[] = []) => {
      const now = new Date();
      await h.db.collection<Row & { _id: string }>('custom_fields').insertOne({
        _id: newId(),
        workspaceId: ws,
        entity: 'contact',
        slug,
        label: slug,
        type,
        options,
        required: false,
        validation: null,
        status: 'active',
        retiredAt: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      });
    },
  };

  beforeAll(async () => {
    h.service = await startInProcess(ns, 'contacts', ContactsConfig, contactsService);
    h.rpc = new RpcClient({ ...ns.natsOptions(), ns: subjects });
    await h.rpc.connect();
    h.nc = await ns.natsConnect();
    h.db = await mongoose.createConnection(ns.mongoUrl, { dbName: ns.db('contacts') }).asPromise();
  });

  afterAll(async () => {
    await h.rpc.close();
    await h.nc.close();
    await h.db.close();
    await h.service.stop();
  });

  return h;
}
