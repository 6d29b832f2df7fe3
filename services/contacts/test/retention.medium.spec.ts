import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { QUEUES, RPC, type ContactErasedV1, type ContactSettings } from '@switchboard/contracts';
import { waitFor } from '@switchboard/testing';
import { useConfigHarness, workspace } from './support/config-harness';

/**
 * The retention purge (decision 0133): with `archivedRetentionDays` set, the `contact-retention`
 * job erases contacts archived longer ago than that, through the erasure (`contact.erased`,
 * reason `retention`), and leaves the others.
 */
const h = useConfigHarness();
const DAY_MS = 86_400_000;

async function archived(ws: string, name: string, daysAgo: number) {
  const c = await h.contact(ws, { displayName: name });
  await h.rpc.call(RPC.contacts.archive, h.ctx(ws), { id: c.id });
  // Backdated: archived `daysAgo` days ago.
  const at = new Date(Date.now() - daysAgo * DAY_MS);
  await h.relayed('contacts', c.id);
  const stored = (await h.stored('contacts', c.id)) as { statusHistory: { at: Date }[] };
  const statusHistory = stored.statusHistory.map((t) => ({ ...t, at }));
  await h.rawSet('contacts', c.id, { statusHistory, updatedAt: at });
  return c;
}

async function runPurge(): Promise<void> {
  const connection = new IORedis(h.ns.redisUrl, { maxRetriesPerRequest: null });
  const queue = new Queue(QUEUES.contactRetention, { connection, prefix: h.ns.queuePrefix });
  try {
    await queue.add('purge', {});
  } finally {
    await queue.close();
    await connection.quit();
  }
}

describe('retention purge of archived contacts', () => {
  it('erases contacts archived longer ago than the workspace retention, and only those', async () => {
    const ws = workspace();
    const other = workspace();
    const settings: ContactSettings = await h.rpc.call(RPC.contacts.updateSettings, h.ctx(ws), {
      archivedRetentionDays: 30,
    });
    expect(settings.archivedRetentionDays).toBe(30);
    const old = await archived(ws, 'Archived long ago', 45);
    const recent = await archived(ws, 'Archived lately', 5);
    const active = await h.contact(ws, { displayName: 'Still active' });
    // A workspace without a retention keeps its archived contacts, however old.
    const kept = await archived(other, 'Kept elsewhere', 400);

    await runPurge();

    const erased = await h.event<ContactErasedV1>('contact.erased', old.id);
    expect(erased.data).toMatchObject({ contactId: old.id, reason: 'retention' });
    expect(erased.actor).toEqual({ type: 'service', id: 'contacts-retention' });
    await waitFor(async () => (await h.stored('contacts', old.id)) === null || undefined);
    for (const id of [recent.id, active.id, kept.id])
      expect(await h.stored('contacts', id)).not.toBeNull();
    expect(h.events('contact.erased', recent.id)).toEqual([]);
    expect(h.events('contact.erased', kept.id)).toEqual([]);
  });

  it('is off until a workspace sets it, and can be turned off again', async () => {
    const ws = workspace();
    const before: ContactSettings = await h.rpc.call(RPC.contacts.getSettings, h.ctx(ws), {});
    expect(before.archivedRetentionDays).toBeNull();
    await h.rpc.call(RPC.contacts.updateSettings, h.ctx(ws), { archivedRetentionDays: 10 });
    const off: ContactSettings = await h.rpc.call(RPC.contacts.updateSettings, h.ctx(ws), {
      archivedRetentionDays: null,
    });
    expect(off.archivedRetentionDays).toBeNull();
    const bad = await h.err(
      h.rpc.call(RPC.contacts.updateSettings, h.ctx(ws), { archivedRetentionDays: 0 }),
    );
    expect(bad?.code).toBe('validation_failed');
  });
});
