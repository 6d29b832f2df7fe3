import { headers as natsHeaders, JSONCodec, type NatsConnection } from 'nats';
import type {
  AuditEntry,
  Communication,
  Contact,
  Note,
  Page,
  Session,
  TimelineEntry,
} from '@switchboard/contracts';
import { DLQ_HEADERS, SubjectNamespace } from '@switchboard/messaging';
import {
  http,
  NatsTap,
  newContact,
  Platform,
  signUp,
  storedMessages,
  testNamespace,
  waitFor,
} from '@switchboard/testing';

/**
 * The activity plane as its clients see it: a messaging service publishing on NATS what
 * happened to its messages (by contact id and by address, with duplicates and garbage), and
 * people using the timeline, communication history, notes and audit trail over HTTP.
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
const timeline = async (s: Session, contactId: string, query = '') =>
  (
    await call<Page<TimelineEntry>>(
      s,
      'GET',
      `/v1/contacts/${contactId}/timeline?limit=200${query}`,
    )
  ).body.items;

/** As a messaging service would: JetStream, no Nats-Msg-Id (the CRM must deduplicate by `id`). */
const report = async (ws: string, channel: string, event: string, payload: unknown) => {
  const data =
    typeof payload === 'string' ? new TextEncoder().encode(payload) : codec.encode(payload);
  await nc
    .jetstream()
    .publish(subjects.messaging(ws, channel, event), data, { headers: natsHeaders() });
};

beforeAll(async () => {
  platform = await Platform.start(ns, ['gateway', 'contacts', 'activity']);
  nc = await ns.natsConnect();
  [alice, bob] = await Promise.all([signUp(platform.gatewayUrl), signUp(platform.gatewayUrl)]);
});

afterAll(async () => {
  await nc?.close();
  await platform?.stop();
});

