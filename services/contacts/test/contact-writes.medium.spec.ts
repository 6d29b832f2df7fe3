import { CAPABILITIES, RPC, type Contact, type FieldChange } from '@switchboard/contracts';
import { useContactWritesHarness } from './support/contact-writes-harness';

const h = useContactWritesHarness();
const { ctx, err } = h;

describe('PATCH (rpc.contacts.update)', () => {
  it('leaves fields given blank as stored: only null clears (seed 003)', async () => {
    const c = await h.create('ws-u11', {
      firstName: 'Ada',
      lastName: 'Lovelace',
      locale: 'en-GB',
      address: { line1: '1 Main St', city: 'London' },
    });
    const same = await h.rpc.call(RPC.contacts.update, ctx('ws-u11'), {
      id: c.id,
      patch: { firstName: '', locale: ' ', source: '', address: { line1: '', city: '' } },
    });
    expect(same).toMatchObject({ firstName: 'Ada', locale: 'en-GB', version: 1 });
    expect(same.address).toEqual({ line1: '1 Main St', city: 'London' });
    const moved = await h.rpc.call(RPC.contacts.update, ctx('ws-u11'), {
      id: c.id,
      patch: { lastName: '', locale: null, address: { line1: '', city: 'Paris' } },
    });
    expect(moved).toMatchObject({ lastName: 'Lovelace', version: 2 });
    expect(moved.locale).toBeUndefined();
    expect(moved.address).toEqual({ line1: '1 Main St', city: 'Paris' });
  });

  it('changes what is given, clears what is null, and emits the field diff', async () => {
    const c = await h.create('ws-u1', {
      firstName: 'Ada',
      lastName: 'Lovelace',
      locale: 'en-GB',
      channels: [{ type: 'email', value: 'ada@example.com' }],
      customFields: {},
    });
    const next = await h.rpc.call(RPC.contacts.update, ctx('ws-u1'), {
      id: c.id,
      patch: { firstName: 'Augusta', locale: null, stage: 'lead', ownerId: 'admin-1' },
    });
    expect(next).toMatchObject({
      firstName: 'Augusta',
      lastName: 'Lovelace',
      displayName: 'Augusta Lovelace',
      stage: 'lead',
      ownerId: 'admin-1',
      version: 2,
    });
    expect(next.locale).toBeUndefined();
    expect(next.stageHistory).toEqual([
      expect.objectContaining({ from: null, to: 'lead', actor: { type: 'user', id: 'admin-1' } }),
    ]);
    const stored = await h.stored(c.id);
    expect(stored).not.toHaveProperty('locale');
    expect(stored).toMatchObject({ firstName: 'Augusta', version: 2 });

    const updated = await h.event<{ changes: FieldChange[]; contact: Contact }>(
      'contact.updated',
      c.id,
      2,
    );
    expect(updated.data.changes).toEqual([
      { field: 'firstName', from: 'Ada', to: 'Augusta' },
      { field: 'displayName', from: 'Ada Lovelace', to: 'Augusta Lovelace' },
      { field: 'locale', from: 'en-GB', to: null },
      { field: 'stage', from: null, to: 'lead' },
      { field: 'ownerId', from: null, to: 'admin-1' },
    ]);
    expect(updated.data.contact).toMatchObject({ id: c.id, version: 2, firstName: 'Augusta' });
    const staged = await h.event('contact.stage.changed', c.id, 2);
    expect(staged.data).toMatchObject({ from: null, to: 'lead' });
    const owned = await h.event('contact.owner.claimed', c.id, 2);
    expect(owned.data).toMatchObject({ ownerId: 'admin-1', previousOwnerId: null });
  });

  it('replaces channels, keeping consent and suppression of those that stay', async () => {
    const c = await h.create('ws-u2', {
      channels: [
        { type: 'email', value: 'keep@example.com' },
        { type: 'email', value: 'drop@example.com' },
      ],
    });
    const suppression = { reason: 'bounce', at: '2026-01-01T00:00:00.000Z' };
    const consent = { optInAt: '2025-12-01T00:00:00.000Z', source: 'form' };
    // Behind the service's back, once the relay is done with the document (its update would
    // otherwise rewrite the document over this one: docs/architecture.md, decision 25).
    await h.relayed('contacts', c.id);
    await h.db
      .collection<{ _id: string }>('contacts')
      .updateOne(
        { _id: c.id },
        { $set: { 'channels.0.suppression': suppression, 'channels.0.consent': consent } },
      );
    const next = await h.rpc.call(RPC.contacts.update, ctx('ws-u2'), {
      id: c.id,
      patch: {
        channels: [
          { type: 'email', value: 'new@example.com', primary: true },
          { type: 'email', value: 'KEEP@example.com', label: 'old' },
        ],
      },
    });
    expect(next.channels).toEqual([
      { type: 'email', value: 'new@example.com', primary: true, subscribed: true },
      {
        type: 'email',
        value: 'keep@example.com',
        label: 'old',
        primary: false,
        subscribed: true,
        consent,
        suppression,
      },
    ]);
    expect(next.displayName).toBe('new@example.com');
    expect(await h.stored(c.id)).toMatchObject({ dedupKey: 'email:new@example.com' });
  });

  it('answers duplicate_contact when the new primary email is another contact’s', async () => {
    const taken = await h.create('ws-u3', { channels: [{ type: 'email', value: 'a@x.io' }] });
    const c = await h.create('ws-u3', { channels: [{ type: 'email', value: 'b@x.io' }] });
    const e = await err(
      h.rpc.call(RPC.contacts.update, ctx('ws-u3'), {
        id: c.id,
        patch: { channels: [{ type: 'email', value: 'A@X.io' }] },
      }),
    );
    expect(e).toMatchObject({ code: 'duplicate_contact', details: { duplicateOf: taken.id } });
    expect(await h.stored(c.id)).toMatchObject({ version: 1, dedupKey: 'email:b@x.io' });
  });

  it('makes a write with a stale version a version_conflict; a no-op keeps the version', async () => {
    const c = await h.create('ws-u4', { displayName: 'V' });
    await h.rpc.call(RPC.contacts.update, ctx('ws-u4'), {
      id: c.id,
      patch: { displayName: 'V2', version: 1 },
    });
    const stale = await err(
      h.rpc.call(RPC.contacts.update, ctx('ws-u4'), {
        id: c.id,
        patch: { displayName: 'V3', version: 1 },
      }),
    );
    expect(stale).toMatchObject({ code: 'version_conflict', details: { currentVersion: 2 } });
    const same = await h.rpc.call(RPC.contacts.update, ctx('ws-u4'), {
      id: c.id,
      patch: { displayName: 'V2', version: 2 },
    });
    expect(same).toMatchObject({ displayName: 'V2', version: 2 });
    expect(await h.stored(c.id)).toMatchObject({ displayName: 'V2', version: 2 });
  });

  it('keeps the create rules and the workspace’s stages', async () => {
    const c = await h.create('ws-u5', { firstName: 'Solo' });
    expect(
      await err(
        h.rpc.call(RPC.contacts.update, ctx('ws-u5'), { id: c.id, patch: { firstName: null } }),
      ),
    ).toMatchObject({ code: 'validation_failed' });
    expect(
      await err(
        h.rpc.call(RPC.contacts.update, ctx('ws-u5'), { id: c.id, patch: { birthMonth: 2 } }),
      ),
    ).toMatchObject({ code: 'validation_failed' });
    expect(
      await err(
        h.rpc.call(RPC.contacts.update, ctx('ws-u5'), { id: c.id, patch: { stage: 'nirvana' } }),
      ),
    ).toMatchObject({ code: 'validation_failed' });
    expect(await h.stored(c.id)).toMatchObject({ firstName: 'Solo', version: 1 });
  });

  it('links only active companies of the workspace', async () => {
    const company = await h.rpc.call(RPC.contacts.createCompany, ctx('ws-u7'), { name: 'Acme' });
    const c = await h.create('ws-u7', { displayName: 'Linked' });
    expect(
      await err(
        h.rpc.call(RPC.contacts.update, ctx('ws-u7'), {
          id: c.id,
          patch: { companyLinks: [{ companyId: company.id }, { companyId: 'no-such-company' }] },
        }),
      ),
    ).toMatchObject({ code: 'validation_failed', errors: [{ path: 'companyLinks.1.companyId' }] });
    await expect(
      h.rpc.call(RPC.contacts.update, ctx('ws-u7'), {
        id: c.id,
        patch: { companyLinks: [{ companyId: company.id, title: 'CEO' }] },
      }),
    ).resolves.toMatchObject({ companyLinks: [{ companyId: company.id, title: 'CEO' }] });
  });

  it('needs contacts.tag for tags, whatever the route: PATCH, create, tags', async () => {
    const noTag = ctx('ws-u9', 'admin-1', 'all', [
      ...CAPABILITIES.filter((c) => c !== 'contacts.tag'),
    ]);
    const c = await h.create('ws-u9', { lastName: 'Tagged', tags: ['customer'] });
    for (const patch of [{ tags: ['vip'] }, { tags: null }, { tags: ['vip'], firstName: 'Z' }]) {
      expect(
        await err(h.rpc.call(RPC.contacts.update, noTag, { id: c.id, patch: patch })),
      ).toMatchObject({ code: 'forbidden', details: { capability: 'contacts.tag' } });
    }
    expect(
      await err(
        h.rpc.call(RPC.contacts.tags, noTag, { id: c.id, tags: { add: ['x'], remove: [] } }),
      ),
    ).toMatchObject({ code: 'forbidden' });
    expect(
      await err(h.rpc.call(RPC.contacts.create, noTag, { lastName: 'New', tags: ['vip'] })),
    ).toMatchObject({ code: 'forbidden' });
    expect(await h.stored(c.id)).toMatchObject({ tags: ['customer'], version: 1 });
    // Everything else stays open to contacts.update / contacts.create.
    await expect(
      h.rpc.call(RPC.contacts.update, noTag, { id: c.id, patch: { firstName: 'Z' } }),
    ).resolves.toMatchObject({ firstName: 'Z', tags: ['customer'] });
    await expect(
      h.rpc.call(RPC.contacts.create, noTag, { lastName: 'Plain', tags: [] }),
    ).resolves.toMatchObject({ lastName: 'Plain' });
  });

  it('reserves bot: tags to tags.system, on every route; keeping them needs nothing', async () => {
    const noSystem = ctx('ws-u10', 'admin-1', 'all', [
      ...CAPABILITIES.filter((c) => c !== 'tags.system'),
    ]);
    const system = ctx('ws-u10', 'admin-1', 'all', [...CAPABILITIES]);
    const c = await h.create('ws-u10', { lastName: 'Bot', tags: ['vip'] });
    const refused = [
      () => h.rpc.call(RPC.contacts.create, noSystem, { lastName: 'New', tags: ['bot:paused'] }),
      () => h.rpc.call(RPC.contacts.update, noSystem, { id: c.id, patch: { tags: ['BOT:human'] } }),
      () =>
        h.rpc.call(RPC.contacts.tags, noSystem, {
          id: c.id,
          tags: { add: ['bot:paused'], remove: [] },
        }),
    ];
    for (const call of refused) {
      expect(await err(call())).toMatchObject({
        code: 'forbidden',
        details: { capability: 'tags.system' },
      });
    }
    await expect(
      h.rpc.call(RPC.contacts.bulk, noSystem, { ids: [c.id], action: 'tag', tags: ['bot:paused'] }),
    ).resolves.toMatchObject({ failed: 1 });
    expect(await h.stored(c.id)).toMatchObject({ tags: ['vip'], version: 1 });

    const tagged = await h.rpc.call(RPC.contacts.tags, system, {
      id: c.id,
      tags: { add: ['bot:paused'], remove: [] },
    });
    expect(tagged.tags).toEqual(['vip', 'bot:paused']);
    // Others keep editing the contact (and its other tags) while the system tag stays.
    await expect(
      h.rpc.call(RPC.contacts.update, noSystem, {
        id: c.id,
        patch: { tags: ['bot:paused', 'b2b'], firstName: 'Robo' },
      }),
    ).resolves.toMatchObject({ tags: ['bot:paused', 'b2b'] });
    expect(
      await err(
        h.rpc.call(RPC.contacts.tags, noSystem, {
          id: c.id,
          tags: { add: [], remove: ['bot:paused'] },
        }),
      ),
    ).toMatchObject({ code: 'forbidden' });
  });

  it('lets scope "own" write only its own or unowned contacts, and assign only itself', async () => {
    const member = ctx('ws-u6', 'member-1', 'own');
    const theirs = await h.create('ws-u6', { displayName: 'Theirs', ownerId: 'other-1' });
    const free = await h.create('ws-u6', { displayName: 'Free' });
    expect(
      await err(
        h.rpc.call(RPC.contacts.update, member, { id: theirs.id, patch: { displayName: 'X' } }),
      ),
    ).toMatchObject({ code: 'forbidden' });
    expect(
      await err(
        h.rpc.call(RPC.contacts.update, member, { id: free.id, patch: { ownerId: 'other-1' } }),
      ),
    ).toMatchObject({ code: 'forbidden' });
    await expect(
      h.rpc.call(RPC.contacts.update, member, { id: free.id, patch: { ownerId: 'member-1' } }),
    ).resolves.toMatchObject({ ownerId: 'member-1' });
  });
});

