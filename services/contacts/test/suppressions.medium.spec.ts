import { type NatsConnection } from 'nats';
import {
  RPC,
  type Channel,
  type EventEnvelope,
  type RequestContext,
  type Suppression,
} from '@switchboard/contracts';
import { newId, RpcClient, SubjectNamespace } from '@switchboard/messaging';
import type { RunningService } from '@switchboard/runtime';
import { NatsTap, startInProcess, testNamespace } from '@switchboard/testing';
import { contactsService } from '../src/app.module';
import { ContactsConfig } from '../src/config';

/** The workspace suppression list (rpc.contacts.suppressions.*) and its effect on channels. */
const ns = testNamespace();
const subjects = new SubjectNamespace(ns.natsPrefix);
let service: RunningService;
let rpc: RpcClient;
let nc: NatsConnection;
let tap: NatsTap<EventEnvelope<{ suppression?: Suppression; reason?: string }>>;

const ctx = (workspaceId: string): RequestContext => ({
  workspaceId,
  actor: { type: 'user', id: 'u-owner' },
  role: 'owner',
  capabilities: [],
  scope: 'all',
  requestId: newId(),
});
const unique = () => newId().slice(-10);
const create = (ws: string, channels: { type: Channel['type']; value: string }[]) =>
  rpc.call(RPC.contacts.create, ctx(ws), { displayName: 'Ada', channels });
const channelsOf = async (ws: string, id: string) =>
  (await rpc.call(RPC.contacts.get, ctx(ws), { id })).channels;
const patchChannels = (
  ws: string,
  id: string,
  channels: { type: Channel['type']; value: string }[],
) => rpc.call(RPC.contacts.update, ctx(ws), { id, patch: { channels } });
const bounce = (ws: string, address: string, sourceId = newId()) =>
  rpc.call(RPC.contacts.recordSuppression, ctx(ws), {
    address,
    channelType: 'email',
    reason: 'bounce',
    occurredAt: '2026-04-01T10:00:00.000Z',
    sourceId,
  });

beforeAll(async () => {
  service = await startInProcess(ns, 'contacts', ContactsConfig, contactsService);
  rpc = new RpcClient({ ...ns.natsOptions(), ns: subjects, signer: ns.rpcSigner() });
  await rpc.connect();
  nc = await ns.natsConnect();
  tap = await NatsTap.open(nc, subjects.event('*', 'suppression.>'));
});

afterAll(async () => {
  await tap.close();
  await nc.close();
  await rpc.close();
  await service.stop();
});

describe('the suppression list on channels', () => {
  it('keeps a bounced address suppressed through removing and re-adding the channel', async () => {
    const email = `b-${unique()}@example.com`;
    const ada = await create('ws-s1', [
      { type: 'email', value: email },
      { type: 'phone', value: '+442079460958' },
    ]);
    await bounce('ws-s1', email.toUpperCase());
    expect((await channelsOf('ws-s1', ada.id))[0].suppression).toEqual({
      reason: 'bounce',
      at: '2026-04-01T10:00:00.000Z',
    });
    await patchChannels('ws-s1', ada.id, [{ type: 'phone', value: '+442079460958' }]);
    await patchChannels('ws-s1', ada.id, [
      { type: 'phone', value: '+442079460958' },
      { type: 'email', value: email },
    ]);
    const channels = await channelsOf('ws-s1', ada.id);
    expect(channels.find((c) => c.type === 'email')?.suppression).toEqual({
      reason: 'bounce',
      at: '2026-04-01T10:00:00.000Z',
    });
    expect(channels.find((c) => c.type === 'phone')?.suppression).toBeUndefined();
  });

  it('lists an address nobody holds, and a new contact with it arrives suppressed', async () => {
    const email = `n-${unique()}@example.com`;
    const listed = await bounce('ws-s2', email);
    expect(listed.changed).toBe(true);
    const bob = await create('ws-s2', [{ type: 'email', value: email }]);
    expect(bob.channels[0].suppression).toMatchObject({ reason: 'bounce' });
    // Another workspace's contact with the same address is not suppressed.
    const other = await create('ws-s2-other', [{ type: 'email', value: email }]);
    expect(other.channels[0].suppression).toBeUndefined();
  });

  it('suppresses phone numbers across phone, SMS and WhatsApp channels', async () => {
    const number = '+447700900' + String(Math.floor(Math.random() * 900) + 100);
    const ada = await create('ws-s3', [{ type: 'whatsapp', value: number }]);
    await rpc.call(RPC.contacts.createSuppression, ctx('ws-s3'), {
      address: number,
      channelType: 'sms',
      reason: 'manual',
    });
    expect((await channelsOf('ws-s3', ada.id))[0].suppression).toMatchObject({ reason: 'manual' });
  });
});

