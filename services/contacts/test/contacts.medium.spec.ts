import { type NatsConnection } from 'nats';
import mongoose from 'mongoose';
import { EventEnvelope, RPC, type RequestContext } from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { RpcClient, SubjectNamespace } from '@switchboard/messaging';
import { NatsTap, startInProcess, testNamespace, waitFor } from '@switchboard/testing';
import type { RunningService } from '@switchboard/runtime';
import { contactsService } from '../src/app.module';
import { ContactsConfig } from '../src/config';

const ns = testNamespace();
let service: RunningService;
let rpc: RpcClient;
let nc: NatsConnection;
let db: mongoose.Connection;

const ctx = (workspaceId: string): RequestContext => ({
  workspaceId,
  actor: { type: 'user', id: 'user-1' },
  role: 'owner',
  capabilities: ['contacts.create', 'contacts.read', 'contacts.tag'],
  scope: 'all',
  requestId: `req-${workspaceId}`,
});

beforeAll(async () => {
  service = await startInProcess(ns, 'contacts', ContactsConfig, contactsService);
  rpc = new RpcClient({
    ...ns.natsOptions(),
    ns: new SubjectNamespace(ns.natsPrefix),
    signer: ns.rpcSigner(),
  });
  await rpc.connect();
  nc = await ns.natsConnect();
  db = await mongoose.createConnection(ns.mongoUrl, { dbName: ns.db('contacts') }).asPromise();
});

afterAll(async () => {
  await rpc.close();
  await nc.close();
  await db.close();
  await service.stop();
});

describe('contacts service over NATS RPC', () => {
  it('stores a contact with normalised channels and publishes contact.created through the outbox', async () => {
    const tap = await NatsTap.open<EventEnvelope>(nc, `${ns.natsPrefix}crm.ws-a.contact.created`);
    const contact = await rpc.call(RPC.contacts.create, ctx('ws-a'), {
      firstName: 'Grace',
      lastName: 'Hopper',
      channels: [
        { type: 'email', value: ' Grace@Navy.MIL ' },
        { type: 'phone', value: '+1 202 555 0143' },
      ],
      tags: ['vip', 'vip', 'navy'],
    });
    expect(contact).toMatchObject({
      workspaceId: 'ws-a',
      displayName: 'Grace Hopper',
      status: 'active',
      version: 1,
      tags: ['vip', 'navy'],
      channels: [
        { type: 'email', value: 'grace@navy.mil', primary: true, subscribed: true },
        { type: 'phone', value: '+12025550143', primary: true, subscribed: true },
      ],
    });

    const stored = await db.collection('contacts').findOne({ _id: contact.id as never });
    expect(stored).toMatchObject({ workspaceId: 'ws-a', dedupKey: 'email:grace@navy.mil' });

    const msg = await tap.waitFor((m) => m.data.aggregate.id === contact.id);
    const event = EventEnvelope.parse(msg.data);
    expect(event).toMatchObject({
      type: 'contact.created',
      version: 1,
      workspaceId: 'ws-a',
      actor: { type: 'user', id: 'user-1' },
      aggregate: { type: 'contact', id: contact.id, version: 1 },
      requestId: 'req-ws-a',
    });
    expect(msg.headers?.get('Nats-Msg-Id')).toBe(event.id);
    expect((event.data as { contact: { id: string } }).contact.id).toBe(contact.id);

    // Once relayed, the staged event leaves the document.
    await waitFor(async () => {
      const doc = await db.collection('contacts').findOne({ _id: contact.id as never });
      return doc?.outboxPending === false && doc.outbox.length === 0;
    });
  });

  it('answers duplicate_contact with duplicateOf for the same primary email in a workspace', async () => {
    const first = await rpc.call(RPC.contacts.create, ctx('ws-b'), {
      channels: [{ type: 'email', value: 'dup@example.com' }],
    });
    const err = await rpc
      .call(RPC.contacts.create, ctx('ws-b'), {
        displayName: 'Other',
        channels: [{ type: 'email', value: 'DUP@example.com' }],
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'duplicate_contact', details: { duplicateOf: first.id } });
    // Another workspace may hold the same address.
    await expect(
      rpc.call(RPC.contacts.create, ctx('ws-c'), {
        channels: [{ type: 'email', value: 'dup@example.com' }],
      }),
    ).resolves.toMatchObject({ workspaceId: 'ws-c' });
  });

  it('rejects invalid input with validation_failed and field paths, storing nothing', async () => {
    const before = await db.collection('contacts').countDocuments({ workspaceId: 'ws-d' });
    const err = (await rpc
      .call(RPC.contacts.create, ctx('ws-d'), { displayName: 'X', unknown: 1 } as never)
      .catch((e: unknown) => e)) as AppError;
    expect(err.code).toBe('validation_failed');
    expect(err.errors?.[0]?.message).toMatch(/unknown|unrecognized/i);
    const phone = (await rpc
      .call(RPC.contacts.create, ctx('ws-d'), {
        channels: [{ type: 'phone', value: 'not a phone' }],
      })
      .catch((e: unknown) => e)) as AppError;
    expect(phone).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'channels.0.value' }],
    });
    const operator = (await rpc
      .call(RPC.contacts.create, ctx('ws-d'), { displayName: { $gt: '' } } as never)
      .catch((e: unknown) => e)) as AppError;
    expect(operator.code).toBe('validation_failed');
    expect(await db.collection('contacts').countDocuments({ workspaceId: 'ws-d' })).toBe(before);
  });

  it('never shows a contact to another workspace', async () => {
    const contact = await rpc.call(RPC.contacts.create, ctx('ws-e'), { displayName: 'Private' });
    await expect(
      rpc.call(RPC.contacts.get, ctx('ws-e'), { id: contact.id }),
    ).resolves.toMatchObject({ id: contact.id });
    await expect(rpc.call(RPC.contacts.get, ctx('ws-f'), { id: contact.id })).rejects.toMatchObject(
      { code: 'not_found' },
    );
  });

  it('lets scope "own" create only contacts it owns or that nobody owns', async () => {
    const member: RequestContext = { ...ctx('ws-g'), role: 'member', scope: 'own' };
    await expect(
      rpc.call(RPC.contacts.create, member, { displayName: 'Mine', ownerId: 'user-1' }),
    ).resolves.toMatchObject({ ownerId: 'user-1' });
    await expect(
      rpc.call(RPC.contacts.create, member, { displayName: 'Unowned' }),
    ).resolves.toMatchObject({ ownerId: null });
    await expect(
      rpc.call(RPC.contacts.create, member, { displayName: 'Theirs', ownerId: 'user-2' }),
    ).rejects.toMatchObject({ code: 'forbidden' });
    expect(
      await db.collection('contacts').countDocuments({ workspaceId: 'ws-g', ownerId: 'user-2' }),
    ).toBe(0);
    await expect(
      rpc.call(RPC.contacts.create, ctx('ws-g'), { displayName: 'Assigned', ownerId: 'user-2' }),
    ).resolves.toMatchObject({ ownerId: 'user-2' });
  });
});