describe('archive and restore', () => {
  it('archives softly with history, is a no-op when repeated, and restores intact', async () => {
    const c = await h.create('ws-a1', { displayName: 'Gone', tags: ['t'] });
    const gone = await h.rpc.call(RPC.contacts.archive, ctx('ws-a1'), { id: c.id });
    expect(gone).toMatchObject({ status: 'archived', version: 2, tags: ['t'] });
    expect(gone.statusHistory).toEqual([
      expect.objectContaining({ status: 'archived', reason: 'deleted' }),
    ]);
    expect((await h.event('contact.archived', c.id, 2)).data).toMatchObject({ reason: 'deleted' });

    const again = await h.rpc.call(RPC.contacts.archive, ctx('ws-a1'), { id: c.id });
    expect(again.version).toBe(2);
    expect(
      await err(
        h.rpc.call(RPC.contacts.update, ctx('ws-a1'), { id: c.id, patch: { displayName: 'X' } }),
      ),
    ).toMatchObject({ code: 'conflict' });

    const back = await h.rpc.call(RPC.contacts.restore, ctx('ws-a1'), { id: c.id });
    expect(back).toMatchObject({ status: 'active', version: 3, displayName: 'Gone', tags: ['t'] });
    expect(back.statusHistory.map((s) => s.status)).toEqual(['archived', 'active']);
    await h.event('contact.restored', c.id, 3);
    expect((await h.rpc.call(RPC.contacts.restore, ctx('ws-a1'), { id: c.id })).version).toBe(3);
    expect(h.events('contact.archived', c.id)).toHaveLength(1);
  });
});

