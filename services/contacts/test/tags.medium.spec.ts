import { CAPABILITIES, RPC } from '@switchboard/contracts';
import { waitFor } from '@switchboard/testing';
import { useConfigHarness, workspace } from './support/config-harness';

const h = useConfigHarness();

describe('tag library', () => {
  it('counts each tag over the active contacts, most used first, bot: tags apart', async () => {
    const ws = workspace();
    const tagged = [
      ['vip', 'b2b', 'bot:paused'],
      ['vip', 'Berlin'],
      ['vip', 'bot:paused', 'bot:human'],
      ['b2c'],
      [],
    ];
    for (const [i, tags] of tagged.entries()) await h.contact(ws, { displayName: `C${i}`, tags });
    const archived = await h.contact(ws, { displayName: 'Gone', tags: ['vip', 'archived-only'] });
    await h.rpc.call(RPC.contacts.archive, h.ctx(ws), { id: archived.id });

    const all = await h.rpc.call(RPC.contacts.tagLibrary, h.ctx(ws), {});
    expect(all).toEqual({
      tags: [
        { name: 'vip', count: 3 },
        { name: 'b2b', count: 1 },
        { name: 'b2c', count: 1 },
        { name: 'Berlin', count: 1 },
      ],
      systemTags: [
        { name: 'bot:paused', count: 2 },
        { name: 'bot:human', count: 1 },
      ],
    });
  });

  it('autocompletes by prefix, ASCII case-insensitively, within the limit', async () => {
    const ws = workspace();
    for (const tags of [['Berlin', 'b2b'], ['berlin-east', 'vip'], ['b2b', 'bot:x'], ['a.b*c']]) {
      await h.contact(ws, { displayName: 'X', tags });
    }
    const ctx = h.ctx(ws);
    await expect(h.rpc.call(RPC.contacts.tagLibrary, ctx, { prefix: 'BER' })).resolves.toEqual({
      tags: [
        { name: 'Berlin', count: 1 },
        { name: 'berlin-east', count: 1 },
      ],
      systemTags: [],
    });
    await expect(
      h.rpc.call(RPC.contacts.tagLibrary, ctx, { prefix: 'b', limit: 1 }),
    ).resolves.toEqual({
      tags: [{ name: 'b2b', count: 2 }],
      systemTags: [{ name: 'bot:x', count: 1 }],
    });
    await expect(h.rpc.call(RPC.contacts.tagLibrary, ctx, { prefix: 'bot:' })).resolves.toEqual({
      tags: [],
      systemTags: [{ name: 'bot:x', count: 1 }],
    });
    // Regex characters in the prefix are literal.
    await expect(h.rpc.call(RPC.contacts.tagLibrary, ctx, { prefix: 'a.b*' })).resolves.toEqual({
      tags: [{ name: 'a.b*c', count: 1 }],
      systemTags: [],
    });
    await expect(h.rpc.call(RPC.contacts.tagLibrary, ctx, { prefix: 'a.c' })).resolves.toEqual({
      tags: [],
      systemTags: [],
    });
  });

  it('is exact after concurrent writes', async () => {
    const ws = workspace();
    await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        h.contact(ws, { displayName: `P${i}`, tags: i % 3 === 0 ? ['hot', 'bot:new'] : ['hot'] }),
      ),
    );
    await expect(h.rpc.call(RPC.contacts.tagLibrary, h.ctx(ws), { prefix: 'ho' })).resolves.toEqual(
      {
        tags: [{ name: 'hot', count: 24 }],
        systemTags: [],
      },
    );
    await expect(h.rpc.call(RPC.contacts.tagLibrary, h.ctx(ws), {})).resolves.toMatchObject({
      systemTags: [{ name: 'bot:new', count: 8 }],
    });
  });

  it('counts only the caller’s workspace and refuses bad queries', async () => {
    const ws = workspace();
    await h.contact(ws, { displayName: 'Mine', tags: ['secret'] });
    await expect(h.rpc.call(RPC.contacts.tagLibrary, h.ctx(workspace()), {})).resolves.toEqual({
      tags: [],
      systemTags: [],
    });
    for (const bad of [{ limit: 0 }, { limit: 101 }, { prefix: '' }, { other: 1 }]) {
      await expect(
        h.rpc.call(RPC.contacts.tagLibrary, h.ctx(ws), bad as never),
      ).rejects.toMatchObject({
        code: 'validation_failed',
      });
    }
  });
});

