import type { Contact, Page, Role, Session } from '@switchboard/contracts';
import { http } from '@switchboard/testing';
import { GatewayHarness } from './support/gateway-harness';

/**
 * `PUT /v1/roles/:key` overrides a default role in one workspace only, and edits custom roles;
 * `DELETE /v1/roles/:key` moves a custom role's members to another role, or drops an override.
 */
let h: GatewayHarness;
let ownerA: Session;
let memberA: Session;
let ownerB: Session;
let memberB: Session;
let contactA: Contact;
let contactB: Contact;

const call = <T>(as: Session, method: string, path: string, body?: unknown) =>
  http<T>(h.url, method, path, { token: as.accessToken, ...(body !== undefined ? { body } : {}) });

const NARROW_MEMBER = {
  capabilities: ['contacts.read', 'contacts.update'],
  scope: 'own',
  readScope: 'own',
};

beforeAll(async () => {
  h = await GatewayHarness.start();
  [ownerA, ownerB] = await Promise.all([h.signUp(), h.signUp()]);
  [memberA, memberB] = await Promise.all([
    h.addMember(ownerA, 'member'),
    h.addMember(ownerB, 'member'),
  ]);
  contactA = (await call<Contact>(ownerA, 'POST', '/v1/contacts', { displayName: 'In A' })).body;
  contactB = (await call<Contact>(ownerB, 'POST', '/v1/contacts', { displayName: 'In B' })).body;
});
afterAll(() => h.stop());

describe('overriding a default role', () => {
  it('applies to that workspace at once and leaves the others alone', async () => {
    const put = await call<Role>(ownerA, 'PUT', '/v1/roles/member', NARROW_MEMBER);
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      name: 'member',
      builtIn: true,
      overridden: true,
      readScope: 'own',
    });

    // Workspace A's members read only their own now and create nothing.
    expect((await call(memberA, 'GET', `/v1/contacts/${contactA.id}`)).status).toBe(404);
    expect((await call(memberA, 'POST', '/v1/contacts', { displayName: 'x' })).status).toBe(403);
    const me = await call<{ capabilities: string[]; readScope: string }>(memberA, 'GET', '/v1/me');
    expect(me.body).toMatchObject({ readScope: 'own', capabilities: NARROW_MEMBER.capabilities });

    // Workspace B's members keep the default.
    expect((await call(memberB, 'GET', `/v1/contacts/${contactB.id}`)).status).toBe(200);
    const list = await call<Page<Contact>>(memberB, 'GET', '/v1/contacts');
    expect(list.body.items.map((c) => c.id)).toContain(contactB.id);
    expect((await call(memberB, 'POST', '/v1/contacts', { displayName: 'y' })).status).toBe(201);

    const rolesA = await call<Role[]>(ownerA, 'GET', '/v1/roles');
    const rolesB = await call<Role[]>(ownerB, 'GET', '/v1/roles');
    expect(rolesA.body.find((r) => r.name === 'member')).toMatchObject({ overridden: true });
    expect(rolesB.body.find((r) => r.name === 'member')).toMatchObject({
      overridden: false,
      readScope: 'all',
    });
  });

  it('is dropped by DELETE, and the default applies again', async () => {
    const del = await call<{ reset: boolean }>(ownerA, 'DELETE', '/v1/roles/member');
    expect(del.status).toBe(200);
    expect(del.body.reset).toBe(true);
    expect((await call(memberA, 'GET', `/v1/contacts/${contactA.id}`)).status).toBe(200);
    expect((await call(ownerA, 'DELETE', '/v1/roles/member')).status).toBe(409);
  });

  it('never touches owner, and needs members.manage', async () => {
    const owner = await call<{ code: string }>(ownerA, 'PUT', '/v1/roles/owner', NARROW_MEMBER);
    expect(owner.status).toBe(409);
    const manager = await h.addMember(ownerA, 'manager');
    expect((await call(manager, 'PUT', '/v1/roles/viewer', NARROW_MEMBER)).status).toBe(403);
  });

  it('refuses unknown capabilities and unknown custom roles', async () => {
    const bad = await call<{ code: string }>(ownerA, 'PUT', '/v1/roles/viewer', {
      ...NARROW_MEMBER,
      capabilities: ['contacts.fly'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation_failed');
    expect((await call(ownerA, 'PUT', '/v1/roles/ghost', NARROW_MEMBER)).status).toBe(404);
  });

  it('never grants more than the caller holds', async () => {
    const admin = await h.addMember(ownerA, 'admin');
    // An admin narrowed to read own may not hand a role "all" reads.
    await call(ownerA, 'PUT', '/v1/roles/admin', {
      capabilities: ['members.read', 'members.manage', 'contacts.read'],
      scope: 'all',
      readScope: 'own',
    });
    const wider = await call(admin, 'PUT', '/v1/roles/viewer', {
      capabilities: ['contacts.read'],
      scope: 'own',
      readScope: 'all',
    });
    expect(wider.status).toBe(403);
    await call(ownerA, 'DELETE', '/v1/roles/admin');
  });
});

describe('custom roles', () => {
  it('are edited by PUT and deleted by moving their members to a named role', async () => {
    const created = await call<Role>(ownerA, 'POST', '/v1/roles', {
      name: 'scout',
      capabilities: ['contacts.read'],
      scope: 'own',
    });
    expect(created.status).toBe(201);
    expect(created.body.readScope).toBe('all');
    const scout = await h.addMember(ownerA, 'scout');
    expect((await call(scout, 'GET', `/v1/contacts/${contactA.id}`)).status).toBe(200);

    const edited = await call<Role>(ownerA, 'PUT', '/v1/roles/scout', {
      capabilities: ['contacts.read'],
      scope: 'own',
      readScope: 'own',
    });
    expect(edited.body).toMatchObject({ name: 'scout', builtIn: false, readScope: 'own' });
    expect((await call(scout, 'GET', `/v1/contacts/${contactA.id}`)).status).toBe(404);

    const noTarget = await call<{ code: string }>(ownerA, 'DELETE', '/v1/roles/scout', {});
    expect(noTarget.status).toBe(400);
    const unknownTarget = await call(ownerA, 'DELETE', '/v1/roles/scout', {
      moveMembersTo: 'nope',
    });
    expect(unknownTarget.status).toBe(400);

    const deleted = await call<{ moved: { members: number }; movedTo: string }>(
      ownerA,
      'DELETE',
      '/v1/roles/scout',
      { moveMembersTo: 'viewer' },
    );
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ movedTo: 'viewer', moved: { members: 1 } });
    const me = await call<{ role: string }>(scout, 'GET', '/v1/me');
    expect(me.body.role).toBe('viewer');
    expect((await call(scout, 'GET', `/v1/contacts/${contactA.id}`)).status).toBe(200);
    const roles = await call<Role[]>(ownerA, 'GET', '/v1/roles');
    expect(roles.body.map((r) => r.name)).not.toContain('scout');
    expect(
      (await call(ownerA, 'DELETE', '/v1/roles/scout', { moveMembersTo: 'viewer' })).status,
    ).toBe(404);
  });
});
