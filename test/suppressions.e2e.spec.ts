import { headers as natsHeaders, JSONCodec, type NatsConnection } from 'nats';
import type { Contact, Page, Session, Suppression } from '@switchboard/contracts';
import { newId, SubjectNamespace } from '@switchboard/messaging';
import { http, newContact, Platform, signUp, testNamespace, waitFor } from '@switchboard/testing';

/**
 * Suppression that holds (issue 16): a messaging service reports bounces, complaints and
 * unsubscribes over NATS; the workspace suppression list keeps the address whatever happens to
 * the channels that hold it, and people see it over HTTP.
 */
const ns = testNamespace();
const subjects = new SubjectNamespace(ns.natsPrefix);
const codec = JSONCodec();
let platform: Platform;
let nc: NatsConnection;
let alice: Session;
let bob: Session;

const call = <T>(s: Session, method: string, path: string, body?: unknown) =>
  http<T>(platform.gatewayUrl, method, path, { token: s.accessToken, body });
const getContact = async (s: Session, id: string) =>
  (await call<Contact>(s, 'GET', `/v1/contacts/${id}`)).body;
const emailOf = (c: Contact) => c.channels.find((ch) => ch.type === 'email');
const unique = () => newId().slice(-10);

/** As a messaging service would: JetStream, deduplicated by the CRM through `id`. */
const report = async (ws: string, event: string, payload: Record<string, unknown>) => {
  await nc.jetstream().publish(subjects.messaging(ws, 'email', event), codec.encode(payload), {
    headers: natsHeaders(),
  });
};
const listed = async (s: Session, address: string) =>
  (
    await call<Page<Suppression>>(
      s,
      'GET',
      `/v1/suppressions?address=${encodeURIComponent(address)}&status=active`,
    )
  ).body.items[0];

beforeAll(async () => {
  platform = await Platform.start(ns, ['gateway', 'contacts', 'activity']);
  nc = await ns.natsConnect();
  [alice, bob] = await Promise.all([signUp(platform.gatewayUrl), signUp(platform.gatewayUrl)]);
});

afterAll(async () => {
  await nc?.close();
  await platform?.stop();
});

describe('suppression end to end', () => {
  it('keeps a bounced address suppressed through channel removal and re-adding', async () => {
    const ws = alice.workspace.id;
    const email = `bounce-${unique()}@example.com`;
    const ada = await newContact(platform.gatewayUrl, alice.accessToken, {
      channels: [
        { type: 'email', value: email },
        { type: 'phone', value: '+442079460958' },
      ],
    });
    await report(ws, 'bounced', {
      id: newId(),
      occurredAt: '2026-07-01T12:00:00.000Z',
      address: email,
      detail: { bounceType: 'hard' },
    });
    await waitFor(async () => emailOf(await getContact(alice, ada.id))?.suppression, {
      what: 'the bounce to suppress the channel',
    });
    expect(await listed(alice, email)).toMatchObject({ reason: 'bounce', reasons: ['bounce'] });

    const removed = await call<Contact>(alice, 'PATCH', `/v1/contacts/${ada.id}`, {
      channels: [{ type: 'phone', value: '+442079460958' }],
    });
    expect(emailOf(removed.body)).toBeUndefined();
    const readded = await call<Contact>(alice, 'PATCH', `/v1/contacts/${ada.id}`, {
      channels: [
        { type: 'phone', value: '+442079460958' },
        { type: 'email', value: email },
      ],
    });
    expect(emailOf(readded.body)?.suppression).toEqual({
      reason: 'bounce',
      at: '2026-07-01T12:00:00.000Z',
    });

    // A new contact with the address (as a second email: the dedup rule holds the primary one)
    // arrives suppressed; another workspace's does not.
    const grace = await newContact(platform.gatewayUrl, alice.accessToken, {
      firstName: 'Grace',
      channels: [
        { type: 'email', value: `grace-${unique()}@example.com`, primary: true },
        { type: 'email', value: email.toUpperCase() },
      ],
    });
    expect(grace.channels.map((c) => c.suppression?.reason)).toEqual([undefined, 'bounce']);
    const elsewhere = await newContact(platform.gatewayUrl, bob.accessToken, {
      channels: [{ type: 'email', value: email }],
    });
    expect(emailOf(elsewhere)?.suppression).toBeUndefined();
  });

  it('lists a complaint about an address nobody holds, for contacts added later', async () => {
    const ws = alice.workspace.id;
    const email = `nobody-${unique()}@example.com`;
    await report(ws, 'complained', {
      id: newId(),
      occurredAt: '2026-07-02T12:00:00.000Z',
      address: email,
    });
    const entry = await waitFor(() => listed(alice, email), {
      what: 'the complaint to reach the suppression list',
    });
    expect(entry).toMatchObject({
      reason: 'complaint',
      history: [expect.objectContaining({ source: 'messaging', reason: 'complaint' })],
    });
    const later = await newContact(platform.gatewayUrl, alice.accessToken, {
      channels: [{ type: 'email', value: email }],
    });
    expect(emailOf(later)?.suppression).toMatchObject({ reason: 'complaint' });
  });

  it('records an unsubscribe as an opt-out on the channel and on the list', async () => {
    const ws = alice.workspace.id;
    const email = `unsub-${unique()}@example.com`;
    const ada = await newContact(platform.gatewayUrl, alice.accessToken, {
      channels: [{ type: 'email', value: email }],
    });
    await report(ws, 'unsubscribed', {
      id: newId(),
      occurredAt: '2026-07-03T12:00:00.000Z',
      contactId: ada.id,
    });
    const channel = await waitFor(
      async () => {
        const c = emailOf(await getContact(alice, ada.id));
        return c?.consent?.status === 'opted_out' && c.suppression ? c : undefined;
      },
      { what: 'the unsubscribe to reach the channel' },
    );
    expect(channel).toMatchObject({
      subscribed: false,
      consent: { status: 'opted_out', source: 'messaging', at: '2026-07-03T12:00:00.000Z' },
      suppression: { reason: 'unsubscribe' },
    });
    expect(await listed(alice, email)).toMatchObject({ reason: 'unsubscribe' });
  });
});
