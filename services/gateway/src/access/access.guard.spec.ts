import type { TeamsRepository } from '../identity/teams.repository';
import { TeamScope } from './team-scope.service';
import type { ExecutionContext } from '@nestjs/common';
import { AppError } from '@switchboard/errors';
import type { AuthThrottle } from '../auth/auth-throttle.service';
import { TokenService } from '../auth/token.service';
import type { ApiKeysRepository } from '../identity/api-keys.repository';
import type { RefreshTokensRepository } from '../identity/refresh-tokens.repository';
import type { RolesRepository } from '../identity/roles.repository';
import { Public, RequiresCapability, SignedIn, type WithContext } from './access.decorators';
import { AccessGuard } from './access.guard';
import { CredentialsService } from './credentials.service';
import { GrantsService } from './grants.service';
import type { MembershipCache } from './membership-cache.service';
import type { Revocations } from './revocations';

class Routes {
  @Public() open(): void {}
  @RequiresCapability('contacts.create') create(): void {}
  @SignedIn() me(): void {}
  forgotten(): void {}
}

const tokens = new TokenService({
  keys: [{ kid: 'k1', secret: 's'.repeat(40) }],
  accessTtlS: 900,
  refreshTtlS: 3600,
});
let roles: Record<string, string> = {};
const memberships = {
  roleOf: async (ws: string, user: string) => roles[`${ws}/${user}`] ?? null,
} as MembershipCache;
const revoked = new Set<string>();
const revocations = {
  sessionState: async (sid?: string) => ({ revoked: sid !== undefined && revoked.has(sid) }),
  isApiKeyRevoked: async () => false,
} as unknown as Revocations;
const customRoles = {
  find: async (_ws: string, name: string) =>
    name === 'auditor'
      ? { name, capabilities: ['contacts.read'], scope: 'own', workspaceId: 'w1' }
      : null,
} as unknown as RolesRepository;
const guard = new AccessGuard(
  new CredentialsService(
    tokens,
    memberships,
    {} as ApiKeysRepository,
    revocations,
    {} as RefreshTokensRepository,
    {
      assertMayTry: async () => undefined,
      failed: async () => undefined,
    } as unknown as AuthThrottle,
  ),
  new GrantsService(customRoles),
  new TeamScope({ ofMember: async () => [] } as unknown as TeamsRepository),
);

const request = (authorization?: string) =>
  ({ id: 'req-id-1', headers: authorization ? { authorization } : {} }) as unknown as WithContext;
const contextFor = (handler: keyof Routes, req = request()) =>
  ({
    getHandler: () => Routes.prototype[handler],
    getClass: () => Routes,
    switchToHttp: () => ({ getRequest: () => req }),
  }) as unknown as ExecutionContext;
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'passed',
    (e: unknown) => (e as AppError).code,
  );
const bearer = async (role: string, sessionId?: string) => {
  roles = { 'w1/u1': role };
  return `Bearer ${await tokens.signAccess({ userId: 'u1', workspaceId: 'w1', role, sessionId })}`;
};

describe('AccessGuard', () => {
  it('lets public routes through without credentials', async () => {
    await expect(guard.canActivate(contextFor('open'))).resolves.toBe(true);
  });

  it('refuses a route that declares nothing, even with a valid token', async () => {
    const req = request(await bearer('owner'));
    await expect(codeOf(guard.canActivate(contextFor('forgotten', req)))).resolves.toBe('internal');
  });

  it('answers 401 without, or with a bad, token', async () => {
    await expect(codeOf(guard.canActivate(contextFor('create')))).resolves.toBe('unauthenticated');
    await expect(
      codeOf(guard.canActivate(contextFor('create', request('Bearer nope')))),
    ).resolves.toBe('unauthenticated');
    await expect(
      codeOf(guard.canActivate(contextFor('create', request('Basic dTpw')))),
    ).resolves.toBe('unauthenticated');
  });

  it('answers 401 once the membership is gone', async () => {
    const req = request(await bearer('owner'));
    roles = {};
    await expect(codeOf(guard.canActivate(contextFor('create', req)))).resolves.toBe(
      'unauthenticated',
    );
  });

  it('answers 403 when the role lacks the capability', async () => {
    const req = request(await bearer('viewer'));
    await expect(codeOf(guard.canActivate(contextFor('create', req)))).resolves.toBe('forbidden');
  });

  it('uses the current membership role, not the one in the token', async () => {
    const req = request(await bearer('owner'));
    roles = { 'w1/u1': 'viewer' };
    await expect(codeOf(guard.canActivate(contextFor('create', req)))).resolves.toBe('forbidden');
  });

  it('leaves the request context on the request', async () => {
    const req = request(await bearer('member'));
    await expect(guard.canActivate(contextFor('create', req))).resolves.toBe(true);
    expect(req.switchboardCtx).toMatchObject({
      workspaceId: 'w1',
      actor: { type: 'user', id: 'u1' },
      role: 'member',
      scope: 'own',
      requestId: 'req-id-1',
    });
    expect(req.switchboardCtx?.capabilities).toContain('contacts.create');
  });

  it('lets any signed-in caller through @SignedIn routes, never anonymous ones', async () => {
    await expect(codeOf(guard.canActivate(contextFor('me')))).resolves.toBe('unauthenticated');
    const req = request(await bearer('viewer'));
    await expect(guard.canActivate(contextFor('me', req))).resolves.toBe(true);
  });

  it('refuses access tokens of an ended session', async () => {
    const req = request(await bearer('owner', 's1'));
    revoked.add('s1');
    await expect(codeOf(guard.canActivate(contextFor('create', req)))).resolves.toBe(
      'unauthenticated',
    );
  });

  it('grants a custom role exactly its capabilities and scope', async () => {
    const req = request(await bearer('auditor'));
    await expect(codeOf(guard.canActivate(contextFor('create', req)))).resolves.toBe('forbidden');
    const ok = request(await bearer('auditor'));
    await expect(guard.canActivate(contextFor('me', ok))).resolves.toBe(true);
    expect(ok.switchboardCtx).toMatchObject({ capabilities: ['contacts.read'], scope: 'own' });
  });
});
