import { RPC, type Contact } from '@switchboard/contracts';
import { DLQ_HEADERS, newId } from '@switchboard/messaging';
import { NatsTap, storedMessages, waitFor } from '@switchboard/testing';
import { MessagingConsumer } from '../src/messaging/messaging.consumer';
import { RematchConsumer } from '../src/messaging/rematch.consumer';
import { useActivityHarness } from './support/activity-harness';

// Small batches, several in flight: a backlog spans many batches handled side by side. Lookups
// are remembered longer than a slow machine takes for the backlog.
const h = useActivityHarness(['contacts'], {
  MESSAGING_BATCH_MAX: '20',
  MESSAGING_BATCHES_IN_FLIGHT: '3',
  CONTACT_CACHE_TTL_MS: '600000',
  DB_COMMAND_COUNTS: 'true',
});

const unique = () => newId().slice(-12);
const at = (second: number) => new Date(Date.UTC(2026, 6, 1, 9, 0, second)).toISOString();
const contactIn = (ws: string, i: number): Promise<Contact> =>
  h.rpc.call(RPC.contacts.create, h.ctx(ws), {
    displayName: `Person ${i}`,
    channels: [{ type: 'email', value: `p${i}-${unique()}@example.com` }],
  });
/** Waits until ingestion and the contact-event consumer have nothing left. */
const idle = () =>
  h.idle(['messaging', MessagingConsumer.durable], ['events', RematchConsumer.durable]);
const recordedOf = (ws: string) =>
  storedMessages<{ data: { entryId: string } }>(
    h.nc,
    h.subjects.stream('events').name,
    h.subjects.event(ws, 'activity.recorded'),
  );

describe('messaging ingestion in batches', () => {
  it('looks each person up once after a restart, however many batches name them at once', async () => {
    const ws = 'ws-b1';
    const people: Contact[] = [];
    for (let i = 0; i < 5; i++) people.push(await contactIn(ws, i));
    await idle();
    const lookups = await NatsTap.open(h.nc, `${h.ns.natsPrefix}rpc.contacts.>`);
    const ids: string[] = [];
    await h.restartActivity(async () => {
      // 150 events (8 batches), every person named in each by id and by address.
      for (let i = 0; i < 150; i++) {
        const p = people[i % people.length];
        const id = `b1-${i}-${unique()}`;
        ids.push(id);
        await h.publishInbound(ws, 'email', 'opened', {
          id,
          occurredAt: at(i % 60),
          ...(i % 2 === 0 ? { contactId: p.id } : { address: p.channels[0].value }),
        });
      }
    });
    await idle();

    const entries = await h.entries({ workspaceId: ws, sourceEventId: { $in: ids } });
    expect(entries).toHaveLength(150);
    expect(new Set(entries.map((e) => e.sourceEventId)).size).toBe(150);
    // Five people, each named two ways: ten lookups, not one per batch.
    const asked = lookups.messages.map((m) => m.subject.slice(h.ns.natsPrefix.length));
    expect(asked.filter((s) => s === 'rpc.contacts.get')).toHaveLength(5);
    expect(asked.filter((s) => s === 'rpc.contacts.findByChannel')).toHaveLength(5);
    await lookups.close();
    // The restarted process's database commands (DB_COMMAND_COUNTS): inserts by the batch, not
    // by the event.
    const res = await fetch(`${h.activity.url}/health/db-commands`);
    expect(res.status).toBe(200);
    const { total, commands } = (await res.json()) as {
      total: number;
      commands: Record<string, number>;
    };
    expect(commands.insert).toBeGreaterThanOrEqual(1);
    expect(commands.insert).toBeLessThan(150 / 5);
    expect(total).toBe(Object.values(commands).reduce((a, b) => a + b, 0));
  });

  it('records the rest of a batch once each and dead-letters the message that fails it', async () => {
    const ws = 'ws-b2';
    const ada = await contactIn(ws, 9);
    await idle();
    const dlq = await NatsTap.open(h.nc, `${h.ns.natsPrefix}dlq.${MessagingConsumer.durable}.>`);
    const good = Array.from({ length: 12 }, (_, i) => `b2-${i}-${unique()}`);
    const bad = `b2-bad-${unique()}`;
    await h.restartActivity(async () => {
      for (const [i, id] of good.entries()) {
        await h.publishInbound(ws, 'email', i % 2 ? 'sent' : 'opened', {
          id,
          occurredAt: at(i),
          contactId: ada.id,
        });
        // Mid-batch: an SMS address with no digits passes the payload schema, but the contacts
        // service refuses to look it up (validation_failed), which fails the whole batch.
        if (i === 5)
          await h.publishInbound(ws, 'sms', 'sent', { id: bad, occurredAt: at(i), address: '()' });
      }
    });
    await dlq.waitFor(() => dlq.messages.length >= 1);
    await idle();

    const entries = await h.entries({ workspaceId: ws, sourceEventId: { $in: [...good, bad] } });
    expect(entries.map((e) => e.sourceEventId).sort()).toEqual([...good].sort());
    expect(dlq.messages.map((m) => [m.subject, m.headers?.get(DLQ_HEADERS.reason)])).toEqual([
      [`${h.ns.natsPrefix}dlq.activity-messaging.messaging.${ws}.sms.sent`, 'rejected'],
    ]);
    // activity.recorded once per recorded entry, though the batch's follow-ups ran again.
    const recorded = await waitFor(async () => {
      const all = await recordedOf(ws);
      return all.length >= good.length ? all : undefined;
    });
    expect(recorded.map((r) => r.data.entryId).sort()).toEqual(
      good.map((id) => `msg:${ws}:${id}`).sort(),
    );
    await dlq.close();
  });
});
