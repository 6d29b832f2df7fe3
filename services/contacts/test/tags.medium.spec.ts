import { RPC } from '@switchboard/contracts';
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
