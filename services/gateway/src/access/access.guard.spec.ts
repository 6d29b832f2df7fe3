import { Reflector } from '@nestjs/core';
import type { ExecutionContext } from '@nestjs/common';
import { AppError } from '@switchboard/errors';
import { TokenService } from '../auth/token.service';
import { Public, RequiresCapability, type WithContext } from './access.decorators';
import { AccessGuard } from './access.guard';
import type { MembershipCache } from './membership-cache.service';

class Routes {
  @Public() open(): void {}
  @RequiresCapability('contacts.create') create(): void {}
  forgotten(): void {}
}

const tokens = new TokenService({
  secret: 's'.repeat(40),
  keyId: 'k1',
  accessTtlS: 900,
  refreshTtlS: 3600,
});
let roles: Record<string, string> = {};
const memberships = {
  roleOf: async (ws: string, user: string) => roles[`${ws}/${user}`] ?? null,
} as MembershipCache;
const guard = new AccessGuard(new Reflector(), tokens, memberships);

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
const bearer = async (role: string) => {
  roles = { 'w1/u1': role };
  return `Bearer ${await tokens.signAccess({ userId: 'u1', workspaceId: 'w1', role })}`;
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
});
