import type { Contact, Page, Session, Team } from '@switchboard/contracts';
import { http } from '@switchboard/testing';
import { GatewayHarness } from './support/gateway-harness';

/**
 * Teams and the `team` scope: a role scoped to its team reads and writes the records its
 * teammates own and nothing else; team changes apply to the next request (decision 0108).
 */
let h: GatewayHarness;
let owner: Session;
let lead: Session;
let mate: Session;
let outsider: Session;
let stranger: Session;
let team: Team;
const owned: Record<'lead' | 'mate' | 'outsider' | 'nobody', Contact> = {} as never;

const call = <T>(as: Session, method: string, path: string, body?: unknown) =>
  http<T>(h.url, method, path, { token: as.accessToken, ...(body !== undefined ? { body } : {}) });

beforeAll(async () => {
  h = await GatewayHarness.start();
  [owner, stranger] = await Promise.all([h.signUp(), h.signUp()]);
  const role = await call(owner, 'POST', '/v1/roles', {
    name: 'team-lead',
    capabilities: ['contacts.read', 'contacts.update', 'contacts.create'],
    scope: 'team',
    readScope: 'team',
  });
  if (role.status !== 201) throw new Error(`role: ${role.status}`);
  lead = await h.addMember(owner, 'team-lead');
  mate = await h.addMember(owner, 'member');
  outsider = await h.addMember(owner, 'member');
  const make = async (displayName: string, ownerId?: string) =>
    (
      await call<Contact>(owner, 'POST', '/v1/contacts', {
        displayName,
        ...(ownerId ? { ownerId } : {}),
      })
    ).body;
  owned.lead = await make('Lead’s', lead.user.id);
  owned.mate = await make('Mate’s', mate.user.id);
  owned.outsider = await make('Outsider’s', outsider.user.id);
  owned.nobody = await make('Nobody’s');
});
afterAll(() => h.stop());

describe('teams', () => {
  it('are created from current members only', async () => {
    const bad = await call<{ code: string; errors: { path: string }[] }>(
      owner,
      'POST',
      '/v1/teams',
      {
        name: 'Sales',
        memberIds: [lead.user.id, stranger.user.id],
      },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.path)).toEqual(['memberIds.1']);
    const res = await call<Team>(owner, 'POST', '/v1/teams', {
      name: 'Sales',
      memberIds: [lead.user.id, mate.user.id],
    });
    expect(res.status).toBe(201);
    team = res.body;
    expect((await call(owner, 'POST', '/v1/teams', { name: 'Sales' })).status).toBe(409);
  });

  it('are listed, read, and hidden from other workspaces', async () => {
    const list = await call<Page<Team>>(owner, 'GET', '/v1/teams');
    expect(list.body.items.map((t) => t.id)).toEqual([team.id]);
    expect((await call(owner, 'GET', `/v1/teams/${team.id}`)).status).toBe(200);
    expect((await call(stranger, 'GET', `/v1/teams/${team.id}`)).status).toBe(404);
    expect((await call(stranger, 'PATCH', `/v1/teams/${team.id}`, { name: 'x' })).status).toBe(404);
    expect((await call(mate, 'POST', '/v1/teams', { name: 'Mine' })).status).toBe(403);
  });
});

describe('the team scope', () => {
  it('lists what the team owns and nothing else', async () => {
    const res = await call<Page<Contact>>(lead, 'GET', '/v1/contacts');
    expect(res.body.items.map((c) => c.id).sort()).toEqual([owned.lead.id, owned.mate.id].sort());
  });

  it('reads a teammate’s record; an outsider’s or an unowned one is not found', async () => {
    expect((await call(lead, 'GET', `/v1/contacts/${owned.mate.id}`)).status).toBe(200);
    expect((await call(lead, 'GET', `/v1/contacts/${owned.outsider.id}`)).status).toBe(404);
    expect((await call(lead, 'GET', `/v1/contacts/${owned.nobody.id}`)).status).toBe(404);
  });

  it('writes a teammate’s record, not an outsider’s, and assigns only within the team', async () => {
    expect(
      (await call(lead, 'PATCH', `/v1/contacts/${owned.mate.id}`, { locale: 'fr' })).status,
    ).toBe(200);
    expect(
      (await call(lead, 'PATCH', `/v1/contacts/${owned.outsider.id}`, { locale: 'fr' })).status,
    ).toBe(403);
    const toMate = await call(lead, 'POST', '/v1/contacts', {
      displayName: 'For mate',
      ownerId: mate.user.id,
    });
    expect(toMate.status).toBe(201);
    const toOutsider = await call(lead, 'POST', '/v1/contacts', {
      displayName: 'For outsider',
      ownerId: outsider.user.id,
    });
    expect(toOutsider.status).toBe(403);
  });

  it('follows the team: a member taken out takes its records out of reach at once', async () => {
    const patched = await call<Team>(owner, 'PATCH', `/v1/teams/${team.id}`, {
      memberIds: [lead.user.id],
    });
    expect(patched.body.memberIds).toEqual([lead.user.id]);
    expect((await call(lead, 'GET', `/v1/contacts/${owned.mate.id}`)).status).toBe(404);
    expect((await call(owner, 'DELETE', `/v1/teams/${team.id}`)).status).toBe(204);
    expect((await call(owner, 'GET', `/v1/teams/${team.id}`)).status).toBe(404);
    const res = await call<Page<Contact>>(lead, 'GET', '/v1/contacts');
    expect(res.body.items.map((c) => c.id)).toEqual([owned.lead.id]);
  });
});
