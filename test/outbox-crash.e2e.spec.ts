import { type NatsConnection } from 'nats';
import type { Contact, EventEnvelope, Session } from '@switchboard/contracts';
import { SubjectNamespace } from '@switchboard/messaging';
import {
  http,
  NatsTap,
  Platform,
  signUp,
  storedMessages,
  testNamespace,
  waitFor,
} from '@switchboard/testing';

/**
 * The outbox under SIGKILL: the contacts process dies after the contact is stored but before
 * its event is relayed (or after relaying, before marking it sent). After a restart the event
 * reaches JetStream consumers exactly once.
 */
const ns = testNamespace();
const subjects = new SubjectNamespace(ns.natsPrefix);
let platform: Platform;
let nc: NatsConnection;
let session: Session;

const timelineOf = async (contactId: string) => {
  const res = await http<{ items: { sourceEventId: string }[] }>(
    platform.gatewayUrl,
    'GET',
    `/v1/contacts/${contactId}/timeline`,
    {
      token: session.accessToken,
    },
  );
  return res.status === 200 ? res.body.items : [];
};

beforeAll(async () => {
  platform = await Platform.start(ns, ['gateway', 'activity']);
  nc = await ns.natsConnect();
});

afterAll(async () => {
  await nc.close();
  await platform.stop();
});

describe('outbox crash safety', () => {
  it('SIGKILL after the write, before the publish: the event goes out once after restart', async () => {
    const contacts = await platform.startOne('contacts', { SWITCHBOARD_FAULT: 'pause_outbox' });
    session = await signUp(platform.gatewayUrl);
    const tap = await NatsTap.open<EventEnvelope>(
      nc,
      `${ns.natsPrefix}crm.${session.workspace.id}.>`,
    );

    const created = await http<Contact>(platform.gatewayUrl, 'POST', '/v1/contacts', {
      token: session.accessToken,
      body: {
        displayName: 'Survivor',
        channels: [{ type: 'email', value: 'survivor@example.com' }],
      },
    });
    expect(created.status).toBe(201);
    await contacts.kill('SIGKILL');
    expect(tap.messages).toHaveLength(0);

    await platform.startOne('contacts');
    const subject = subjects.event(session.workspace.id, 'contact.created');
    await tap.waitFor((m) => m.data.aggregate.id === created.body.id);
    const entries = await waitFor(async () => {
      const items = await timelineOf(created.body.id);
      return items.length > 0 ? items : undefined;
    });
    // Give a duplicate every chance to show up before counting.
    await waitFor(async () =>
      (await nc.jetstreamManager()).consumers
        .info(subjects.stream('events').name, 'activity-timeline')
        .then((i) => i.num_pending === 0 && i.num_ack_pending === 0),
    );
    expect(entries).toHaveLength(1);
    expect(
      (await storedMessages<EventEnvelope>(nc, subjects.stream('events').name, subject)).filter(
        (e) => e.aggregate.id === created.body.id,
      ),
    ).toHaveLength(1);
    await tap.close();
  });

  it('SIGKILL after the publish, before marking it sent: the republish is deduplicated', async () => {
    await platform.get('contacts').kill('SIGTERM');
    const contacts = await platform.startOne('contacts', {
      SWITCHBOARD_FAULT: 'crash_after_publish',
    });
    const tap = await NatsTap.open<EventEnvelope>(
      nc,
      `${ns.natsPrefix}crm.${session.workspace.id}.contact.created`,
    );

    // The process dies while answering, so the HTTP reply may be lost: learn the id from NATS.
    void http(platform.gatewayUrl, 'POST', '/v1/contacts', {
      token: session.accessToken,
      body: {
        displayName: 'Twice Told',
        channels: [{ type: 'email', value: 'twice@example.com' }],
      },
    }).catch(() => undefined);
    const first = await tap.waitFor(
      (m) =>
        m.data.data.contact !== undefined &&
        (m.data.data.contact as Contact).displayName === 'Twice Told',
    );
    expect(await contacts.exited()).toBe('SIGKILL');

    await platform.startOne('contacts');
    const contactId = first.data.aggregate.id;
    // The restarted relay publishes the same event again (same id); JetStream keeps one.
    await tap.waitFor(() => tap.count((m) => m.data.aggregate.id === contactId) >= 2);
    await waitFor(async () => (await timelineOf(contactId)).length > 0);
    await waitFor(async () =>
      (await nc.jetstreamManager()).consumers
        .info(subjects.stream('events').name, 'activity-timeline')
        .then((i) => i.num_pending === 0 && i.num_ack_pending === 0),
    );
    const stored = (
      await storedMessages<EventEnvelope>(
        nc,
        subjects.stream('events').name,
        subjects.event(session.workspace.id, 'contact.created'),
      )
    ).filter((e) => e.aggregate.id === contactId);
    expect(stored.map((e) => e.id)).toEqual([first.data.id]);
    expect(await timelineOf(contactId)).toHaveLength(1);
    await tap.close();
  });
});
