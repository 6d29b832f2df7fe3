import { DiscardPolicy } from 'nats';
import { RPC, type Contact, type EventEnvelope } from '@switchboard/contracts';
import { newId } from '@switchboard/messaging';
import { sleep, storedMessages, waitFor } from '@switchboard/testing';
import { useContactListHarness } from './support/contact-list-harness';

/**
 * Issue 19: the outbox must let writes through while JetStream refuses events. The outage is
 * real: the events stream is capped at its current size with `discard: new`, so every publish of
 * the relay fails, while RPC requests still reach the service. It lasts while the writes run and
 * at least SB_TEST_OUTAGE_MS (default 0; 30000 reproduces the 30 s) — no assertion waits
 * on the clock. Before the write kernel, the second write of a contact waited for the relay and
 * failed.
 */
const h = useContactListHarness();
const WS = `ws-outage-${newId()}`;
const OUTAGE_MS = Number(process.env.SB_TEST_OUTAGE_MS ?? 0);
const stream = () => h.subjects.stream('events').name;

async function jetStreamDown(down: boolean): Promise<void> {
  const jsm = await h.nc.jetstreamManager();
  const info = await jsm.streams.info(stream());
  await jsm.streams.update(stream(), {
    ...info.config,
    max_msgs: down ? info.state.messages : -1,
    discard: down ? DiscardPolicy.New : info.config.discard,
  });
}

const contactEvents = async () =>
  storedMessages<EventEnvelope>(h.nc, stream(), `${h.ns.natsPrefix}crm.${WS}.contact.>`);

it('100 writes to 10 contacts succeed while JetStream refuses events; each goes out once, in order', async () => {
  const contacts: Contact[] = [];
  for (let i = 0; i < 10; i++) contacts.push(await h.create(WS, { displayName: `C${i}` }));
  await waitFor(async () => (await contactEvents()).length === 10, { what: 'created events' });
  const discard = (await (await h.nc.jetstreamManager()).streams.info(stream())).config.discard;

  await jetStreamDown(true);
  const started = Date.now();
  try {
    await expect(
      h.nc.jetstream().publish(`${h.ns.natsPrefix}crm.${WS}.probe.refused`, '{}'),
    ).rejects.toThrow();
    // Ten writes per contact in a row (each needs the one before), contacts side by side; every
    // other write carries the version it read (If-Match).
    await Promise.all(
      contacts.map(async (c) => {
        for (let i = 0; i < 10; i++) {
          const written = await h.rpc.call(RPC.contacts.update, h.ctx(WS), {
            id: c.id,
            patch: { firstName: `v${i}`, ...(i % 2 === 0 ? { version: 1 + i } : {}) },
          });
          expect(written.version).toBe(2 + i);
        }
      }),
    );
    expect(await contactEvents()).toHaveLength(10);
    for (const c of contacts) {
      const stored = await h.db.collection('contacts').findOne({ _id: c.id as never });
      expect(stored?.outbox).toHaveLength(10);
    }
    await sleep(Math.max(0, OUTAGE_MS - (Date.now() - started)));
  } finally {
    await jetStreamDown(false);
  }
  const jsm = await h.nc.jetstreamManager();
  expect((await jsm.streams.info(stream())).config.discard).toBe(discard);

  // The relay retries with back-off; a write (elsewhere) kicks it, as any request would.
  const events = await waitFor(
    async () => {
      const got = await contactEvents();
      if (got.length >= 110) return got;
      await h.create(`ws-kick-${newId()}`, { displayName: 'kick' });
      return undefined;
    },
    { timeoutMs: 45_000, intervalMs: 500, what: '100 contact.updated events' },
  );
  expect(events).toHaveLength(110);
  expect(new Set(events.map((e) => e.id)).size).toBe(110);
  for (const c of contacts) {
    const versions = events.filter((e) => e.aggregate.id === c.id).map((e) => e.aggregate.version);
    expect(versions).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  }
});