describe('tags', () => {
  it('adds and removes, emitting only the tags that changed', async () => {
    const c = await h.create('ws-t1', { displayName: 'T', tags: ['a', 'b'] });
    const next = await h.rpc.call(RPC.contacts.tags, ctx('ws-t1'), {
      id: c.id,
      tags: { add: ['a', 'c'], remove: ['b', 'zzz'] },
    });
    expect(next).toMatchObject({ tags: ['a', 'c'], version: 2 });
    expect((await h.event('contact.tag.added', c.id, 2)).data).toMatchObject({ tags: ['c'] });
    expect((await h.event('contact.tag.removed', c.id, 2)).data).toMatchObject({ tags: ['b'] });
    const same = await h.rpc.call(RPC.contacts.tags, ctx('ws-t1'), {
      id: c.id,
      tags: { add: ['c'] },
    });
    expect(same.version).toBe(2);
  });
});

describe('claim and release', () => {
  it('claims only an unowned contact; two concurrent claims: exactly one wins', async () => {
    for (let round = 0; round < 3; round++) {
      const c = await h.create('ws-c1', { displayName: `Pool ${round}` });
      const answers = await Promise.allSettled([
        h.rpc.call(RPC.contacts.claim, ctx('ws-c1', 'user-a', 'own'), { id: c.id }),
        h.rpc.call(RPC.contacts.claim, ctx('ws-c1', 'user-b', 'own'), { id: c.id }),
      ]);
      const won = answers.filter((a) => a.status === 'fulfilled');
      const lost = answers.filter((a) => a.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0].reason).toMatchObject({ code: 'conflict' });
      const winner = won[0].value.ownerId;
      expect(await h.stored(c.id)).toMatchObject({ ownerId: winner, version: 2 });
      const claimed = await h.event('contact.owner.claimed', c.id, 2);
      expect(claimed.data).toMatchObject({ ownerId: winner, previousOwnerId: null });
    }
  });

  it('releases only by the owner or with scope "all"', async () => {
    const c = await h.create('ws-c2', { displayName: 'Mine' });
    await h.rpc.call(RPC.contacts.claim, ctx('ws-c2', 'user-a', 'own'), { id: c.id });
    // Claiming one's own again is a no-op.
    expect(
      (await h.rpc.call(RPC.contacts.claim, ctx('ws-c2', 'user-a', 'own'), { id: c.id })).version,
    ).toBe(2);
    expect(
      await err(h.rpc.call(RPC.contacts.release, ctx('ws-c2', 'user-b', 'own'), { id: c.id })),
    ).toMatchObject({ code: 'forbidden' });
    const released = await h.rpc.call(RPC.contacts.release, ctx('ws-c2', 'user-a', 'own'), {
      id: c.id,
    });
    expect(released).toMatchObject({ ownerId: null, version: 3 });
    expect((await h.event('contact.owner.released', c.id, 3)).data).toMatchObject({
      ownerId: null,
      previousOwnerId: 'user-a',
    });
    await h.rpc.call(RPC.contacts.claim, ctx('ws-c2', 'user-b', 'own'), { id: c.id });
    await expect(
      h.rpc.call(RPC.contacts.release, ctx('ws-c2', 'boss', 'all'), { id: c.id }),
    ).resolves.toMatchObject({ ownerId: null });
  });
});

describe('tenant isolation', () => {
  it('answers not_found for a contact of another workspace on every write, touching nothing', async () => {
    const c = await h.create('ws-home', { displayName: 'Home', ownerId: 'admin-1' });
    const away = ctx('ws-away');
    const answers = await Promise.all(
      [
        h.rpc.call(RPC.contacts.update, away, { id: c.id, patch: { displayName: 'X' } }),
        h.rpc.call(RPC.contacts.archive, away, { id: c.id }),
        h.rpc.call(RPC.contacts.restore, away, { id: c.id }),
        h.rpc.call(RPC.contacts.tags, away, { id: c.id, tags: { add: ['x'] } }),
        h.rpc.call(RPC.contacts.claim, away, { id: c.id }),
        h.rpc.call(RPC.contacts.release, away, { id: c.id }),
      ].map(err),
    );
    expect(answers.map((a) => a?.code)).toEqual(Array(6).fill('not_found'));
    expect(await h.stored(c.id)).toMatchObject({
      version: 1,
      displayName: 'Home',
      status: 'active',
      ownerId: 'admin-1',
      tags: [],
    });
  });
});