describe('suppression CRUD', () => {
  it('adds reasons with history, once per inbound event, and emits suppression.added', async () => {
    const email = `h-${unique()}@example.com`;
    const first = await bounce('ws-s4', email, 'evt-1');
    expect((await bounce('ws-s4', email, 'evt-1')).changed).toBe(false);
    await rpc.call(RPC.contacts.recordSuppression, ctx('ws-s4'), {
      address: email,
      channelType: 'email',
      reason: 'complaint',
      occurredAt: '2026-04-02T10:00:00.000Z',
      sourceId: 'evt-2',
    });
    const got = await rpc.call(RPC.contacts.getSuppression, ctx('ws-s4'), { id: first.id });
    expect(got).toMatchObject({
      address: email,
      channelType: 'email',
      status: 'active',
      reason: 'bounce',
      reasons: ['bounce', 'complaint'],
      history: [
        { action: 'added', reason: 'bounce', source: 'messaging', sourceId: 'evt-1' },
        { action: 'added', reason: 'complaint', source: 'messaging', sourceId: 'evt-2' },
      ],
    });
    const added = await tap.waitFor(
      (m) => m.data.aggregate.id === first.id && m.data.aggregate.version === 2,
    );
    expect(added.data).toMatchObject({ type: 'suppression.added', data: { reason: 'complaint' } });
  });

  it('lists newest first with a cursor, finds by address, and lifts with history', async () => {
    const ws = 'ws-s5';
    const emails = [0, 1, 2].map((i) => `l${i}-${unique()}@example.com`);
    const made: Suppression[] = [];
    for (const address of emails) {
      made.push(
        await rpc.call(RPC.contacts.createSuppression, ctx(ws), { address, channelType: 'email' }),
      );
    }
    const page1 = await rpc.call(RPC.contacts.listSuppressions, ctx(ws), {
      limit: 2,
      status: 'active',
    });
    expect(page1.items.map((s) => s.address)).toEqual([emails[2], emails[1]]);
    const page2 = await rpc.call(RPC.contacts.listSuppressions, ctx(ws), {
      limit: 2,
      status: 'active',
      cursor: page1.nextCursor!,
    });
    expect(page2).toEqual({
      items: [expect.objectContaining({ address: emails[0] })],
      nextCursor: null,
    });
    const byAddress = await rpc.call(RPC.contacts.listSuppressions, ctx(ws), {
      limit: 50,
      status: 'active',
      address: emails[1].toUpperCase(),
    });
    expect(byAddress.items.map((s) => s.id)).toEqual([made[1].id]);

    const holder = await create(ws, [{ type: 'email', value: emails[0] }]);
    expect(holder.channels[0].suppression).toMatchObject({ reason: 'manual' });
    const liftedOne = await rpc.call(RPC.contacts.liftSuppression, ctx(ws), { id: made[0].id });
    expect(liftedOne).toMatchObject({
      status: 'lifted',
      history: [{ action: 'added' }, { action: 'lifted' }],
    });
    expect((await channelsOf(ws, holder.id))[0].suppression).toBeUndefined();
    const lifted = await rpc.call(RPC.contacts.listSuppressions, ctx(ws), {
      limit: 50,
      status: 'lifted',
    });
    expect(lifted.items.map((s) => s.id)).toEqual([made[0].id]);
  });

  it('refuses a malformed address with validation_failed on address', async () => {
    await expect(
      rpc.call(RPC.contacts.createSuppression, ctx('ws-s6'), {
        address: 'nope',
        channelType: 'email',
      }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      errors: [expect.objectContaining({ path: 'address' })],
    });
  });

  it("never reads, lists or lifts another workspace's suppression", async () => {
    const mine = await rpc.call(RPC.contacts.createSuppression, ctx('ws-s7'), {
      address: `t-${unique()}@example.com`,
      channelType: 'email',
    });
    await expect(
      rpc.call(RPC.contacts.getSuppression, ctx('ws-s7-other'), { id: mine.id }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      rpc.call(RPC.contacts.liftSuppression, ctx('ws-s7-other'), { id: mine.id }),
    ).rejects.toMatchObject({ code: 'not_found' });
    const theirs = await rpc.call(RPC.contacts.listSuppressions, ctx('ws-s7-other'), {
      limit: 50,
      status: 'active',
    });
    expect(theirs.items).toEqual([]);
    expect(
      await rpc.call(RPC.contacts.getSuppression, ctx('ws-s7'), { id: mine.id }),
    ).toMatchObject({
      status: 'active',
    });
  });
});
