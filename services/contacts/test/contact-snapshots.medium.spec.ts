import {
  CONTACT_EVENT_HISTORY_MAX,
  RPC,
  type Contact,
  type RequestContext,
} from '@switchboard/contracts';
import { newId } from '@switchboard/messaging';
import { useContactsService, type Failure } from './support/contacts-harness';

/**
 * What read models rebuild from (issue 19, decision 0085): contact events typed and bounded,
 * and the snapshot pages — services only, one workspace, cut by size.
 */
const h = useContactsService();
const ws = () => `ws-${newId()}`;
const service = (workspaceId: string): RequestContext => ({
  ...h.context(workspaceId),
  actor: { type: 'service', id: 'segments' },
  role: 'service',
  capabilities: [],
});

async function renewalField(workspaceId: string) {
  await h.rpc.call(RPC.contacts.createCustomField, h.context(workspaceId), {
    entity: 'contact',
    slug: 'renewal',
    label: 'Renewal',
    type: 'date',
  });
  await h.rpc.call(RPC.contacts.createCustomField, h.context(workspaceId), {
    entity: 'contact',
    slug: 'plan',
    label: 'Plan',
    type: 'text',
  });
}

describe('contact events', () => {
  it('carry the type of every custom value, on create and on update', async () => {
    const w = ws();
    await renewalField(w);
    const c = await h.rpc.call(RPC.contacts.create, h.context(w), {
      displayName: 'Typed',
      customFields: { renewal: '2026-03-01' },
    });
    const created = await h.event<{ customFieldTypes: Record<string, string> }>(
      'contact.created',
      c.id,
    );
    expect(created.data.customFieldTypes).toEqual({ renewal: 'date' });
    await h.rpc.call(RPC.contacts.update, h.context(w), {
      id: c.id,
      patch: { customFields: { plan: '2026-03-01' } },
    });
    const updated = await h.event<{ customFieldTypes: Record<string, string> }>(
      'contact.updated',
      c.id,
      2,
    );
    expect(updated.data.customFieldTypes).toEqual({ renewal: 'date', plan: 'text' });
  });

  it('carry the latest stage transitions of a long-lived contact', async () => {
    const w = ws();
    const c = await h.rpc.call(RPC.contacts.create, h.context(w), { displayName: 'Busy' });
    await h.relayed('contacts', c.id);
    const history = Array.from({ length: 60 }, (_, i) => ({
      from: `s${i}`,
      to: `s${i + 1}`,
      at: new Date(),
      actor: { type: 'user', id: 'u1' },
    }));
    await h.db.collection('contacts').updateOne({ _id: c.id } as never, {
      $set: { stageHistory: history },
    });
    await h.rpc.call(RPC.contacts.update, h.context(w), { id: c.id, patch: { firstName: 'B' } });
    const updated = await h.event<{ contact: { stageHistory: { to: string }[] } }>(
      'contact.updated',
      c.id,
      2,
    );
    expect(updated.data.contact.stageHistory).toHaveLength(CONTACT_EVENT_HISTORY_MAX);
    expect(updated.data.contact.stageHistory.at(-1)?.to).toBe('s60');
  });
});

describe('rpc.contacts.snapshots.page', () => {
  it('pages every contact of the workspace (archived too) with its field types', async () => {
    const w = ws();
    await renewalField(w);
    const made: Contact[] = [];
    for (let i = 0; i < 5; i++) {
      made.push(
        await h.rpc.call(RPC.contacts.create, h.context(w), {
          displayName: `S${i}`,
          customFields: { renewal: `2026-0${i + 1}-01` },
        }),
      );
    }
    await h.rpc.call(RPC.contacts.archive, h.context(w), { id: made[1].id });
    // Another workspace's contacts never show.
    await h.rpc.call(RPC.contacts.create, h.context(ws()), { displayName: 'Elsewhere' });
    const seen: { id: string; status: string; types: Record<string, string> }[] = [];
    let cursor: string | undefined;
    do {
      const page = await h.rpc.call(RPC.contacts.snapshots, service(w), {
        limit: 2,
        ...(cursor ? { cursor } : {}),
      });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(
        ...page.items.map((i) => ({
          id: i.contact.id,
          status: i.contact.status,
          types: i.customFieldTypes,
        })),
      );
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.map((s) => s.id)).toEqual(made.map((c) => c.id).sort());
    expect(seen.find((s) => s.id === made[1].id)?.status).toBe('archived');
    expect(seen.every((s) => s.types.renewal === 'date')).toBe(true);
  });

  it('ends a page early by size, losing no contact', async () => {
    const w = ws();
    const made: string[] = [];
    for (let i = 0; i < 3; i++) {
      const c = await h.rpc.call(RPC.contacts.create, h.context(w), { displayName: `Big ${i}` });
      await h.relayed('contacts', c.id);
      await h.db
        .collection('contacts')
        .updateOne({ _id: c.id } as never, { $set: { metadata: { blob: 'x'.repeat(300_000) } } });
      made.push(c.id);
    }
    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const page = await h.rpc.call(RPC.contacts.snapshots, service(w), {
        limit: 3,
        ...(cursor ? { cursor } : {}),
      });
      pages.push(page.items.map((i) => i.contact.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    // 3 × 300 KB is over the reply budget: pages stopped early, with a cursor.
    expect(pages[0].length).toBeLessThan(3);
    expect(pages.flat()).toEqual(made.sort());
  });

  it('is refused to users and API keys (forbidden)', async () => {
    const w = ws();
    const failure = (await h.err(
      h.rpc.call(RPC.contacts.snapshots, h.context(w), { limit: 10 }),
    )) as Failure;
    expect(failure.code).toBe('forbidden');
    const key = (await h.err(
      h.rpc.call(RPC.contacts.snapshotWorkspaces, h.context(w, 'k1', 'all', [], 'api_key'), {}),
    )) as Failure;
    expect(key.code).toBe('forbidden');
  });

  it('lists the workspaces holding contacts, in order, to services', async () => {
    const a = `wa-${newId()}`;
    const b = `wb-${newId()}`;
    for (const w of [a, b, a]) {
      await h.rpc.call(RPC.contacts.create, h.context(w), { displayName: 'W' });
    }
    const all: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await h.rpc.call(RPC.contacts.snapshotWorkspaces, service('system'), {
        ...(cursor ? { cursor } : {}),
      });
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(all.filter((w) => w === a || w === b)).toEqual([a, b]);
    expect([...all].sort()).toEqual(all);
  });
});
