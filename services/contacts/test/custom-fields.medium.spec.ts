import { RPC, type CreateCustomFieldInput } from '@switchboard/contracts';
import { useConfigHarness, workspace } from './support/config-harness';

const h = useConfigHarness();

const plan: CreateCustomFieldInput = {
  entity: 'contact',
  slug: 'plan',
  label: 'Plan',
  type: 'select',
  options: ['free', 'pro'],
};

describe('custom-field definitions', () => {
  it('creates, lists, updates and retires definitions of every type', async () => {
    const ws = workspace();
    const ctx = h.ctx(ws);
    const made = [];
    for (const def of [
      plan,
      {
        entity: 'contact',
        slug: 'seats',
        label: 'Seats',
        type: 'number',
        validation: { min: 1, max: 500 },
      },
      {
        entity: 'contact',
        slug: 'code',
        label: 'Code',
        type: 'text',
        validation: { max: 8, pattern: '[A-Z]{2}-\\d+' },
      },
      { entity: 'contact', slug: 'renews', label: 'Renews', type: 'date' },
      {
        entity: 'contact',
        slug: 'areas',
        label: 'Areas',
        type: 'multi_select',
        options: ['eu', 'us'],
      },
      { entity: 'contact', slug: 'vip', label: 'VIP', type: 'boolean', required: true },
      { entity: 'company', slug: 'tier', label: 'Tier', type: 'text' },
    ] satisfies CreateCustomFieldInput[]) {
      made.push(await h.rpc.call(RPC.contacts.createCustomField, ctx, def));
    }
    expect(made[0]).toMatchObject({
      workspaceId: ws,
      entity: 'contact',
      slug: 'plan',
      type: 'select',
      options: ['free', 'pro'],
      required: false,
      status: 'active',
      retiredAt: null,
      version: 1,
    });
    expect(made[2]).toMatchObject({ validation: { max: 8, pattern: '[A-Z]{2}-\\d+' } });

    const contactFields = await h.rpc.call(RPC.contacts.listCustomFields, ctx, {
      entity: 'contact',
    });
    expect(contactFields.items.map((f) => f.slug)).toEqual([
      'plan',
      'seats',
      'code',
      'renews',
      'areas',
      'vip',
    ]);
    const all = await h.rpc.call(RPC.contacts.listCustomFields, ctx, {});
    expect(all.items).toHaveLength(7);

    const updated = await h.rpc.call(RPC.contacts.updateCustomField, ctx, {
      id: made[0].id,
      patch: {
        label: 'Plan (billing)',
        options: ['free', 'pro', 'team'],
        required: true,
        version: 1,
      },
    });
    expect(updated).toMatchObject({
      label: 'Plan (billing)',
      options: ['free', 'pro', 'team'],
      required: true,
      version: 2,
    });

    const retired = await h.rpc.call(RPC.contacts.retireCustomField, ctx, { id: made[3].id });
    expect(retired).toMatchObject({ status: 'retired', slug: 'renews', version: 2 });
    expect(retired.retiredAt).toEqual(expect.any(String));
    // Retiring again changes nothing.
    await expect(
      h.rpc.call(RPC.contacts.retireCustomField, ctx, { id: made[3].id }),
    ).resolves.toMatchObject({ version: 2 });
    const active = await h.rpc.call(RPC.contacts.listCustomFields, ctx, {
      entity: 'contact',
      status: 'active',
    });
    expect(active.items.map((f) => f.slug)).not.toContain('renews');
    const retiredList = await h.rpc.call(RPC.contacts.listCustomFields, ctx, { status: 'retired' });
    expect(retiredList.items.map((f) => f.slug)).toEqual(['renews']);
  });

  it('refuses inconsistent or unsafe definitions with field paths', async () => {
    const ctx = h.ctx(workspace());
    const cases = [
      [{ entity: 'contact', slug: 'a', label: 'A', type: 'select' }, 'options'],
      [
        { entity: 'contact', slug: 'a', label: 'A', type: 'select', options: ['x', 'x'] },
        'options',
      ],
      [{ entity: 'contact', slug: 'a', label: 'A', type: 'text', options: ['x'] }, 'options'],
      [
        { entity: 'contact', slug: 'a', label: 'A', type: 'boolean', validation: { min: 1 } },
        'validation.min',
      ],
      [
        { entity: 'contact', slug: 'a', label: 'A', type: 'text', validation: { max: 2.5 } },
        'validation.max',
      ],
      [
        {
          entity: 'contact',
          slug: 'a',
          label: 'A',
          type: 'number',
          validation: { pattern: '\\d+' },
        },
        'validation.pattern',
      ],
      [
        {
          entity: 'contact',
          slug: 'a',
          label: 'A',
          type: 'text',
          // Bounded repeats passed the old heuristic guard and then backtracked for seconds.
          validation: { pattern: 'a{0,2000}a{0,2000}a{0,2000}a{0,2000}!' },
        },
        'validation.pattern',
      ],
      [
        {
          entity: 'contact',
          slug: 'a',
          label: 'A',
          type: 'text',
          validation: { pattern: 'a{0,900}a{0,900}a{0,900}a{0,900}!' },
        },
        'validation.pattern',
      ],
      [
        {
          entity: 'contact',
          slug: 'a',
          label: 'A',
          type: 'text',
          validation: { pattern: '(?=\\d)\\w+' },
        },
        'validation.pattern',
      ],
      [
        { entity: 'contact', slug: 'a', label: 'A', type: 'text', validation: { pattern: '[' } },
        'validation.pattern',
      ],
      [
        {
          entity: 'contact',
          slug: 'a',
          label: 'A',
          type: 'text',
          validation: { pattern: 'x'.repeat(201) },
        },
        'validation.pattern',
      ],
      [{ entity: 'contact', slug: 'Bad-Slug', label: 'A', type: 'text' }, 'slug'],
      [{ entity: 'deal', slug: 'a', label: 'A', type: 'text' }, 'entity'],
    ] as const;
    for (const [input, path] of cases) {
      const err = await h.err(h.rpc.call(RPC.contacts.createCustomField, ctx, input as never));
      expect({ input, code: err?.code, paths: err?.errors?.map((e) => e.path) }).toEqual({
        input,
        code: 'validation_failed',
        paths: expect.arrayContaining([path]),
      });
    }
    expect((await h.rpc.call(RPC.contacts.listCustomFields, ctx, {})).items).toEqual([]);
  });

  it('matches values in linear time (RE2): a pattern that backtracks in V8 is harmless', async () => {
    const ws = workspace();
    const ctx = h.ctx(ws);
    await h.rpc.call(RPC.contacts.createCustomField, ctx, {
      entity: 'contact',
      slug: 'runs',
      label: 'Runs',
      type: 'text',
      validation: { pattern: '(a+)+$' },
    });
    // V8 would take longer than the universe's age on this value; RE2 answers at once.
    const bad = await h.err(
      h.contact(ws, { displayName: 'X', customFields: { runs: 'a'.repeat(1999) + 'b' } }),
    );
    expect(bad).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'customFields.runs', message: expect.stringMatching(/does not match/) }],
    });
    await expect(
      h.contact(ws, { displayName: 'Y', customFields: { runs: 'a'.repeat(2000) } }),
    ).resolves.toMatchObject({ customFields: { runs: 'a'.repeat(2000) } });
  });

  it('keeps a slug unique per workspace and entity, even after retiring', async () => {
    const ws = workspace();
    const ctx = h.ctx(ws);
    const field = await h.rpc.call(RPC.contacts.createCustomField, ctx, plan);
    await expect(h.rpc.call(RPC.contacts.createCustomField, ctx, plan)).rejects.toMatchObject({
      code: 'conflict',
      details: { slug: 'plan' },
    });
    await h.rpc.call(RPC.contacts.retireCustomField, ctx, { id: field.id });
    await expect(h.rpc.call(RPC.contacts.createCustomField, ctx, plan)).rejects.toMatchObject({
      code: 'conflict',
    });
    // The same slug on companies, or in another workspace, is another field.
    await expect(
      h.rpc.call(RPC.contacts.createCustomField, ctx, { ...plan, entity: 'company' }),
    ).resolves.toMatchObject({ entity: 'company' });
    await expect(
      h.rpc.call(RPC.contacts.createCustomField, h.ctx(workspace()), plan),
    ).resolves.toMatchObject({
      slug: 'plan',
    });
  });

  it('refuses removing options, changing a retired field and a stale version', async () => {
    const ctx = h.ctx(workspace());
    const field = await h.rpc.call(RPC.contacts.createCustomField, ctx, plan);
    const removed = await h.err(
      h.rpc.call(RPC.contacts.updateCustomField, ctx, {
        id: field.id,
        patch: { options: ['pro'] },
      }),
    );
    expect(removed).toMatchObject({ code: 'validation_failed', errors: [{ path: 'options' }] });
    await h.rpc.call(RPC.contacts.updateCustomField, ctx, { id: field.id, patch: { label: 'P' } });
    await expect(
      h.rpc.call(RPC.contacts.updateCustomField, ctx, {
        id: field.id,
        patch: { label: 'Q', version: 1 },
      }),
    ).rejects.toMatchObject({ code: 'version_conflict', details: { currentVersion: 2 } });
    await h.rpc.call(RPC.contacts.retireCustomField, ctx, { id: field.id });
    await expect(
      h.rpc.call(RPC.contacts.updateCustomField, ctx, { id: field.id, patch: { label: 'R' } }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it('checks contact values against the definitions on create', async () => {
    const ws = workspace();
    const ctx = h.ctx(ws);
    await h.rpc.call(RPC.contacts.createCustomField, ctx, { ...plan, required: true });
    await h.rpc.call(RPC.contacts.createCustomField, ctx, {
      entity: 'contact',
      slug: 'code',
      label: 'Code',
      type: 'text',
      validation: { pattern: '[A-Z]{2}-\\d+' },
    });
    await h.rpc.call(RPC.contacts.createCustomField, ctx, {
      entity: 'contact',
      slug: 'seats',
      label: 'Seats',
      type: 'number',
      validation: { max: 10 },
    });
    const before = await h.db.collection('contacts').countDocuments({ workspaceId: ws });
    const bad = await h.err(
      h.contact(ws, {
        displayName: 'X',
        customFields: { plan: 'gold', code: 'ab-1', seats: 11, unknown: 'x' },
      }),
    );
    expect(bad?.code).toBe('validation_failed');
    expect(bad?.errors?.map((e) => e.path).sort()).toEqual([
      'customFields.code',
      'customFields.plan',
      'customFields.seats',
      'customFields.unknown',
    ]);
    const missing = await h.err(h.contact(ws, { displayName: 'X', customFields: { seats: 2 } }));
    expect(missing).toMatchObject({
      code: 'validation_failed',
      errors: [{ path: 'customFields.plan', message: 'required' }],
    });
    expect(await h.db.collection('contacts').countDocuments({ workspaceId: ws })).toBe(before);

    const ok = await h.contact(ws, {
      displayName: 'Y',
      customFields: { plan: 'pro', code: 'AB-12', seats: 3 },
    });
    expect(ok.customFields).toEqual({ plan: 'pro', code: 'AB-12', seats: 3 });
    // Another workspace has none of these definitions: the slug is unknown there.
    const elsewhere = await h.err(
      h.contact(workspace(), { displayName: 'Z', customFields: { plan: 'pro' } }),
    );
    expect(elsewhere).toMatchObject({
      errors: [{ path: 'customFields.plan', message: 'no such custom field' }],
    });
  });

  it('keeps the stored values of a retired field, refuses new ones, and no longer requires it', async () => {
    const ws = workspace();
    const ctx = h.ctx(ws);
    const field = await h.rpc.call(RPC.contacts.createCustomField, ctx, {
      ...plan,
      required: true,
    });
    const before = await h.contact(ws, { displayName: 'Old', customFields: { plan: 'pro' } });
    await h.rpc.call(RPC.contacts.retireCustomField, ctx, { id: field.id });

    const refused = await h.err(
      h.contact(ws, { displayName: 'New', customFields: { plan: 'pro' } }),
    );
    expect(refused).toMatchObject({
      errors: [{ path: 'customFields.plan', message: expect.stringMatching(/retired/) }],
    });
    await expect(h.contact(ws, { displayName: 'Without' })).resolves.toMatchObject({
      customFields: {},
    });

    // The stored value is still there, readable and queryable under the same slug.
    await expect(h.rpc.call(RPC.contacts.get, ctx, { id: before.id })).resolves.toMatchObject({
      customFields: { plan: 'pro' },
    });
    const listed = await h.rpc.call(RPC.contacts.list, ctx, { 'custom.plan': 'pro' });
    expect(listed.items.map((c) => c.id)).toEqual([before.id]);
    // It can still be cleared (never set again).
    await expect(
      h.rpc.call(RPC.contacts.update, ctx, {
        id: before.id,
        patch: { customFields: { plan: null } },
      }),
    ).resolves.toMatchObject({ customFields: {} });
    await expect(
      h.rpc.call(RPC.contacts.update, ctx, {
        id: before.id,
        patch: { customFields: { plan: 'free' } },
      }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('never shows or changes another workspace’s definitions', async () => {
    const ws = workspace();
    const field = await h.rpc.call(RPC.contacts.createCustomField, h.ctx(ws), plan);
    const other = h.ctx(workspace());
    expect((await h.rpc.call(RPC.contacts.listCustomFields, other, {})).items).toEqual([]);
    await expect(
      h.rpc.call(RPC.contacts.updateCustomField, other, { id: field.id, patch: { label: 'Mine' } }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      h.rpc.call(RPC.contacts.retireCustomField, other, { id: field.id }),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(h.stored('custom_fields', field.id)).resolves.toMatchObject({
      label: 'Plan',
      status: 'active',
    });
  });
});
