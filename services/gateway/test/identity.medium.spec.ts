import { generateKeyPair, SignJWT, UnsecuredJWT } from 'jose';
import {
  EventEnvelope,
  type ApiKey,
  type ApiKeyCreated,
  type Invitation,
  type Me,
  type Member,
  type Problem,
  type Session,
} from '@switchboard/contracts';
import { http, NatsTap, TEST_JWT_SECRET, waitFor } from '@switchboard/testing';
import { TokenService } from '../src/auth/token.service';
import { GatewayHarness, PASSWORD } from './support/gateway-harness';

let h: GatewayHarness;
let owner: Session;

beforeAll(async () => {
  h = await GatewayHarness.start();
  owner = await h.signUp('Identity Co');
});
afterAll(() => h.stop());

const get = <T = unknown>(path: string, token?: string) => http<T>(h.url, 'GET', path, { token });
const post = <T = unknown>(path: string, body: unknown, token?: string) =>
  http<T>(h.url, 'POST', path, { token, body });

describe('identity events', () => {
  it('publishes workspace.created at sign-up and member.invited (never the token)', async () => {
    const tap = await NatsTap.open<EventEnvelope>(h.ns, `${h.ns.natsPrefix}crm.>`);
    try {
      const ws = await h.signUp('Evented Co');
      const created = await tap.waitFor(
        (m) => m.data.type === 'workspace.created' && m.data.workspaceId === ws.workspace.id,
      );
      expect(created.subject).toBe(`${h.ns.natsPrefix}crm.${ws.workspace.id}.workspace.created`);
      expect(EventEnvelope.parse(created.data)).toMatchObject({
        actor: { type: 'user', id: ws.user.id },
        aggregate: { type: 'workspace', id: ws.workspace.id, version: 1 },
        data: { workspace: { id: ws.workspace.id, name: 'Evented Co' }, ownerUserId: ws.user.id },
      });

      const invite = await post<{ token: string }>(
        '/v1/invitations',
        { email: 'newcomer@example.com', role: 'member' },
        ws.accessToken,
      );
      expect(invite.status).toBe(201);
      const invited = await tap.waitFor(
        (m) => m.data.type === 'member.invited' && m.data.workspaceId === ws.workspace.id,
      );
      expect(invited.data).toMatchObject({
        actor: { type: 'user', id: ws.user.id },
        data: { email: 'newcomer@example.com', role: 'member', invitedBy: ws.user.id },
      });
      expect(JSON.stringify(invited.data)).not.toContain(invite.body.token);
    } finally {
      await tap.close();
    }
  });
});

describe('sessions', () => {
  it('answers /v1/me with the role, capabilities and scope', async () => {
    const me = await get<Me>('/v1/me', owner.accessToken);
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      user: { id: owner.user.id },
      workspace: { id: owner.workspace.id, name: 'Identity Co' },
      role: 'owner',
      scope: 'all',
      actor: { type: 'user', id: owner.user.id },
    });
    expect(me.body.capabilities).toContain('members.manage');
  });

  it('logs a user of two workspaces into the one asked for', async () => {
    const other = await h.signUp('Second Co');
    await h.addMember(other, 'viewer', owner.user.email);
    const login = (workspaceId?: string) =>
      post<Session>('/v1/auth/login', { email: owner.user.email, password: PASSWORD, workspaceId });
    expect((await login()).body.workspace.id).toBe(owner.workspace.id);
    const second = await login(other.workspace.id);
    expect(second.body.workspace.id).toBe(other.workspace.id);
    const me = await get<Me>('/v1/me', second.body.accessToken);
    expect(me.body).toMatchObject({ role: 'viewer', workspace: { id: other.workspace.id } });
    expect((await login('not-a-member-ws')).status).toBe(403);
  });

  it('rotates refresh tokens; reusing a spent one revokes the whole family', async () => {
    const first = await h.signUp();
    const second = await post<Session>('/v1/auth/refresh', { refreshToken: first.refreshToken });
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(first.refreshToken);
    expect((await get('/v1/me', second.body.accessToken)).status).toBe(200);

    const reuse = await post<Problem>('/v1/auth/refresh', { refreshToken: first.refreshToken });
    expect(reuse.status).toBe(401);
    expect(reuse.body.detail).toMatch(/reused/);
    // The thief's and the victim's tokens alike: the family is gone, access tokens included.
    expect(
      (await post('/v1/auth/refresh', { refreshToken: second.body.refreshToken })).status,
    ).toBe(401);
    expect((await get('/v1/me', second.body.accessToken)).status).toBe(401);
    expect((await get('/v1/me', first.accessToken)).status).toBe(401);
  });

  it('logs out: the session ends for its access and refresh tokens', async () => {
    const s = await h.signUp();
    const out = await http(h.url, 'POST', '/v1/auth/logout', { token: s.accessToken, body: {} });
    expect(out.status).toBe(204);
    expect((await get('/v1/me', s.accessToken)).status).toBe(401);
    expect((await post('/v1/auth/refresh', { refreshToken: s.refreshToken })).status).toBe(401);
  });
});