describe('activity end to end', () => {
  it('folds what a messaging service reports into timelines and suppression, each event once', async () => {
    const ws = alice.workspace.id;
    const ada = await newContact(platform.gatewayUrl, alice.accessToken);
    const grace = await newContact(platform.gatewayUrl, alice.accessToken, {
      firstName: 'Grace',
      lastName: 'Hopper',
    });
    const dlq = await NatsTap.open(nc, `${ns.natsPrefix}dlq.activity-messaging.>`);
    const lifecycle = ['sent', 'opened', 'clicked', 'replied', 'bounced'] as const;
    const minute = (m: number) => new Date(Date.UTC(2026, 6, 1, 12, m)).toISOString();
    const sent: { contact: Contact; id: string; event: string }[] = [];
    for (const [who, name] of [
      [ada, 'id'],
      [grace, 'address'],
    ] as const) {
      for (const [i, event] of lifecycle.entries()) {
        const id = `${name}-${event}-${who.id}`;
        const payload = {
          id,
          occurredAt: minute(i),
          ...(name === 'id'
            ? { contactId: who.id }
            : { address: who.channels[0].value.toUpperCase() }),
          campaignId: 'spring',
          messageId: `m-${who.id}`,
          ...(event === 'bounced' ? { detail: { bounceType: 'hard', smtp: '550 5.1.1' } } : {}),
        };
        await report(ws, 'email', event, payload);
        sent.push({ contact: who, id, event });
        // Every other event twice: a sender retrying after a lost ack.
        if (i % 2 === 0) await report(ws, 'email', event, payload);
      }
    }
    await report(ws, 'email', 'opened', '{"id": "broken",');
    await report(ws, 'email', 'opened', { id: 'no-person', occurredAt: minute(9) });
    await report(ws, 'email', 'exploded', {
      id: 'no-such-event',
      occurredAt: minute(9),
      contactId: ada.id,
    });

    for (const who of [ada, grace]) {
      const line = await waitFor(
        async () => {
          const items = (await timeline(alice, who.id, '&types=email.*')).filter((e) =>
            e.type.startsWith('email.'),
          );
          return items.length >= lifecycle.length ? items : undefined;
        },
        { what: `the email events on ${who.displayName}'s timeline`, timeoutMs: 20_000 },
      );
      expect(line.map((e) => e.type)).toEqual(lifecycle.map((e) => `email.${e}`).reverse());
      expect(new Set(line.map((e) => e.sourceEventId)).size).toBe(lifecycle.length);
      expect(line.find((e) => e.type === 'email.bounced')?.detail).toMatchObject({
        channel: 'email',
        event: 'bounced',
        campaignId: 'spring',
        data: { bounceType: 'hard', smtp: '550 5.1.1' },
      });
    }

    // The hard bounce suppressed each one's email channel, in the contacts service.
    for (const who of [ada, grace]) {
      const channel = await waitFor(async () => {
        const res = await call<Contact>(alice, 'GET', `/v1/contacts/${who.id}`);
        return res.body.channels[0].suppression ? res.body.channels[0] : undefined;
      });
      expect(channel.suppression).toEqual({ reason: 'bounce', at: minute(4) });
    }

    // The touches (sent, then replied) flowed back to the contacts service as lastTouchAt.
    for (const who of [ada, grace]) {
      await waitFor(
        async () => {
          const res = await call<Contact>(alice, 'GET', `/v1/contacts/${who.id}`);
          return res.body.lastTouchAt === minute(3);
        },
        { what: `${who.displayName}'s last touch` },
      );
    }

    // The malformed ones were dead-lettered with the reason; the consumer went on.
    await dlq.waitFor(() => dlq.messages.length >= 3);
    expect(dlq.messages.map((m) => m.headers?.get(DLQ_HEADERS.error))).toHaveLength(3);
    expect(dlq.messages.map((m) => m.headers?.get(DLQ_HEADERS.error))).toEqual(
      expect.arrayContaining([
        'Bad JSON',
        expect.stringMatching(/name the person by contactId or address/),
        expect.stringMatching(/unknown event email.exploded/),
      ]),
    );
    expect(dlq.messages.every((m) => m.headers?.get(DLQ_HEADERS.reason) === 'invalid')).toBe(true);
    await dlq.close();

    // Nothing twice: one activity.recorded per event, and the other workspace sees none of it.
    const recorded = await storedMessages<{ data: { entryId: string } }>(
      nc,
      subjects.stream('events').name,
      subjects.event(ws, 'activity.recorded'),
    );
    expect(recorded).toHaveLength(sent.length);
    expect(new Set(recorded.map((r) => r.data.entryId)).size).toBe(sent.length);
    expect((await call(bob, 'GET', `/v1/contacts/${ada.id}/timeline`)).status).toBe(404);
  });

  it('keeps an append-only communication history, notes with revisions and the audit trail', async () => {
    const contact = await newContact(platform.gatewayUrl, alice.accessToken);
    const logged = await call<Communication>(
      alice,
      'POST',
      `/v1/contacts/${contact.id}/communications`,
      {
        channel: 'meeting',
        direction: 'outbound',
        occurredAt: '2026-07-02T09:00:00.000Z',
        summary: 'Demo with the team',
        sourceRef: 'calendar:abc',
      },
    );
    expect(logged.status).toBe(201);
    expect(
      (
        await call(alice, 'POST', `/v1/contacts/${contact.id}/communications`, {
          channel: 'pigeon',
        })
      ).status,
    ).toBe(400);
    const edited = await call<Communication>(
      alice,
      'PATCH',
      `/v1/communications/${logged.body.id}`,
      {
        summary: 'Demo with the whole team',
      },
    );
    expect(edited.body).toMatchObject({
      supersedes: logged.body.id,
      summary: 'Demo with the whole team',
    });
    expect((await call(alice, 'DELETE', `/v1/communications/${edited.body.id}`)).status).toBe(200);
    const history = await call<Page<Communication>>(
      alice,
      'GET',
      `/v1/contacts/${contact.id}/communications`,
    );
    expect(history.body.items).toEqual([]);

    // A logged conversation is a touch too.
    await waitFor(async () => {
      const res = await call<Contact>(alice, 'GET', `/v1/contacts/${contact.id}`);
      return res.body.lastTouchAt === '2026-07-02T09:00:00.000Z';
    });

    const note = await call<Note>(alice, 'POST', '/v1/notes', {
      anchor: { type: 'contact', id: contact.id },
      body: 'Prefers **email**',
    });
    expect(note.status).toBe(201);
    const revised = await call<Note>(alice, 'PATCH', `/v1/notes/${note.body.id}`, {
      body: 'Prefers phone',
    });
    expect(revised.body).toMatchObject({
      revision: 2,
      revisions: [{ revision: 1, body: 'Prefers **email**' }],
    });
    const notes = await call<Page<Note>>(
      alice,
      'GET',
      `/v1/notes?anchorType=contact&anchorId=${contact.id}`,
    );
    expect(notes.body.items.map((n) => n.body)).toEqual(['Prefers phone']);

    const audit = await waitFor(async () => {
      const res = await call<Page<AuditEntry>>(
        alice,
        'GET',
        `/v1/audit?targetId=${edited.body.id}`,
      );
      return res.body.items.length === 2 ? res.body.items : undefined;
    });
    expect(audit.map((a) => a.action).sort()).toEqual([
      'communication.deleted',
      'communication.edited',
    ]);
    expect(audit.find((a) => a.action === 'communication.edited')?.changes).toEqual([
      { field: 'summary', from: 'Demo with the team', to: 'Demo with the whole team' },
    ]);
    await waitFor(async () => {
      const res = await call<Page<AuditEntry>>(alice, 'GET', `/v1/audit?targetId=${note.body.id}`);
      return (
        res.body.items
          .map((a) => a.action)
          .sort()
          .join() === 'note.added,note.revised'
      );
    });
    const mine = await call<Page<AuditEntry>>(
      alice,
      'GET',
      `/v1/audit?actorId=${alice.user.id}&limit=200`,
    );
    expect(
      mine.body.items.some((a) => a.target.id === contact.id && a.action === 'contact.created'),
    ).toBe(true);

    const types = await waitFor(async () => {
      const t = (await timeline(alice, contact.id)).map((e) => e.type);
      return t.includes('note.revised') ? t : undefined;
    });
    expect(types.filter((t) => t.startsWith('communication.'))).toEqual([]);

    // Another workspace reaches none of it.
    for (const [method, path] of [
      ['GET', `/v1/contacts/${contact.id}/communications`],
      ['GET', `/v1/communications/${logged.body.id}`],
      ['PATCH', `/v1/communications/${logged.body.id}`],
      ['DELETE', `/v1/communications/${logged.body.id}`],
      ['GET', `/v1/notes/${note.body.id}`],
      ['PATCH', `/v1/notes/${note.body.id}`],
      ['DELETE', `/v1/notes/${note.body.id}`],
      ['GET', `/v1/notes?anchorType=contact&anchorId=${contact.id}`],
    ] as const) {
      const body =
        method === 'PATCH'
          ? path.includes('notes')
            ? { body: 'x' }
            : { summary: 'x' }
          : undefined;
      expect([method, path, (await call(bob, method, path, body)).status]).toEqual([
        method,
        path,
        404,
      ]);
    }
    expect(
      (
        await call(bob, 'POST', '/v1/notes', {
          anchor: { type: 'contact', id: contact.id },
          body: 'x',
        })
      ).status,
    ).toBe(404);
    const theirs = await call<Page<AuditEntry>>(bob, 'GET', `/v1/audit?targetId=${note.body.id}`);
    expect(theirs.body.items).toEqual([]);
  });
});
