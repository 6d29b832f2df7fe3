import { MAX_BULK_CONTACTS, RPC, type BulkContactsResult } from '@switchboard/contracts';
import { newId } from '@switchboard/messaging';
import { buildContactDoc } from '../src/contacts/contact-builder';
import { useContactWritesHarness } from './support/contact-writes-harness';

const h = useContactWritesHarness();
const { ctx, err } = h;
const actor = { type: 'user', id: 'admin-1' } as const;

const many = (ws: string, n: number, extra: Record<string, unknown> = {}) =>
  Promise.all(
    Array.from({ length: n }, (_, i) => h.create(ws, { displayName: `C${i}`, ...extra })),
  );

describe('bulk actions (rpc.contacts.bulk)', () => {
  it('tags contacts by id, counting changed, unchanged and failed ones, events per contact', async () => {
    const [a, b, c] = await many('ws-b1', 3);
    await h.rpc.call(RPC.contacts.tags, ctx('ws-b1'), { id: b.id, tags: { add: ['hot'] } });
    const elsewhere = await h.create('ws-b1-other', { displayName: 'Elsewhere' });
    const result = await h.rpc.call(RPC.contacts.bulk, ctx('ws-b1'), {
      ids: [a.id, b.id, c.id, elsewhere.id, a.id],
      action: 'tag',
      tags: ['hot'],
    });
    expect(result).toEqual<BulkContactsResult>({
      action: 'tag',
      matched: 4,
      changed: 2,
      unchanged: 1,
      failed: 1,
      errors: [{ id: elsewhere.id, code: 'not_found', message: expect.any(String) }],
      nextCursor: null,
    });
    for (const id of [a.id, c.id]) {
      expect((await h.event('contact.tag.added', id, 2)).data).toMatchObject({ tags: ['hot'] });
    }
    // The other workspace's contact is untouched.
    expect(await h.stored(elsewhere.id)).toMatchObject({ version: 1, tags: [] });
  });

  it('claims, releases, assigns, sets stages and archives, each with its rules', async () => {
    const [free, taken] = await many('ws-b2', 2);
    await h.rpc.call(RPC.contacts.claim, ctx('ws-b2', 'someone'), { id: taken.id });
    const member = ctx('ws-b2', 'member-1', 'own');

    const claim = await h.rpc.call(RPC.contacts.bulk, member, {
      ids: [free.id, taken.id],
      action: 'claim',
    });
    expect(claim).toMatchObject({
      changed: 1,
      failed: 1,
      errors: [{ id: taken.id, code: 'conflict' }],
    });

    const release = await h.rpc.call(RPC.contacts.bulk, member, {
      ids: [free.id, taken.id],
      action: 'release',
    });
    expect(release).toMatchObject({
      changed: 1,
      failed: 1,
      errors: [{ id: taken.id, code: 'forbidden' }],
    });

    const assign = await h.rpc.call(RPC.contacts.bulk, ctx('ws-b2'), {
      ids: [free.id, taken.id],
      action: 'assign',
      ownerId: 'rep-1',
    });
    expect(assign).toMatchObject({ changed: 2, failed: 0 });
    await h.event('contact.owner.claimed', free.id, 4);

    const stage = await h.rpc.call(RPC.contacts.bulk, ctx('ws-b2'), {
      ids: [free.id, taken.id],
      action: 'set_stage',
      stage: 'prospect',
    });
    expect(stage).toMatchObject({ changed: 2 });
    expect((await h.event('contact.stage.changed', taken.id)).data).toMatchObject({
      from: null,
      to: 'prospect',
    });
    expect(
      await err(
        h.rpc.call(RPC.contacts.bulk, ctx('ws-b2'), {
          ids: [free.id],
          action: 'set_stage',
          stage: 'nope',
        }),
      ),
    ).toMatchObject({ code: 'validation_failed' });

    const archive = await h.rpc.call(RPC.contacts.bulk, ctx('ws-b2'), {
      ids: [free.id, taken.id],
      action: 'archive',
    });
    expect(archive).toMatchObject({ changed: 2 });
    expect((await h.event('contact.archived', free.id)).data).toMatchObject({ reason: 'bulk' });
    // Writes to archived contacts fail one by one, they never stop the request.
    expect(
      await h.rpc.call(RPC.contacts.bulk, ctx('ws-b2'), {
        ids: [free.id],
        action: 'tag',
        tags: ['x'],
      }),
    ).toMatchObject({ failed: 1, errors: [{ id: free.id, code: 'conflict' }] });
  });

  it('refuses an action the caller’s capabilities do not cover, touching nothing', async () => {
    const [a] = await many('ws-b3', 1);
    const noDelete = ctx('ws-b3', 'admin-1', 'all', ['contacts.update', 'contacts.tag']);
    expect(
      await err(h.rpc.call(RPC.contacts.bulk, noDelete, { ids: [a.id], action: 'archive' })),
    ).toMatchObject({ code: 'forbidden' });
    const member = ctx('ws-b3', 'member-1', 'own');
    expect(
      await err(
        h.rpc.call(RPC.contacts.bulk, member, { ids: [a.id], action: 'assign', ownerId: 'x' }),
      ),
    ).toMatchObject({ code: 'forbidden' });
    expect(await h.stored(a.id)).toMatchObject({ version: 1, status: 'active', ownerId: null });
  });

  it('acts on a filter of the workspace only, page by page with a cursor', async () => {
    await many('ws-b4', 4, { tags: ['lead'] });
    await many('ws-b4', 2);
    await many('ws-b4-other', 3, { tags: ['lead'] });
    const first = await h.rpc.call(RPC.contacts.bulk, ctx('ws-b4'), {
      filter: { tags: 'lead' },
      action: 'tag',
      tags: ['campaign'],
    });
    expect(first).toMatchObject({ matched: 4, changed: 4, nextCursor: null });
    const tagged = await h.db
      .collection('contacts')
      .find({ tags: 'campaign' })
      .project<{ workspaceId: string }>({ workspaceId: 1 })
      .toArray();
    expect(tagged.map((t) => t.workspaceId)).toEqual(Array(4).fill('ws-b4'));
    // Untagging takes contacts out of the filter: the keyset still visits each once.
    const untag = await h.rpc.call(RPC.contacts.bulk, ctx('ws-b4'), {
      filter: { tags: 'campaign' },
      action: 'untag',
      tags: ['campaign'],
    });
    expect(untag).toMatchObject({ matched: 4, changed: 4 });
    expect(
      await err(
        h.rpc.call(RPC.contacts.bulk, ctx('ws-b4'), {
          filter: {},
          cursor: 'garbage',
          action: 'claim',
        }),
      ),
    ).toMatchObject({ code: 'validation_failed' });
  });

  it(`takes at most ${MAX_BULK_CONTACTS} contacts of a filter per request, then continues from the cursor`, async () => {
    const docs = Array.from({ length: MAX_BULK_CONTACTS + 5 }, (_, i) => ({
      ...buildContactDoc(
        { displayName: `Many ${i}` },
        { id: newId(), workspaceId: 'ws-b6', actor, now: new Date(), dedupRule: 'email' },
      ),
      outbox: [],
      outboxPending: false,
    }));
    await h.db.collection('contacts').insertMany(docs as never[]);
    const first = await h.rpc.call(
      RPC.contacts.bulk,
      ctx('ws-b6'),
      { filter: {}, action: 'tag', tags: ['all'] },
      { timeoutMs: 60_000 },
    );
    expect(first).toMatchObject({ matched: MAX_BULK_CONTACTS, changed: MAX_BULK_CONTACTS });
    expect(first.nextCursor).toEqual(expect.any(String));
    const rest = await h.rpc.call(RPC.contacts.bulk, ctx('ws-b6'), {
      filter: {},
      cursor: first.nextCursor!,
      action: 'tag',
      tags: ['all'],
    });
    expect(rest).toMatchObject({ matched: 5, changed: 5, nextCursor: null });
    expect(
      await h.db.collection('contacts').countDocuments({ workspaceId: 'ws-b6', tags: 'all' }),
    ).toBe(MAX_BULK_CONTACTS + 5);
  });

  it('validates the request shape', async () => {
    for (const bad of [
      { action: 'tag', tags: ['x'] },
      { ids: ['a'], filter: {}, action: 'claim' },
      { ids: ['a'], action: 'tag' },
      { ids: ['a'], action: 'claim', tags: ['x'] },
      { ids: ['a'], action: 'assign' },
      { ids: Array.from({ length: MAX_BULK_CONTACTS + 1 }, (_, i) => `id${i}`), action: 'claim' },
    ]) {
      expect(await err(h.rpc.call(RPC.contacts.bulk, ctx('ws-b5'), bad as never))).toMatchObject({
        code: 'validation_failed',
      });
    }
  });
});