describe('access tokens that must not pass', () => {
  const claims = { ws: 'w', role: 'owner' };
  const unsigned = (alg: string) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg, kid: 'k1', typ: 'JWT' })
      .setSubject('u')
      .setIssuer('switchboard')
      .setIssuedAt()
      .setExpirationTime('10m');

  it.each([
    [
      'expired',
      async () => {
        const past = new TokenService({
          keys: [{ kid: 'k1', secret: TEST_JWT_SECRET }],
          accessTtlS: 60,
          refreshTtlS: 60,
          now: () => Date.now() - 3_600_000,
        });
        return past.signAccess({
          userId: owner.user.id,
          workspaceId: owner.workspace.id,
          role: 'owner',
        });
      },
    ],
    [
      'tampered',
      async () => {
        const [head, , sig] = owner.accessToken.split('.');
        const body = Buffer.from(
          JSON.stringify({ ...claims, sub: owner.user.id, iss: 'switchboard', iat: 1, exp: 9e9 }),
        ).toString('base64url');
        return `${head}.${body}.${sig}`;
      },
    ],
    [
      'alg none',
      async () =>
        new UnsecuredJWT({ ...claims, ws: owner.workspace.id })
          .setSubject(owner.user.id)
          .setIssuer('switchboard')
          .setIssuedAt()
          .setExpirationTime('10m')
          .encode(),
    ],
    ['RS256', async () => unsigned('RS256').sign((await generateKeyPair('RS256')).privateKey)],
    [
      'wrong key id',
      async () =>
        new TokenService({
          keys: [{ kid: 'k9', secret: TEST_JWT_SECRET }],
          accessTtlS: 60,
          refreshTtlS: 60,
        }).signAccess({ userId: owner.user.id, workspaceId: owner.workspace.id, role: 'owner' }),
    ],
    ['wrong secret', async () => unsigned('HS256').sign(new TextEncoder().encode('z'.repeat(40)))],
  ])('%s → 401 problem', async (_name, make) => {
    const res = await get<Problem>('/v1/me', await make());
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('unauthenticated');
  });
});

