import type { Company, Contact, CustomField, Session } from '@switchboard/contracts';
import { http, newContact, waitFor } from '@switchboard/testing';
import { GatewayHarness } from './support/gateway-harness';

/** Companies and the contacts configuration over HTTP, as a client sees them. */
let h: GatewayHarness;
let owner: Session;
let stranger: Session;

beforeAll(async () => {
  h = await GatewayHarness.start();
  [owner, stranger] = await Promise.all([h.signUp(), h.signUp()]);
});
afterAll(() => h.stop());

const call = <T>(method: string, path: string, body?: unknown, as: Session = owner) =>
  http<T>(h.url, method, path, { token: as.accessToken, ...(body !== undefined ? { body } : {}) });

describe('companies over HTTP', () => {
  it('creates, lists, updates, merges and archives; conflicts and bad input are problems', async () => {
    const acme = await call<Company>('POST', '/v1/companies', {
      name: 'Acme',
      domains: ['Acme.com'],
    });
    expect(acme.status).toBe(201);
    expect(acme.body.domains).toEqual(['acme.com']);

    const clash = await call<Record<string, unknown>>('POST', '/v1/companies', {
      name: 'Copy',
      domains: ['www.acme.com'],
    });
    expect(clash.status).toBe(409);
    expect(clash.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(clash.body).toMatchObject({
      code: 'conflict',
      domain: 'acme.com',
      companyId: acme.body.id,
    });

    const bad = await call<{ errors: { path: string }[] }>('POST', '/v1/companies', {
      name: 'X',
      domains: ['nope'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]?.path).toBe('domains.0');

    const contact = await newContact(h.url, owner.accessToken, {
      channels: [{ type: 'email', value: 'ada@acme.com' }],
    });
    expect(contact.companyLinks).toEqual([{ companyId: acme.body.id, workEmail: 'ada@acme.com' }]);
    const linked = await call<{ items: Contact[] }>(
      'GET',
      `/v1/companies/${acme.body.id}/contacts`,
    );
    expect(linked.body.items.map((c) => c.id)).toEqual([contact.id]);

    const dup = await call<Company>('POST', '/v1/companies', {
      name: 'Acme Inc',
      domains: ['acme.io'],
    });
    const patched = await call<Company>('PATCH', `/v1/companies/${dup.body.id}`, {
      industry: 'Tools',
      version: 1,
    });
    expect(patched.body).toMatchObject({ industry: 'Tools', version: 2 });
    const stale = await call('PATCH', `/v1/companies/${dup.body.id}`, {
      industry: 'X',
      version: 1,
    });
    expect(stale.status).toBe(409);

    const found = await call<{ items: Company[] }>('GET', '/v1/companies?q=acme&domain=acme.io');
    expect(found.body.items.map((c) => c.id)).toEqual([dup.body.id]);

    const merged = await call<{ company: Company; relinkedContacts: number }>(
      'POST',
      '/v1/companies/merge',
      { survivorId: acme.body.id, duplicateId: dup.body.id },
    );
    expect(merged.status).toBe(200);
    expect(merged.body.company).toMatchObject({
      domains: ['acme.com', 'acme.io'],
      industry: 'Tools',
    });

    const archived = await call<Company>('DELETE', `/v1/companies/${acme.body.id}`);
    expect(archived.body).toMatchObject({ status: 'archived' });

    for (const [method, path] of [
      ['GET', `/v1/companies/${acme.body.id}`],
      ['PATCH', `/v1/companies/${acme.body.id}`],
      ['DELETE', `/v1/companies/${acme.body.id}`],
      ['GET', `/v1/companies/${acme.body.id}/contacts`],
    ] as const) {
      const res = await call(
        method,
        path,
        method === 'PATCH' ? { name: 'Mine' } : undefined,
        stranger,
      );
      expect({ method, path, status: res.status }).toEqual({ method, path, status: 404 });
    }
  });
});

describe('contacts configuration over HTTP', () => {
  it('custom fields, settings with the dedup rule, and the tag library', async () => {
    const field = await call<CustomField>('POST', '/v1/custom-fields', {
      entity: 'contact',
      slug: 'plan',
      label: 'Plan',
      type: 'select',
      options: ['free', 'pro'],
    });
    expect(field.status).toBe(201);
    const unsafe = await call<{ errors: { path: string }[] }>('POST', '/v1/custom-fields', {
      entity: 'contact',
      slug: 'code',
      label: 'Code',
      type: 'text',
      // RE2 cannot compile a repeat count over 1,000 (a backtracking engine stalled on it).
      validation: { pattern: 'a{0,2000}a{0,2000}a{0,2000}a{0,2000}!' },
    });
    expect(unsafe.status).toBe(400);
    expect(unsafe.body.errors[0]?.path).toBe('validation.pattern');
    const badValue = await http<{ errors: { path: string }[] }>(h.url, 'POST', '/v1/contacts', {
      token: owner.accessToken,
      body: { displayName: 'X', customFields: { plan: 'gold' } },
    });
    expect(badValue.status).toBe(400);
    expect(badValue.body.errors[0]?.path).toBe('customFields.plan');
    const listed = await call<{ items: CustomField[] }>('GET', '/v1/custom-fields?entity=contact');
    expect(listed.body.items.map((f) => f.slug)).toEqual(['plan']);
    await call('PATCH', `/v1/custom-fields/${field.body.id}`, { options: ['free', 'pro', 'team'] });
    const retired = await call<CustomField>('DELETE', `/v1/custom-fields/${field.body.id}`);
    expect(retired.body).toMatchObject({ status: 'retired', options: ['free', 'pro', 'team'] });

    const settings = await call<{ stages: string[]; version: number }>(
      'GET',
      '/v1/settings/contacts',
    );
    expect(settings.body).toMatchObject({ stages: ['lead', 'prospect', 'customer', 'churned'] });
    const changed = await call('PATCH', '/v1/settings/contacts', {
      dedupRule: 'phone',
      version: 0,
    });
    expect(changed.status).toBe(200);
    await waitFor(async () => {
      const s = await call<{ dedup: { state: string } | null }>('GET', '/v1/settings/contacts');
      return s.body.dedup?.state === 'done';
    });
    await newContact(h.url, owner.accessToken, {
      channels: [{ type: 'phone', value: '+1 202 555 0199' }],
    });
    const dup = await http<{ code: string }>(h.url, 'POST', '/v1/contacts', {
      token: owner.accessToken,
      body: { displayName: 'Again', channels: [{ type: 'phone', value: '+12025550199' }] },
    });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('duplicate_contact');

    await newContact(h.url, owner.accessToken, { tags: ['vip', 'bot:paused'] });
    const tags = await call<unknown>('GET', '/v1/tags?prefix=v');
    expect(tags.body).toEqual({ tags: [{ name: 'vip', count: 1 }], systemTags: [] });
    const all = await call<{ systemTags: unknown[] }>('GET', '/v1/tags');
    expect(all.body.systemTags).toEqual([{ name: 'bot:paused', count: 1 }]);
    expect((await call('GET', '/v1/tags?limit=0')).status).toBe(400);
    // Another workspace sees none of it.
    expect((await call('GET', '/v1/tags', undefined, stranger)).body).toEqual({
      tags: [],
      systemTags: [],
    });
    expect((await call('GET', '/v1/custom-fields', undefined, stranger)).body).toEqual({
      items: [],
    });
  });
});

describe('the tag library over HTTP (decisions 0127, 0128)', () => {
  it('renames a tag on every contact in the background; other workspaces get 404 problems', async () => {
    const tagged = await newContact(h.url, owner.accessToken, { tags: ['q2 campaign', 'x'] });
    const defined = await call<{ name: string; color: string }>('POST', '/v1/tags', {
      name: 'q2 campaign',
      color: '#0A0B0C',
    });
    expect(defined.status).toBe(201);
    expect(defined.body).toMatchObject({ name: 'q2 campaign', color: '#0a0b0c', count: 1 });
    const path = `/v1/tags/${encodeURIComponent('q2 campaign')}`;

    for (const [method, p, body] of [
      ['GET', path, undefined],
      ['PATCH', path, { name: 'stolen' }],
      ['POST', `${path}/merge`, { into: 'stolen' }],
      ['DELETE', path, undefined],
    ] as const) {
      const res = await call<{ code: string }>(method, p, body, stranger);
      expect({ method, status: res.status, code: res.body.code }).toEqual({
        method,
        status: 404,
        code: 'not_found',
      });
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }

    const renamed = await call<{ operation: { id: string } }>('PATCH', path, {
      name: 'q3 campaign',
    });
    expect(renamed.status).toBe(200);
    const op = `/v1/tags/operations/${renamed.body.operation.id}`;
    expect((await call<{ code: string }>('GET', op, undefined, stranger)).status).toBe(404);
    await waitFor(
      async () => (await call<{ status: string }>('GET', op)).body.status === 'completed',
    );
    expect((await call<Contact>('GET', `/v1/contacts/${tagged.id}`)).body.tags).toEqual([
      'q3 campaign',
      'x',
    ]);
    expect((await call<{ color: string }>('GET', '/v1/tags/q3%20campaign')).body).toMatchObject({
      color: '#0a0b0c',
      count: 1,
    });
  });

  it('refuses bot: tags without tags.system as a problem naming the capability', async () => {
    const manager = await h.addMember(owner, 'manager');
    const asManager = (method: string, p: string, body?: unknown) =>
      call<{ code: string; capability?: string }>(method, p, body, manager);
    const contact = await asManager('POST', '/v1/contacts', {
      displayName: 'Bot',
      tags: ['bot:paused'],
    });
    expect(contact.status).toBe(403);
    expect(contact.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(contact.body).toMatchObject({ code: 'forbidden', capability: 'tags.system' });
    const tag = await asManager('POST', '/v1/tags', { name: 'bot:escalate' });
    expect(tag.status).toBe(403);
    expect((await call('POST', '/v1/tags', { name: 'bot:escalate' })).status).toBe(201);
  });
});
