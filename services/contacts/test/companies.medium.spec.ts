import { RPC, type Company } from '@switchboard/contracts';
import { useConfigHarness, workspace } from './support/config-harness';

const h = useConfigHarness();

describe('companies', () => {
  it('creates a company with normalised domains and publishes company.created', async () => {
    const ws = workspace();
    const company = await h.company(ws, {
      name: 'Acme Corp',
      domains: ['https://www.Acme.COM/about', 'acme.io.'],
      industry: 'Manufacturing',
      website: 'https://acme.com',
      address: { city: 'Lyon', country: 'FR' },
      size: '51-200',
      tags: ['key', 'key', 'eu'],
      ownerId: 'admin-1',
    });
    expect(company).toMatchObject({
      workspaceId: ws,
      name: 'Acme Corp',
      domains: ['acme.com', 'acme.io'],
      industry: 'Manufacturing',
      size: '51-200',
      tags: ['key', 'eu'],
      customFields: {},
      ownerId: 'admin-1',
      status: 'active',
      mergedInto: null,
      version: 1,
    });
    const event = await h.event<{ company: Company }>('company.created', company.id);
    expect(event).toMatchObject({
      workspaceId: ws,
      aggregate: { type: 'company', id: company.id, version: 1 },
      data: { company: { id: company.id, domains: ['acme.com', 'acme.io'] } },
    });
    await expect(
      h.rpc.call(RPC.contacts.getCompany, h.ctx(ws), { id: company.id }),
    ).resolves.toEqual(company);
  });

  it('validates input, custom fields and ownership', async () => {
    const ws = workspace();
    await h.rpc.call(RPC.contacts.createCustomField, h.ctx(ws), {
      entity: 'company',
      slug: 'tier',
      label: 'Tier',
      type: 'select',
      options: ['gold', 'silver'],
      required: true,
    });
    const cases = [
      [{ name: '' }, 'name'],
      [{ name: 'X', domains: ['not a domain'] }, 'domains.0'],
      [{ name: 'X', size: 'huge' }, 'size'],
      [{ name: 'X', website: 'nope' }, 'website'],
      [{ name: 'X', customFields: { tier: 'gold' }, extra: 1 }, ''],
      [{ name: 'X' }, 'customFields.tier'],
      [{ name: 'X', customFields: { tier: 'bronze' } }, 'customFields.tier'],
      [{ name: 'X', customFields: { tier: 'gold', other: 1 } }, 'customFields.other'],
    ] as const;
    for (const [input, path] of cases) {
      const err = await h.err(h.company(ws, input as never));
      expect({ input, code: err?.code }).toEqual({ input, code: 'validation_failed' });
      if (path) expect(err?.errors?.map((e) => e.path)).toContain(path);
    }
    await expect(
      h.company(ws, { name: 'Ok', customFields: { tier: 'gold' } }),
    ).resolves.toMatchObject({
      customFields: { tier: 'gold' },
    });
    const member = h.ctx(ws, 'member-1', 'own');
    await expect(
      h.rpc.call(RPC.contacts.createCompany, member, {
        name: 'Theirs',
        ownerId: 'someone',
        customFields: { tier: 'gold' },
      }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('gives a domain to one active company per workspace (409 naming the holder)', async () => {
    const ws = workspace();
    const acme = await h.company(ws, { name: 'Acme', domains: ['acme.com'] });
    await expect(h.company(ws, { name: 'Copy', domains: ['ACME.com'] })).rejects.toMatchObject({
      code: 'conflict',
      details: { domain: 'acme.com', companyId: acme.id },
    });
    const other = await h.company(ws, { name: 'Other', domains: ['other.com'] });
    await expect(
      h.rpc.call(RPC.contacts.updateCompany, h.ctx(ws), {
        id: other.id,
        patch: { domains: ['other.com', 'acme.com'] },
      }),
    ).rejects.toMatchObject({ code: 'conflict', details: { companyId: acme.id } });
    // Another workspace may hold the same domain.
    await expect(
      h.company(workspace(), { name: 'Acme elsewhere', domains: ['acme.com'] }),
    ).resolves.toBeDefined();
    // Concurrent claims: exactly one wins.
    const results = await Promise.allSettled(
      [1, 2, 3].map((i) => h.company(ws, { name: `Race ${i}`, domains: ['race.com'] })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    // A dropped domain, or an archived company's, is free again.
    await h.rpc.call(RPC.contacts.updateCompany, h.ctx(ws), {
      id: acme.id,
      patch: { domains: ['acme.net'] },
    });
    const taker = await h.company(ws, { name: 'Taker', domains: ['acme.com'] });
    await h.rpc.call(RPC.contacts.archiveCompany, h.ctx(ws), { id: taker.id });
    await expect(h.company(ws, { name: 'Next', domains: ['acme.com'] })).resolves.toMatchObject({
      domains: ['acme.com'],
    });
  });

  it('lists by name or domain prefix, domain, owner and status', async () => {
    const ws = workspace();
    const ctx = h.ctx(ws);
    const globex = await h.company(ws, {
      name: 'Globex Corporation',
      domains: ['globex.com'],
      ownerId: 'admin-1',
    });
    const initech = await h.company(ws, { name: 'Initech', domains: ['initech.io'] });
    const gone = await h.company(ws, { name: 'Gonzo Ltd' });
    await h.rpc.call(RPC.contacts.archiveCompany, ctx, { id: gone.id });
    const names = async (q: Record<string, unknown>) =>
      (await h.rpc.call(RPC.contacts.listCompanies, ctx, q as never)).items.map((c) => c.name);
    expect(await names({})).toEqual(['Initech', 'Globex Corporation']);
    expect(await names({ q: 'corp' })).toEqual(['Globex Corporation']);
    expect(await names({ q: 'INIT' })).toEqual(['Initech']);
    expect(await names({ q: 'initech.i' })).toEqual(['Initech']);
    expect(await names({ domain: 'www.Globex.com' })).toEqual(['Globex Corporation']);
    expect(await names({ ownerId: 'me' })).toEqual(['Globex Corporation']);
    expect(await names({ ownerId: 'none' })).toEqual(['Initech']);
    expect(await names({ status: 'archived' })).toEqual(['Gonzo Ltd']);
    const first = await h.rpc.call(RPC.contacts.listCompanies, ctx, { limit: 1 });
    expect(first.items.map((c) => c.id)).toEqual([initech.id]);
    const second = await h.rpc.call(RPC.contacts.listCompanies, ctx, {
      limit: 1,
      cursor: first.nextCursor!,
    });
    expect(second.items.map((c) => c.id)).toEqual([globex.id]);
    expect((await h.rpc.call(RPC.contacts.listCompanies, h.ctx(workspace()), {})).items).toEqual(
      [],
    );
  });

  it('updates with a field diff event, clears with null and refuses stale versions', async () => {
    const ws = workspace();
    const ctx = h.ctx(ws);
    const c = await h.company(ws, { name: 'Hooli', industry: 'Tech', size: '1-10' });
    const updated = await h.rpc.call(RPC.contacts.updateCompany, ctx, {
      id: c.id,
      patch: { name: 'Hooli XYZ', industry: null, tags: ['big'], version: 1 },
    });
    expect(updated).toMatchObject({ name: 'Hooli XYZ', tags: ['big'], size: '1-10', version: 2 });
    expect(updated.industry).toBeUndefined();
    const event = await h.event<{ changes: { field: string }[] }>('company.updated', c.id, 2);
    expect(event.data.changes).toEqual([
      { field: 'name', from: 'Hooli', to: 'Hooli XYZ' },
      { field: 'industry', from: 'Tech', to: null },
      { field: 'tags', from: [], to: ['big'] },
    ]);
    await expect(
      h.rpc.call(RPC.contacts.updateCompany, ctx, {
        id: c.id,
        patch: { name: 'Stale', version: 1 },
      }),
    ).rejects.toMatchObject({ code: 'version_conflict', details: { currentVersion: 2 } });
    // An unchanged write is no write.
    await expect(
      h.rpc.call(RPC.contacts.updateCompany, ctx, { id: c.id, patch: { name: 'Hooli XYZ' } }),
    ).resolves.toMatchObject({ version: 2 });
    const member = h.ctx(ws, 'member-1', 'own');
    await h.rpc.call(RPC.contacts.updateCompany, ctx, { id: c.id, patch: { ownerId: 'admin-1' } });
    await expect(
      h.rpc.call(RPC.contacts.updateCompany, member, { id: c.id, patch: { name: 'Mine' } }),
    ).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('archives on delete (company.archived), and archived companies take no edits', async () => {
    const ws = workspace();
    const c = await h.company(ws, { name: 'Soylent', domains: ['soylent.com'] });
    const archived = await h.rpc.call(RPC.contacts.archiveCompany, h.ctx(ws), { id: c.id });
    expect(archived).toMatchObject({ status: 'archived', version: 2, domains: ['soylent.com'] });
    const event = await h.event<{ reason: string }>('company.archived', c.id, 2);
    expect(event.data.reason).toBe('deleted');
    await expect(
      h.rpc.call(RPC.contacts.updateCompany, h.ctx(ws), { id: c.id, patch: { name: 'Back' } }),
    ).rejects.toMatchObject({ code: 'conflict' });
    await expect(
      h.rpc.call(RPC.contacts.archiveCompany, h.ctx(ws), { id: c.id }),
    ).resolves.toMatchObject({ version: 2 });
  });

  it('never shows or changes another workspace’s company', async () => {
    const ws = workspace();
    const c = await h.company(ws, { name: 'Private', domains: ['private.com'] });
    const other = h.ctx(workspace());
    const calls = [
      () => h.rpc.call(RPC.contacts.getCompany, other, { id: c.id }),
      () => h.rpc.call(RPC.contacts.updateCompany, other, { id: c.id, patch: { name: 'Taken' } }),
      () => h.rpc.call(RPC.contacts.archiveCompany, other, { id: c.id }),
      () => h.rpc.call(RPC.contacts.companyContacts, other, { id: c.id }),
    ];
    for (const call of calls) await expect(call()).rejects.toMatchObject({ code: 'not_found' });
    await expect(h.stored('companies', c.id)).resolves.toMatchObject({
      name: 'Private',
      status: 'active',
      version: 1,
    });
  });
});