describe('members and roles', () => {
  it('lists members, changes roles, and never loses the last owner', async () => {
    const ws = await h.signUp();
    const admin = await h.addMember(ws, 'admin');
    const list = await get<{ items: Member[] }>('/v1/members', ws.accessToken);
    expect(list.body.items.map((m) => m.role).sort()).toEqual(['admin', 'owner']);
    const one = await get<Member>(`/v1/members/${admin.user.id}`, ws.accessToken);
    expect(one.body).toMatchObject({
      userId: admin.user.id,
      role: 'admin',
      email: admin.user.email,
    });
    expect((await get('/v1/members/no-such-user', ws.accessToken)).status).toBe(404);

    const patch = (userId: string, role: string, token: string) =>
      http<Problem>(h.url, 'PATCH', `/v1/members/${userId}`, { token, body: { role } });
    const del = (userId: string, token: string) =>
      http<Problem>(h.url, 'DELETE', `/v1/members/${userId}`, { token });
    expect((await patch(ws.user.id, 'admin', ws.accessToken)).body.code).toBe('conflict');
    expect((await del(ws.user.id, ws.accessToken)).status).toBe(409);
    // An admin may not touch an owner, nor make one.
    expect((await patch(ws.user.id, 'member', admin.accessToken)).status).toBe(403);
    expect((await patch(admin.user.id, 'owner', admin.accessToken)).status).toBe(403);
    // Once a second owner exists, the first may step down.
    expect((await patch(admin.user.id, 'owner', ws.accessToken)).status).toBe(200);
    expect((await patch(ws.user.id, 'viewer', ws.accessToken)).status).toBe(200);
    expect((await get<Me>('/v1/me', ws.accessToken)).body.role).toBe('viewer');
    expect((await del(ws.user.id, admin.accessToken)).status).toBe(202);
    expect((await get('/v1/me', ws.accessToken)).status).toBe(401);
    expect((await del(admin.user.id, admin.accessToken)).status).toBe(409);
  });

  it('lists invitations with their status and revokes a pending one, whose token then fails', async () => {
    const tap = await NatsTap.open<EventEnvelope>(h.ns, `${h.ns.natsPrefix}crm.>`);
    try {
      const ws = await h.signUp();
      const invite = (email: string) =>
        post<{ id: string; token: string }>(
          '/v1/invitations',
          { email, role: 'member' },
          ws.accessToken,
        );
      const kept = await invite('kept@example.com');
      const dropped = await invite('dropped@example.com');
      const accept = (token: string) =>
        post<Problem>('/v1/auth/accept-invitation', {
          token,
          password: PASSWORD,
          name: 'Newcomer',
        });
      expect((await accept(kept.body.token)).status).toBe(200);

      type Listed = { items: Invitation[] };
      const before = await get<Listed>('/v1/invitations', ws.accessToken);
      expect(before.status).toBe(200);
      expect(before.body.items.map((i) => [i.email, i.status])).toEqual([
        ['dropped@example.com', 'pending'],
        ['kept@example.com', 'accepted'],
      ]);
      expect(JSON.stringify(before.body)).not.toContain(dropped.body.token);

      const revoke = (id: string, token = ws.accessToken) =>
        http<Invitation & { code?: string }>(h.url, 'DELETE', `/v1/invitations/${id}`, { token });
      // Another workspace's manager finds nothing; a member may not manage invitations.
      const other = await h.signUp();
      expect((await revoke(dropped.body.id, other.accessToken)).status).toBe(404);
      const member = await h.addMember(ws, 'member');
      expect((await revoke(dropped.body.id, member.accessToken)).status).toBe(403);
      expect((await get('/v1/invitations', member.accessToken)).status).toBe(403);

      const revoked = await revoke(dropped.body.id);
      expect(revoked.status).toBe(200);
      expect(revoked.body).toMatchObject({ status: 'revoked', email: 'dropped@example.com' });
      expect((await revoke(dropped.body.id)).body.status).toBe('revoked'); // idempotent
      expect((await revoke(kept.body.id)).body.code).toBe('conflict');
      expect((await accept(dropped.body.token)).status).toBe(404);
      const event = await tap.waitFor(
        (m) =>
          m.data.type === 'member.invitation.revoked' && m.data.workspaceId === ws.workspace.id,
      );
      expect(event.data).toMatchObject({
        aggregate: { type: 'invitation', id: dropped.body.id },
        data: { email: 'dropped@example.com', revokedBy: ws.user.id },
      });
      const after = await get<Listed>('/v1/invitations', ws.accessToken);
      expect(after.body.items.find((i) => i.id === dropped.body.id)?.status).toBe('revoked');
    } finally {
      await tap.close();
    }
  });

  it('creates custom roles with exactly their capabilities and scope', async () => {
    const ws = await h.signUp();
    const bad = await post<Problem>(
      '/v1/roles',
      { name: 'bogus', capabilities: ['contacts.read', 'root.all'], scope: 'all' },
      ws.accessToken,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.[0]?.path).toBe('capabilities.1');
    const role = { name: 'rep', capabilities: ['contacts.read', 'contacts.create'], scope: 'own' };
    expect((await post('/v1/roles', role, ws.accessToken)).status).toBe(201);
    expect((await post('/v1/roles', role, ws.accessToken)).status).toBe(409);
    expect((await post('/v1/roles', { ...role, name: 'admin' }, ws.accessToken)).status).toBe(409);
    const roles = await get<{ name: string; builtIn: boolean }[]>('/v1/roles', ws.accessToken);
    expect(roles.body.map((r) => r.name)).toEqual([
      'owner',
      'admin',
      'manager',
      'member',
      'factory',
      'viewer',
      'rep',
    ]);

    const rep = await h.addMember(ws, 'rep');
    const me = await get<Me>('/v1/me', rep.accessToken);
    expect(me.body).toMatchObject({ role: 'rep', scope: 'own' });
    expect(me.body.capabilities.sort()).toEqual(['contacts.create', 'contacts.read']);
    const mine = await post(
      '/v1/contacts',
      { displayName: 'Mine', ownerId: rep.user.id },
      rep.accessToken,
    );
    expect(mine.status).toBe(201);
    const theirs = await post<Problem>(
      '/v1/contacts',
      { displayName: 'Theirs', ownerId: ws.user.id },
      rep.accessToken,
    );
    expect(theirs.body.code).toBe('forbidden');
    expect((await get('/v1/members', rep.accessToken)).status).toBe(403);
  });
});

