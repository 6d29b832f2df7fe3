import { RPC, type ContactSettings } from '@switchboard/contracts';
import { waitFor } from '@switchboard/testing';
import { useConfigHarness, workspace } from './support/config-harness';

const h = useConfigHarness();

const settled = (ws: string): Promise<ContactSettings> =>
  waitFor(
    async () => {
      const s = await h.rpc.call(RPC.contacts.getSettings, h.ctx(ws), {});
      return s.dedup?.state === 'done' ? s : undefined;
    },
    { what: 'the dedup key recomputation to finish' },
  );

describe('contact settings: journey stages, lead sources, dedup rule', () => {
  it('answers the defaults until a workspace changes them', async () => {
    await expect(
      h.rpc.call(RPC.contacts.getSettings, h.ctx(workspace()), {}),
    ).resolves.toMatchObject({
      stages: ['lead', 'prospect', 'customer', 'churned'],
      leadSources: expect.arrayContaining(['website', 'referral']),
      dedupRule: 'email',
      dedup: null,
      version: 0,
      updatedAt: null,
    });
  });

  it('changes stages and lead sources, which contact writes are then checked against', async () => {
    const ws = workspace();
    const ctx = h.ctx(ws);
    const updated = await h.rpc.call(RPC.contacts.updateSettings, ctx, {
      stages: ['new', 'trial', 'paying'],
      leadSources: ['webinar'],
      version: 0,
    });
    expect(updated).toMatchObject({
      stages: ['new', 'trial', 'paying'],
      leadSources: ['webinar'],
      version: 1,
    });
    await expect(
      h.contact(ws, { displayName: 'A', stage: 'trial', leadSource: 'webinar' }),
    ).resolves.toMatchObject({
      stage: 'trial',
      leadSource: 'webinar',
    });
    const bad = await h.err(
      h.contact(ws, { displayName: 'B', stage: 'lead', leadSource: 'website' }),
    );
    expect(bad?.code).toBe('validation_failed');
    expect(bad?.errors?.map((e) => e.path)).toEqual(['stage', 'leadSource']);
    // Defaults still rule the other workspaces.
    await expect(
      h.contact(workspace(), { displayName: 'C', stage: 'lead', leadSource: 'website' }),
    ).resolves.toMatchObject({
      stage: 'lead',
    });
    // Removing a stage keeps the contacts' values.
    const kept = await h.contact(ws, { displayName: 'D', stage: 'paying' });
    await h.rpc.call(RPC.contacts.updateSettings, ctx, { stages: ['new', 'trial'] });
    await expect(h.rpc.call(RPC.contacts.get, ctx, { id: kept.id })).resolves.toMatchObject({
      stage: 'paying',
    });
  });

  it('refuses a stale version and invalid lists', async () => {
    const ctx = h.ctx(workspace());
    await h.rpc.call(RPC.contacts.updateSettings, ctx, { leadSources: [] });
    await expect(
      h.rpc.call(RPC.contacts.updateSettings, ctx, { stages: ['x'], version: 0 }),
    ).rejects.toMatchObject({ code: 'version_conflict', details: { currentVersion: 1 } });
    for (const [input, path] of [
      [{ stages: [] }, 'stages'],
      [{ stages: ['a', 'a'] }, 'stages'],
      [{ dedupRule: 'name' }, 'dedupRule'],
      [{ other: 1 }, ''],
    ] as const) {
      const err = await h.err(h.rpc.call(RPC.contacts.updateSettings, ctx, input as never));
      expect({ input, code: err?.code }).toEqual({ input, code: 'validation_failed' });
      if (path) expect(err?.errors?.[0]?.path).toBe(path);
    }
  });

  it('switches the dedup rule to phone: keys recomputed, clashes kept apart and reported', async () => {
    const ws = workspace();
    const ctx = h.ctx(ws);
    const phone = '+33 6 12 34 56 78';
    const first = await h.contact(ws, {
      displayName: 'First',
      channels: [
        { type: 'email', value: 'first@example.com' },
        { type: 'phone', value: phone },
      ],
    });
    const second = await h.contact(ws, {
      displayName: 'Second',
      channels: [
        { type: 'email', value: 'second@example.com' },
        { type: 'phone', value: phone },
      ],
    });
    const whatsapp = await h.contact(ws, {
      displayName: 'WA',
      channels: [{ type: 'whatsapp', value: '+44 7700 900123' }],
    });
    const noPhone = await h.contact(ws, {
      displayName: 'Mail',
      channels: [{ type: 'email', value: 'mail@example.com' }],
    });

    const switched = await h.rpc.call(RPC.contacts.updateSettings, ctx, { dedupRule: 'phone' });
    expect(switched).toMatchObject({ dedupRule: 'phone', dedup: { rule: 'phone' } });
    const done = await settled(ws);
    expect(done.dedup).toMatchObject({
      rule: 'phone',
      state: 'done',
      rekeyed: 3,
      clashCount: 1,
      clashes: [{ contactId: second.id, duplicateOf: first.id }],
    });
    const key = async (id: string) => (await h.stored('contacts', id))?.dedupKey;
    expect(await key(first.id)).toBe('phone:+33612345678');
    expect(await key(second.id)).toBe(`clash:${second.id}`);
    expect(await key(whatsapp.id)).toBe('phone:+447700900123');
    expect(await key(noPhone.id)).toBe(`none:${noPhone.id}`);

    // New contacts are checked by phone now, no longer by email.
    await expect(
      h.contact(ws, { displayName: 'Again', channels: [{ type: 'phone', value: '+33612345678' }] }),
    ).rejects.toMatchObject({ code: 'duplicate_contact', details: { duplicateOf: first.id } });
    await expect(
      h.contact(ws, {
        displayName: 'Same mail',
        channels: [{ type: 'email', value: 'first@example.com' }],
      }),
    ).resolves.toMatchObject({ displayName: 'Same mail' });

    // Back to email: every key follows, and the other workspace never moved.
    const other = workspace();
    const untouched = await h.contact(other, {
      channels: [
        { type: 'phone', value: phone },
        { type: 'email', value: 'first@example.com' },
      ],
    });
    await h.rpc.call(RPC.contacts.updateSettings, ctx, { dedupRule: 'email' });
    const back = await settled(ws);
    expect(back.dedup).toMatchObject({ rule: 'email', clashCount: 1 });
    expect(await key(first.id)).toBe('email:first@example.com');
    expect(await key(second.id)).toBe('email:second@example.com');
    expect(await key(untouched.id)).toBe('email:first@example.com');
    await expect(h.rpc.call(RPC.contacts.getSettings, h.ctx(other), {})).resolves.toMatchObject({
      dedupRule: 'email',
      dedup: null,
    });
  });
  it('leaves the key a merged duplicate released alone', async () => {
    const ws = workspace();
    const ctx = h.ctx(ws);
    const survivor = await h.contact(ws, {
      displayName: 'Survivor',
      channels: [{ type: 'email', value: 'survivor@example.com' }],
    });
    const duplicate = await h.contact(ws, {
      displayName: 'Duplicate',
      channels: [
        { type: 'email', value: 'duplicate@example.com' },
        { type: 'phone', value: '+1 202 555 0143' },
      ],
    });
    await h.rpc.call(RPC.contacts.merge, ctx, {
      survivorId: survivor.id,
      duplicateId: duplicate.id,
    });
    const released = (await h.stored('contacts', duplicate.id))?.dedupKey;
    expect(released).not.toMatch(/^(email|phone|none):/);

    await h.rpc.call(RPC.contacts.updateSettings, ctx, { dedupRule: 'phone' });
    const done = await settled(ws);
    expect(done.dedup).toMatchObject({ rekeyed: 1, clashCount: 0 });
    expect((await h.stored('contacts', survivor.id))?.dedupKey).toBe('phone:+12025550143');
    expect((await h.stored('contacts', duplicate.id))?.dedupKey).toBe(released);
  });
});
