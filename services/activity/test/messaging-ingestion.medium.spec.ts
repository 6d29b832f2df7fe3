import { RPC, type Contact, type TimelineEntry } from '@switchboard/contracts';
import { DLQ_HEADERS, newId } from '@switchboard/messaging';
import { NatsTap, storedMessages, waitFor } from '@switchboard/testing';
import { MessagingConsumer } from '../src/messaging/messaging.consumer';
import { useActivityHarness } from './support/activity-harness';

const h = useActivityHarness(['contacts']);

const contactIn = (ws: string, email: string, phone?: string): Promise<Contact> =>
  h.rpc.call(RPC.contacts.create, h.ctx(ws), {
    displayName: 'Ada',
    channels: [
      { type: 'email', value: email },
      ...(phone ? [{ type: 'phone' as const, value: phone }] : []),
    ],
  });
const getContact = (ws: string, id: string) => h.rpc.call(RPC.contacts.get, h.ctx(ws), { id });
const timeline = async (ws: string, contactId: string): Promise<TimelineEntry[]> =>
  (await h.rpc.call(RPC.activity.timeline, h.ctx(ws), { anchorId: contactId, limit: 200 })).items;
const at = (minute: number) => new Date(Date.UTC(2026, 5, 1, 9, minute)).toISOString();
const idle = () => h.idle(['messaging', MessagingConsumer.durable]);
const unique = () => newId().slice(-12);

