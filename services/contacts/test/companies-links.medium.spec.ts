import { RPC, type Company, type Contact } from '@switchboard/contracts';
import { useConfigHarness, workspace } from './support/config-harness';

const h = useConfigHarness();

describe('company links, domain auto-match and company merge', () => {
  it('links a new contact to the company holding any of its email domains', async () => {
    const ws = workspace();
    const acme = await h.company(ws, { name: 'Acme', domains: ['acme.com'] });
    const globex = await h.company(ws, { name: 'Globex', domains: ['globex.com'] });
    const contact = await h.contact(ws, {
      displayName: 'Ada',
      channels: [
        { type: 'email', value: 'ada@gmail.com' },
        { type: 'email', value: 'Ada@ACME.com' },
        { type: 'email', value: 'ada@globex.com' },
      ],
      companyLinks: [{ companyId: globex.id, title: 'CTO' }],
    });
    expect(contact.companyLinks).toEqual([
      { companyId: globex.id, title: 'CTO' },
      { companyId: acme.id, workEmail: 'ada@acme.com' },
    ]);
    // Archived companies and other workspaces' companies match nothing.
    await h.rpc.call(RPC.contacts.archiveCompany, h.ctx(ws), { id: acme.id });
    await expect(
      h.contact(ws, { channels: [{ type: 'email', value: 'bob@acme.com' }] }),
    ).resolves.toMatchObject({ companyLinks: [] });
    await expect(
      h.contact(workspace(), { channels: [{ type: 'email', value: 'eve@globex.com' }] }),
    ).resolves.toMatchObject({ companyLinks: [] });
  });

  it('links a contact when an edit adds an email of a company domain, never re-links a removed one', async () => {
    const ws = workspace();
    const acme = await h.company(ws, { name: 'Acme', domains: ['acme.com'] });
    const globex = await h.company(ws, { name: 'Globex', domains: ['globex.com'] });
    const ada = await h.contact(ws, {
      displayName: 'Ada',
      channels: [{ type: 'email', value: 'ada@gmail.com' }],
    });
    expect(ada.companyLinks).toEqual([]);
    const update = (patch: Record<string, unknown>) =>
      h.rpc.call(RPC.contacts.update, h.ctx(ws), { id: ada.id, patch });
    const gmail = { type: 'email' as const, value: 'ada@gmail.com' };
    const work = { type: 'email' as const, value: 'Ada@Acme.com' };
    expect((await update({ channels: [gmail, work] })).companyLinks).toEqual([
      { companyId: acme.id, workEmail: 'ada@acme.com' },
    ]);
    // Unlinked on purpose: editing the channels again (same emails) keeps it unlinked.
    expect((await update({ companyLinks: [] })).companyLinks).toEqual([]);
    const again = await update({ channels: [work, gmail] });
    expect(again.companyLinks).toEqual([]);
    // A patch that names the links is taken as it is, even with a new company email.
    const named = await update({
      channels: [work, gmail, { type: 'email', value: 'ada@globex.com' }],
      companyLinks: [],
    });
    expect(named.companyLinks).toEqual([]);
    expect(
      (
        await update({
          channels: [gmail, { type: 'email', value: 'lovelace@globex.com' }],
        })
      ).companyLinks,
    ).toEqual([{ companyId: globex.id, workEmail: 'lovelace@globex.com' }]);
  });

  it('refuses links to companies that do not exist in the workspace or are archived', async () => {
    const ws = workspace();
    const theirs = await h.company(workspace(), { name: 'Theirs' });
    const archived = await h.company(ws, { name: 'Old' });
    await h.rpc.call(RPC.contacts.archiveCompany, h.ctx(ws), { id: archived.id });
    const live = await h.company(ws, { name: 'Live' });
    const err = await h.err(
      h.contact(ws, {
        displayName: 'X',
        companyLinks: [
          { companyId: live.id },
          { companyId: theirs.id },
          { companyId: archived.id },
          { companyId: 'nope' },
        ],
      }),
    );
    expect(err?.code).toBe('validation_failed');
    expect(err?.errors?.map((e) => e.path)).toEqual([
      'companyLinks.1.companyId',
      'companyLinks.2.companyId',
      'companyLinks.3.companyId',
    ]);
    expect(await h.db.collection('contacts').countDocuments({ workspaceId: ws })).toBe(0);
  });

  it('lists a company’s active contacts, newest first', async () => {
    const ws = workspace();
    const ctx = h.ctx(ws);
    const acme = await h.company(ws, { name: 'Acme', domains: ['acme.com'] });
    const a = await h.contact(ws, { channels: [{ type: 'email', value: 'a@acme.com' }] });
    const b = await h.contact(ws, { displayName: 'B', companyLinks: [{ companyId: acme.id }] });
    await h.contact(ws, { displayName: 'Unlinked' });
    const archived = await h.contact(ws, { channels: [{ type: 'email', value: 'c@acme.com' }] });
    await h.rpc.call(RPC.contacts.archive, h.ctx(ws), { id: archived.id });
    const page = await h.rpc.call(RPC.contacts.companyContacts, ctx, { id: acme.id });
    expect(page.items.map((c) => c.id)).toEqual([b.id, a.id]);
    const first = await h.rpc.call(RPC.contacts.companyContacts, ctx, { id: acme.id, limit: 1 });
    const next = await h.rpc.call(RPC.contacts.companyContacts, ctx, {
      id: acme.id,
      limit: 1,
      cursor: first.nextCursor!,
    });
    expect([...first.items, ...next.items].map((c) => c.id)).toEqual([b.id, a.id]);
  });

  it('merges companies: union, resolutions, dry run, duplicate archived, contacts relinked', async () => {
    const ws = workspace();
    const ctx = h.ctx(ws);
    await h.rpc.call(RPC.contacts.createCustomField, ctx, {
      entity: 'company',
      slug: 'tier',
      label: 'Tier',
      type: 'text',
    });
    await h.rpc.call(RPC.contacts.createCustomField, ctx, {
      entity: 'company',
      slug: 'region',
      label: 'Region',
      type: 'text',
    });
    const survivor = await h.company(ws, {
      name: 'Acme',
      domains: ['acme.com'],
      tags: ['key'],
      industry: 'Tools',
      customFields: { tier: 'gold' },
    });
    const duplicate = await h.company(ws, {
      name: 'ACME Inc',
      domains: ['acme.io'],
      tags: ['eu'],
      industry: 'Hardware',
      size: '11-50',
      customFields: { tier: 'silver', region: 'EU' },
    });
    const onDup = await h.contact(ws, { channels: [{ type: 'email', value: 'a@acme.io' }] });
    const onBoth = await h.contact(ws, {
      displayName: 'Both',
      companyLinks: [{ companyId: survivor.id }, { companyId: duplicate.id, title: 'CEO' }],
    });
    const input = {
      survivorId: survivor.id,
      duplicateId: duplicate.id,
      resolutions: { industry: 'duplicate', 'customFields.tier': 'survivor' } as const,
    };

    const dry = await h.rpc.call(RPC.contacts.mergeCompanies, ctx, { ...input, dryRun: true });
    expect(dry).toMatchObject({
      dryRun: true,
      company: {
        name: 'Acme',
        domains: ['acme.com', 'acme.io'],
        tags: ['key', 'eu'],
        industry: 'Hardware',
        size: '11-50',
        customFields: { tier: 'gold', region: 'EU' },
      },
      duplicate: { status: 'archived', mergedInto: survivor.id },
      relinkedContacts: 2,
    });
    expect(dry.conflicts.map((c) => [c.field, c.resolution])).toEqual(
      expect.arrayContaining([
        ['name', 'survivor'],
        ['industry', 'duplicate'],
        ['customFields.tier', 'survivor'],
      ]),
    );
    await expect(h.stored('companies', duplicate.id)).resolves.toMatchObject({
      status: 'active',
      version: 1,
    });

    const merged = await h.rpc.call(RPC.contacts.mergeCompanies, ctx, input);
    expect(merged).toMatchObject({
      dryRun: false,
      company: {
        id: survivor.id,
        domains: ['acme.com', 'acme.io'],
        industry: 'Hardware',
        version: 2,
      },
      duplicate: { id: duplicate.id, status: 'archived', mergedInto: survivor.id },
      relinkedContacts: 2,
    });
    const event = await h.event<{ survivorId: string; duplicateId: string }>(
      'company.merged',
      survivor.id,
    );
    expect(event.data).toMatchObject({ survivorId: survivor.id, duplicateId: duplicate.id });
    expect((await h.event<{ reason: string }>('company.archived', duplicate.id)).data.reason).toBe(
      'merged',
    );

    const linksOf = async (c: Contact) =>
      (await h.rpc.call(RPC.contacts.get, ctx, { id: c.id })).companyLinks;
    expect(await linksOf(onDup)).toEqual([{ companyId: survivor.id, workEmail: 'a@acme.io' }]);
    expect(await linksOf(onBoth)).toEqual([{ companyId: survivor.id, title: 'CEO' }]);
    await h.event('contact.updated', onDup.id, 2);
    // The survivor now holds the duplicate's domain: auto-match follows it.
    await expect(
      h.contact(ws, { channels: [{ type: 'email', value: 'new@acme.io' }] }),
    ).resolves.toMatchObject({
      companyLinks: [{ companyId: survivor.id }],
    });

    // A retry finishes an interrupted merge and changes nothing more.
    const again = await h.rpc.call(RPC.contacts.mergeCompanies, ctx, input);
    expect(again).toMatchObject({ company: { version: 2 }, relinkedContacts: 0 });
    expect(h.events('company.merged', survivor.id)).toHaveLength(1);
  });

  it('finishes a merge interrupted after archiving the duplicate', async () => {
    const ws = workspace();
    const ctx = h.ctx(ws);
    const survivor = await h.company(ws, { name: 'S' });
    const duplicate = await h.company(ws, { name: 'D', domains: ['d.com'] });
    const linked = await h.contact(ws, { channels: [{ type: 'email', value: 'x@d.com' }] });
    // As if a merge stopped right after its first step.
    await h.rawSet('companies', duplicate.id, { status: 'archived', mergedInto: survivor.id });
    const done = await h.rpc.call(RPC.contacts.mergeCompanies, ctx, {
      survivorId: survivor.id,
      duplicateId: duplicate.id,
    });
    expect(done).toMatchObject({ company: { domains: ['d.com'] }, relinkedContacts: 1 });
    expect((await h.rpc.call(RPC.contacts.get, ctx, { id: linked.id })).companyLinks).toEqual([
      { companyId: survivor.id, workEmail: 'x@d.com' },
    ]);
  });

  it('refuses merging archived companies, a company into itself, or across workspaces', async () => {
    const ws = workspace();
    const ctx = h.ctx(ws);
    const a = await h.company(ws, { name: 'A' });
    const b = await h.company(ws, { name: 'B' });
    const c = await h.company(ws, { name: 'C' });
    await h.rpc.call(RPC.contacts.archiveCompany, ctx, { id: c.id });
    await expect(
      h.rpc.call(RPC.contacts.mergeCompanies, ctx, { survivorId: a.id, duplicateId: a.id }),
    ).rejects.toMatchObject({
      code: 'validation_failed',
    });
    await expect(
      h.rpc.call(RPC.contacts.mergeCompanies, ctx, { survivorId: a.id, duplicateId: c.id }),
    ).rejects.toMatchObject({
      code: 'conflict',
    });
    await expect(
      h.rpc.call(RPC.contacts.mergeCompanies, ctx, { survivorId: c.id, duplicateId: a.id }),
    ).rejects.toMatchObject({
      code: 'conflict',
    });
    const theirs: Company = await h.company(workspace(), { name: 'Theirs' });
    await expect(
      h.rpc.call(RPC.contacts.mergeCompanies, ctx, { survivorId: b.id, duplicateId: theirs.id }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      h.rpc.call(RPC.contacts.mergeCompanies, h.ctx(workspace()), {
        survivorId: a.id,
        duplicateId: b.id,
        dryRun: true,
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(h.stored('companies', theirs.id)).resolves.toMatchObject({ status: 'active' });
  });
});
