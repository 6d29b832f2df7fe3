import { type NatsConnection } from 'nats';
import { RPC, type Contact, type EventEnvelope, type RequestContext } from '@switchboard/contracts';
import { newId, RpcClient, SubjectNamespace } from '@switchboard/messaging';
import type { RunningService } from '@switchboard/runtime';
import { NatsTap, startInProcess, testNamespace } from '@switchboard/testing';
import { contactsService } from '../src/app.module';
import { ContactsConfig } from '../src/config';

/** The lookups and channel effects messaging ingestion uses (rpc.contacts.findByChannel, …). */
const ns = testNamespace();
const subjects = new SubjectNamespace(ns.natsPrefix);
let service: RunningService;
let rpc: RpcClient;
let nc: NatsConnection;
let tap: NatsTap<EventEnvelope<{ changes?: unknown[] }>>;

const ctx = (workspaceId: string): RequestContext => ({
  workspaceId,
  actor: { type: 'service', id: 'activity' },
  role: 'service',
  capabilities: [],
  scope: 'all',
  requestId: newId(),
});
const create = (ws: string, channels: { type: 'email' | 'phone' | 'telegram'; value: string }[]) =>
  rpc.call(RPC.contacts.create, ctx(ws), { displayName: 'Ada', channels });
const find = (
  ws: string,
  type: 'email' | 'sms' | 'whatsapp' | 'telegram' | 'phone',
  value: string,
) => rpc.call(RPC.contacts.findByChannel, ctx(ws), { type, value }).then((r) => r.contactId);
const unique = () => newId().slice(-10);

beforeAll(async () => {
  service = await startInProcess(ns, 'contacts', ContactsConfig, contactsService);
  rpc = new RpcClient({ ...ns.natsOptions(), ns: subjects });
  await rpc.connect();
  nc = await ns.natsConnect();
  tap = await NatsTap.open(nc, subjects.event('*', 'contact.updated'));
});

afterAll(async () => {
  await tap.close();
  await nc.close();
  await rpc.close();
  await service.stop();
});

describe('contact lookup by channel', () => {
  it('finds the holder of an address as contacts store it, within the workspace only', async () => {
    const email = `Ada.${unique()}@Example.com`;
    const ada = await create('ws-l1', [
      { type: 'email', value: email },
      { type: 'phone', value: '+44 20 7946 0958' },
      { type: 'telegram', value: '@ada_l' },
    ]);
    expect(await find('ws-l1', 'email', email.toUpperCase())).toBe(ada.id);
    expect(await find('ws-l1', 'email', ` ${email.toLowerCase()} `)).toBe(ada.id);
    // Phone, SMS and WhatsApp numbers are one family.
    expect(await find('ws-l1', 'sms', '+442079460958')).toBe(ada.id);
    expect(await find('ws-l1', 'whatsapp', '+44 20 7946 0958')).toBe(ada.id);
    expect(await find('ws-l1', 'telegram', '@ada_l')).toBe(ada.id);
    expect(await find('ws-l1', 'email', `nobody-${unique()}@example.com`)).toBeNull();
    expect(await find('ws-l1', 'email', 'not an address')).toBeNull();
    expect(await find('ws-l1-other', 'email', email)).toBeNull();
  });

  it('answers the survivor for an address of a contact merged away', async () => {
    const email = `dup-${unique()}@example.com`;
    const survivor = await create('ws-l2', [
      { type: 'email', value: `main-${unique()}@example.com` },
    ]);
    const duplicate = await create('ws-l2', [{ type: 'email', value: email }]);
    await rpc.call(RPC.contacts.merge, ctx('ws-l2'), {
      survivorId: survivor.id,
      duplicateId: duplicate.id,
    });
    expect(await find('ws-l2', 'email', email)).toBe(survivor.id);
  });
});

describe('channel effects', () => {
  const channelOf = async (ws: string, id: string, i = 0) =>
    (await rpc.call(RPC.contacts.get, ctx(ws), { id })).channels[i];
  const updatesOf = (id: string) => tap.count((m) => m.data.aggregate.id === id);

  it('suppresses on a hard bounce, once, with a contact.updated carrying the change', async () => {
    const ada: Contact = await create('ws-l3', [
      { type: 'email', value: `first-${unique()}@example.com` },
      { type: 'email', value: `second-${unique()}@example.com` },
    ]);
    const second = ada.channels[1].value;
    const bounce = {
      contactId: ada.id,
      type: 'email' as const,
      value: second.toUpperCase(),
      effect: 'suppress_bounce' as const,
      occurredAt: '2026-04-01T10:00:00.000Z',
      sourceId: 'evt-1',
    };
    expect(await rpc.call(RPC.contacts.applyChannelEvent, ctx('ws-l3'), bounce)).toEqual({
      contactId: ada.id,
      changed: true,
      channelValue: second,
    });
    expect(await rpc.call(RPC.contacts.applyChannelEvent, ctx('ws-l3'), bounce)).toMatchObject({
      changed: false,
    });
    // A later complaint does not rewrite the first suppression.
    expect(
      await rpc.call(RPC.contacts.applyChannelEvent, ctx('ws-l3'), {
        ...bounce,
        effect: 'suppress_complaint',
      }),
    ).toMatchObject({ changed: false });
    expect(await channelOf('ws-l3', ada.id, 1)).toMatchObject({
      value: second,
      suppression: { reason: 'bounce', at: '2026-04-01T10:00:00.000Z' },
    });
    expect((await channelOf('ws-l3', ada.id, 0)).suppression).toBeUndefined();
    const updated = await tap.waitFor((m) => m.data.aggregate.id === ada.id);
    expect(updated.data.data.changes).toEqual([
      expect.objectContaining({ field: `channels.email:${second}` }),
    ]);
    expect(updatesOf(ada.id)).toBe(1);
  });

  it('records an unsubscribe on the primary channel when no address is named', async () => {
    const ada = await create('ws-l4', [{ type: 'email', value: `u-${unique()}@example.com` }]);
    const unsubscribe = {
      contactId: ada.id,
      type: 'email' as const,
      effect: 'unsubscribe' as const,
      occurredAt: '2026-04-02T10:00:00.000Z',
      sourceId: 'evt-2',
    };
    await rpc.call(RPC.contacts.applyChannelEvent, ctx('ws-l4'), unsubscribe);
    expect(await channelOf('ws-l4', ada.id)).toMatchObject({
      subscribed: false,
      consent: { unsubscribedAt: '2026-04-02T10:00:00.000Z' },
    });
    expect(await rpc.call(RPC.contacts.applyChannelEvent, ctx('ws-l4'), unsubscribe)).toMatchObject(
      { changed: false },
    );
    expect(
      await rpc.call(RPC.contacts.applyChannelEvent, ctx('ws-l4'), { ...unsubscribe, type: 'sms' }),
    ).toEqual({ contactId: ada.id, changed: false, channelValue: null });
    await expect(
      rpc.call(RPC.contacts.applyChannelEvent, ctx('ws-l4-other'), unsubscribe),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