describe('messaging ingestion', () => {
  it('records what a messaging service reports, by contact id and by address, each once, with its effects', async () => {
    const ws = 'ws-m1';
    const ada = await contactIn(ws, `ada-${unique()}@example.com`);
    const grace = await contactIn(ws, `grace-${unique()}@example.com`);
    const byId = (id: string, minute: number, detail?: Record<string, unknown>) => ({
      id,
      occurredAt: at(minute),
      contactId: ada.id,
      campaignId: 'cmp-1',
      messageId: 'msg-1',
      ...(detail ? { detail } : {}),
    });
    const byAddress = (id: string, minute: number, detail?: Record<string, unknown>) => ({
      id,
      occurredAt: at(minute),
      // As senders write it: case and spacing differ from the stored address.
      address: `  ${grace.channels[0].value.toUpperCase()} `,
      ...(detail ? { detail } : {}),
    });
    const ids = Array.from({ length: 10 }, () => `evt-${unique()}`);
    const script: [string, Record<string, unknown>][] = [
      ['sent', byId(ids[0], 1)],
      ['opened', byId(ids[1], 2)],
      ['clicked', byId(ids[2], 3, { url: 'https://example.com/pricing' })],
      ['replied', byId(ids[3], 4)],
      ['bounced', byId(ids[4], 5, { bounceType: 'soft' })],
      ['sent', byAddress(ids[5], 1)],
      ['opened', byAddress(ids[6], 2)],
      ['replied', byAddress(ids[7], 3)],
      ['bounced', byAddress(ids[8], 4, { bounceType: 'hard' })],
      ['unsubscribed', byAddress(ids[9], 5)],
    ];
    for (const [event, payload] of script) await h.publishInbound(ws, 'email', event, payload);
    // Duplicates: the same ids again (a sender retrying), one of them twice more.
    for (const [event, payload] of script.slice(3, 8))
      await h.publishInbound(ws, 'email', event, payload);
    await h.publishInbound(ws, 'email', 'sent', script[0][1]);
    await idle();

    const adaLine = await timeline(ws, ada.id);
    expect(adaLine.filter((e) => e.type.startsWith('email.')).map((e) => e.type)).toEqual([
      'email.bounced',
      'email.replied',
      'email.clicked',
      'email.opened',
      'email.sent',
    ]);
    expect(adaLine.find((e) => e.type === 'email.clicked')).toMatchObject({
      id: `msg:${ws}:${ids[2]}`,
      sourceEventId: ids[2],
      summary: 'Email clicked (campaign cmp-1)',
      detail: {
        channel: 'email',
        event: 'clicked',
        direction: 'outbound',
        address: null,
        campaignId: 'cmp-1',
        messageId: 'msg-1',
        data: { url: 'https://example.com/pricing' },
      },
    });
    const graceLine = await timeline(ws, grace.id);
    expect(graceLine.filter((e) => e.type.startsWith('email.')).map((e) => e.type)).toEqual([
      'email.unsubscribed',
      'email.bounced',
      'email.replied',
      'email.opened',
      'email.sent',
    ]);
    expect(
      await h.db
        .collection('timeline_entries')
        .countDocuments({ workspaceId: ws, sourceEventId: { $in: ids } }),
    ).toBe(10);

    // Effects on the contacts: a soft bounce suppresses nothing; a hard one and the
    // unsubscribe land on Grace's email channel, through contact.updated.
    await waitFor(async () => {
      const [email] = (await getContact(ws, grace.id)).channels;
      return email.suppression && email.subscribed === false ? email : undefined;
    });
    const [graceEmail] = (await getContact(ws, grace.id)).channels;
    expect(graceEmail).toMatchObject({
      suppression: { reason: 'bounce', at: at(4) },
      subscribed: false,
      consent: { unsubscribedAt: at(5) },
    });
    expect((await getContact(ws, ada.id)).channels[0].suppression).toBeUndefined();

    // activity.recorded once per recorded event; touches are what was sent and replied.
    const recorded = await waitFor(async () => {
      const all = await storedMessages<{
        data: { entryId: string; touch: boolean; activity: string };
      }>(h.nc, h.subjects.stream('events').name, h.subjects.event(ws, 'activity.recorded'));
      return all.length >= 10 ? all : undefined;
    });
    expect(recorded).toHaveLength(10);
    expect(
      recorded
        .filter((r) => r.data.touch)
        .map((r) => r.data.activity)
        .sort(),
    ).toEqual(['email.replied', 'email.replied', 'email.sent', 'email.sent']);
  });

  it('dead-letters what is not the contract, with the reason, and goes on', async () => {
    const ws = 'ws-m2';
    const ada = await contactIn(ws, `ada-${unique()}@example.com`);
    const dlq = await NatsTap.open(h.nc, `${h.ns.natsPrefix}dlq.${MessagingConsumer.durable}.>`);
    const ok = { id: `ok-${unique()}`, occurredAt: at(1), contactId: ada.id };
    await h.publishRaw(
      h.subjects.messaging(ws, 'email', 'opened'),
      new TextEncoder().encode('{nope'),
    );
    await h.publishInbound(ws, 'email', 'opened', { occurredAt: at(1), contactId: ada.id });
    await h.publishInbound(ws, 'email', 'opened', { id: 'x1', occurredAt: at(1) });
    await h.publishInbound(ws, 'email', 'teleported', { ...ok, id: 'x2' });
    await h.publishInbound(ws, 'fax', 'sent', { ...ok, id: 'x3' });
    await h.publishInbound(ws, 'bot', 'replied', {
      id: 'x4',
      occurredAt: at(1),
      address: 'a@b.co',
    });
    await h.publishInbound(ws, 'email', 'opened', ok);
    await waitFor(async () => (await timeline(ws, ada.id)).some((e) => e.sourceEventId === ok.id));
    await dlq.waitFor(() => dlq.messages.length >= 6);
    const reasons = dlq.messages.map((m) => [
      m.subject.slice(h.ns.natsPrefix.length),
      m.headers?.get(DLQ_HEADERS.reason),
      m.headers?.get(DLQ_HEADERS.error),
    ]);
    // In any order: batches may be handled side by side.
    expect(reasons).toHaveLength(6);
    expect(reasons).toEqual(
      expect.arrayContaining([
        [`dlq.activity-messaging.messaging.${ws}.email.opened`, 'invalid', 'Bad JSON'],
        [`dlq.activity-messaging.messaging.${ws}.email.opened`, 'invalid', 'id: Required'],
        [
          `dlq.activity-messaging.messaging.${ws}.email.opened`,
          'invalid',
          expect.stringMatching(/contactId: name the person by contactId or address/),
        ],
        [
          `dlq.activity-messaging.messaging.${ws}.email.teleported`,
          'invalid',
          expect.stringMatching(/unknown event email.teleported/),
        ],
        [
          `dlq.activity-messaging.messaging.${ws}.fax.sent`,
          'invalid',
          expect.stringMatching(/^2: Invalid enum value/),
        ],
        [
          `dlq.activity-messaging.messaging.${ws}.bot.replied`,
          'invalid',
          expect.stringMatching(/bot events name the person by contactId/),
        ],
      ]),
    );
    await idle();
    await dlq.close();
  });

  it('parks events for unknown people and records them when the contact appears', async () => {
    const ws = 'ws-m3';
    const email = `late-${unique()}@example.com`;
    const phone = '+4915112345678';
    const parkedEvents = [
      ['email', 'sent', { id: `p-${unique()}`, occurredAt: at(1), address: email }],
      ['email', 'opened', { id: `p-${unique()}`, occurredAt: at(2), address: email }],
      ['sms', 'replied', { id: `p-${unique()}`, occurredAt: at(3), address: '+49 151 1234 5678' }],
    ] as const;
    for (const [channel, event, payload] of parkedEvents) {
      await h.publishInbound(ws, channel, event, payload);
      await h.publishInbound(ws, channel, event, payload);
    }
    await idle();
    expect(await h.db.collection('parked_messages').countDocuments({ workspaceId: ws })).toBe(3);

    const late = await contactIn(ws, email, phone);
    await waitFor(async () => (await timeline(ws, late.id)).length === 4, {
      what: 'parked entries',
    });
    expect((await timeline(ws, late.id)).map((e) => e.type)).toEqual([
      'contact.created',
      'sms.replied',
      'email.opened',
      'email.sent',
    ]);
    expect(await h.db.collection('parked_messages').countDocuments({ workspaceId: ws })).toBe(0);
    // Known now: the next event goes straight to the timeline.
    await h.publishInbound(ws, 'email', 'clicked', {
      id: `p-${unique()}`,
      occurredAt: at(4),
      address: email,
    });
    await waitFor(async () => (await timeline(ws, late.id)).length === 5);
  });

  it('never files an event on a contact of another workspace', async () => {
    const theirs = await contactIn('ws-m4-other', `theirs-${unique()}@example.com`);
    await h.publishInbound('ws-m4', 'email', 'opened', {
      id: `t-${unique()}`,
      occurredAt: at(1),
      contactId: theirs.id,
    });
    await h.publishInbound('ws-m4', 'email', 'bounced', {
      id: `t-${unique()}`,
      occurredAt: at(2),
      address: theirs.channels[0].value,
    });
    await idle();
    expect((await timeline('ws-m4-other', theirs.id)).map((e) => e.type)).toEqual([
      'contact.created',
    ]);
    expect((await getContact('ws-m4-other', theirs.id)).channels[0].suppression).toBeUndefined();
    expect(await h.db.collection('parked_messages').countDocuments({ workspaceId: 'ws-m4' })).toBe(
      2,
    );
  });
});