describe('API keys', () => {
  it('shows the key once, authenticates with it, records use, and revokes it at once', async () => {
    const ws = await h.signUp();
    const created = await post<ApiKeyCreated>(
      '/v1/api-keys',
      { name: 'zapier', role: 'member' },
      ws.accessToken,
    );
    expect(created.status).toBe(201);
    expect(created.body.key).toMatch(/^sbk_[0-9a-f]{16}_/);
    expect(created.body.key.startsWith(created.body.prefix)).toBe(true);

    const me = await get<Me>('/v1/me', created.body.key);
    expect(me.body).toMatchObject({
      user: null,
      role: 'member',
      scope: 'own',
      actor: { type: 'api_key', id: created.body.id },
    });
    // Scope "own" for a key: it may create unowned contacts, not someone else's.
    expect((await post('/v1/contacts', { displayName: 'Via key' }, created.body.key)).status).toBe(
      201,
    );
    expect(
      (await post('/v1/contacts', { displayName: 'X', ownerId: ws.user.id }, created.body.key))
        .status,
    ).toBe(403);

    // The use is recorded in the background (at most once a minute), not on the request's path.
    const listed = await waitFor(async () => {
      const res = await get<ApiKey[]>('/v1/api-keys', ws.accessToken);
      return res.body[0]?.lastUsedAt ? res : undefined;
    });
    expect(listed.body).toHaveLength(1);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.key.split('_')[2]);

    const forged =
      created.body.key.slice(0, -3) + (created.body.key.endsWith('AAA') ? 'BBB' : 'AAA');
    expect((await get('/v1/me', forged)).status).toBe(401);

    expect(
      (await http(h.url, 'DELETE', `/v1/api-keys/${created.body.id}`, { token: ws.accessToken }))
        .status,
    ).toBe(204);
    const after = await get<Problem>('/v1/me', created.body.key);
    expect(after.status).toBe(401);
    expect(after.body.detail).toMatch(/revoked/);
  });

  it('never binds a key to a role beyond the creator’s own', async () => {
    const ws = await h.signUp();
    const admin = await h.addMember(ws, 'admin');
    const res = await post<Problem>(
      '/v1/api-keys',
      { name: 'x', role: 'owner' },
      admin.accessToken,
    );
    expect(res.status).toBe(403);
    const other = await h.signUp();
    // Another workspace's key id answers 404, not 403.
    const key = await post<ApiKeyCreated>(
      '/v1/api-keys',
      { name: 'y', role: 'viewer' },
      other.accessToken,
    );
    expect(
      (await http(h.url, 'DELETE', `/v1/api-keys/${key.body.id}`, { token: ws.accessToken }))
        .status,
    ).toBe(404);
  });
});