describe('tag library writes (decision 0128)', () => {
  const done = (ws: string, id: string) =>
    waitFor(
      async () => {
        const op = await h.rpc.call(RPC.contacts.getTagOperation, h.ctx(ws), { id });
        return op.status === 'completed' ? op : undefined;
      },
      { what: `tag operation ${id}` },
    );
  const tagsOf = async (ws: string, id: string) =>
    (await h.rpc.call(RPC.contacts.get, h.ctx(ws), { id })).tags;

  it('defines tags with a colour, listed even unused; a name is defined once', async () => {
    const ws = workspace();
    await h.contact(ws, { displayName: 'A', tags: ['vip'] });
    await expect(
      h.rpc.call(RPC.contacts.createTag, h.ctx(ws), { name: 'vip', color: '#FF0000' }),
    ).resolves.toMatchObject({ name: 'vip', color: '#ff0000', system: false, count: 1 });
    await h.rpc.call(RPC.contacts.createTag, h.ctx(ws), { name: 'cold' });
    expect(
      await h.err(h.rpc.call(RPC.contacts.createTag, h.ctx(ws), { name: 'vip' })),
    ).toMatchObject({ code: 'conflict' });
    await expect(h.rpc.call(RPC.contacts.tagLibrary, h.ctx(ws), {})).resolves.toEqual({
      tags: [
        { name: 'vip', count: 1, color: '#ff0000' },
        { name: 'cold', count: 0, color: null },
      ],
      systemTags: [],
    });
    const recoloured = await h.rpc.call(RPC.contacts.updateTag, h.ctx(ws), {
      name: 'vip',
      patch: { color: '#00ff00' },
    });
    expect(recoloured).toEqual({
      tag: expect.objectContaining({ name: 'vip', color: '#00ff00' }),
      operation: null,
    });
  });

  it('renames a tag on every contact in the background, one event pair per contact', async () => {
    const ws = workspace();
    const [a, b, c] = await Promise.all([
      h.contact(ws, { displayName: 'A', tags: ['x', 'prospect', 'y'] }),
      h.contact(ws, { displayName: 'B', tags: ['prospect'] }),
      h.contact(ws, { displayName: 'C', tags: ['other'] }),
    ]);
    await h.rpc.call(RPC.contacts.archive, h.ctx(ws), { id: b.id });
    const change = await h.rpc.call(RPC.contacts.updateTag, h.ctx(ws), {
      name: 'prospect',
      patch: { name: 'lead' },
    });
    expect(change.tag).toMatchObject({ name: 'lead' });
    expect(change.operation).toMatchObject({ kind: 'rename', tag: 'prospect', into: 'lead' });
    expect(await done(ws, change.operation!.id)).toMatchObject({ changed: 2, failed: 0 });
    expect(await tagsOf(ws, a.id)).toEqual(['x', 'lead', 'y']);
    expect(await tagsOf(ws, b.id)).toEqual(['lead']);
    expect(await tagsOf(ws, c.id)).toEqual(['other']);
    for (const id of [a.id, b.id]) {
      expect(await h.event('contact.tag.added', id)).toMatchObject({ data: { tags: ['lead'] } });
      expect(await h.event('contact.tag.removed', id)).toMatchObject({
        data: { tags: ['prospect'] },
      });
    }
    expect(h.events('contact.tag.added', c.id)).toEqual([]);
    expect(
      await h.err(h.rpc.call(RPC.contacts.getTag, h.ctx(ws), { name: 'prospect' })),
    ).toMatchObject({ code: 'not_found' });
    // Renaming onto a tag in use is a merge, refused as a rename.
    expect(
      await h.err(
        h.rpc.call(RPC.contacts.updateTag, h.ctx(ws), { name: 'lead', patch: { name: 'other' } }),
      ),
    ).toMatchObject({ code: 'conflict' });
  });

  it('merges a tag into another without doubling it, and deletes a tag from contacts', async () => {
    const ws = workspace();
    const [both, old] = await Promise.all([
      h.contact(ws, { displayName: 'Both', tags: ['client', 'customer'] }),
      h.contact(ws, { displayName: 'Old', tags: ['client', 'temp'] }),
    ]);
    const merged = await h.rpc.call(RPC.contacts.mergeTag, h.ctx(ws), {
      name: 'client',
      merge: { into: 'customer' },
    });
    expect(await done(ws, merged.operation!.id)).toMatchObject({ kind: 'merge', changed: 2 });
    expect(await tagsOf(ws, both.id)).toEqual(['customer']);
    expect(await tagsOf(ws, old.id)).toEqual(['customer', 'temp']);

    const deleted = await h.rpc.call(RPC.contacts.deleteTag, h.ctx(ws), { name: 'temp' });
    expect(deleted.tag).toBeNull();
    expect(await done(ws, deleted.operation!.id)).toMatchObject({ kind: 'delete', changed: 1 });
    expect(await tagsOf(ws, old.id)).toEqual(['customer']);
    expect(
      await h.err(h.rpc.call(RPC.contacts.deleteTag, h.ctx(ws), { name: 'temp' })),
    ).toMatchObject({ code: 'not_found' });
  });

  it('reserves bot: tags to tags.system', async () => {
    const ws = workspace();
    await h.contact(ws, { displayName: 'Bot', tags: ['bot:paused'] });
    const noSystem = h.context(
      ws,
      'admin-1',
      'all',
      CAPABILITIES.filter((c) => c !== 'tags.system'),
    );
    for (const call of [
      () => h.rpc.call(RPC.contacts.createTag, noSystem, { name: 'bot:new' }),
      () =>
        h.rpc.call(RPC.contacts.updateTag, noSystem, { name: 'bot:paused', patch: { name: 'x' } }),
      () => h.rpc.call(RPC.contacts.mergeTag, noSystem, { name: 'vip2', merge: { into: 'bot:x' } }),
      () => h.rpc.call(RPC.contacts.deleteTag, noSystem, { name: 'bot:paused' }),
    ]) {
      expect(await h.err(call())).toMatchObject({
        code: expect.stringMatching(/forbidden|not_found/),
      });
    }
    expect(
      await h.err(h.rpc.call(RPC.contacts.deleteTag, noSystem, { name: 'bot:paused' })),
    ).toMatchObject({ code: 'forbidden', details: { capability: 'tags.system' } });
    await expect(
      h.rpc.call(RPC.contacts.createTag, h.ctx(ws), { name: 'bot:new' }),
    ).resolves.toMatchObject({ system: true });
  });

  it('keeps to its workspace: another workspace cannot read, rename, merge or delete a tag', async () => {
    const [a, b] = [workspace(), workspace()];
    const inA = await h.contact(a, { displayName: 'A', tags: ['secret'] });
    const inB = await h.contact(b, { displayName: 'B', tags: ['shared'] });
    await h.contact(a, { displayName: 'A2', tags: ['shared'] });
    await h.rpc.call(RPC.contacts.createTag, h.ctx(a), { name: 'defined-in-a', color: '#123456' });
    for (const call of [
      () => h.rpc.call(RPC.contacts.getTag, h.ctx(b), { name: 'secret' }),
      () => h.rpc.call(RPC.contacts.getTag, h.ctx(b), { name: 'defined-in-a' }),
      () => h.rpc.call(RPC.contacts.updateTag, h.ctx(b), { name: 'secret', patch: { name: 'm' } }),
      () => h.rpc.call(RPC.contacts.mergeTag, h.ctx(b), { name: 'secret', merge: { into: 'x' } }),
      () => h.rpc.call(RPC.contacts.deleteTag, h.ctx(b), { name: 'defined-in-a' }),
    ]) {
      expect(await h.err(call())).toMatchObject({ code: 'not_found' });
    }
    // B's rename of a name A uses too touches B's contacts only.
    const renamed = await h.rpc.call(RPC.contacts.updateTag, h.ctx(b), {
      name: 'shared',
      patch: { name: 'b-only' },
    });
    expect(
      await h.err(
        h.rpc.call(RPC.contacts.getTagOperation, h.ctx(a), { id: renamed.operation!.id }),
      ),
    ).toMatchObject({ code: 'not_found' });
    await done(b, renamed.operation!.id);
    expect(await tagsOf(b, inB.id)).toEqual(['b-only']);
    expect(await tagsOf(a, inA.id)).toEqual(['secret']);
    await expect(
      h.rpc.call(RPC.contacts.getTag, h.ctx(a), { name: 'shared' }),
    ).resolves.toMatchObject({ count: 1 });
    await expect(h.rpc.call(RPC.contacts.tagLibrary, h.ctx(b), {})).resolves.toEqual({
      tags: [{ name: 'b-only', count: 1, color: null }],
      systemTags: [],
    });
  });
});
