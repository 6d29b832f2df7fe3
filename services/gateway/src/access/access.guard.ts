import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import type { Capability, RequestContext } from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { TokenService } from '../auth/token.service';
import { requestIdOf, traceparentOf } from '../http/request-id';
import { IS_PUBLIC, REQUIRED_CAPABILITY, type WithContext } from './access.decorators';
import { MembershipCache } from './membership-cache.service';
import { grantOf } from './roles';

const BEARER = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/i;

/**
 * Global guard: authenticated → capability. A route that declares neither `@Public()` nor
 * `@RequiresCapability()` is refused, so a forgotten declaration fails closed.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('access');

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly memberships: MembershipCache,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const capability = this.reflector.getAllAndOverride<Capability | undefined>(
      REQUIRED_CAPABILITY,
      targets,
    );
    if (!capability) {
      const route = `${context.getClass().name}.${context.getHandler().name}`;
      this.logger.error(
        { route },
        'route declares neither @Public() nor @RequiresCapability(): refused',
      );
      throw new AppError('internal', `route ${route} has no access declaration`);
    }
    const request = context.switchToHttp().getRequest<FastifyRequest & WithContext>();
    const ctx = await this.authenticate(request);
    if (!ctx.capabilities.includes(capability)) {
      throw new AppError('forbidden', `your role (${ctx.role}) lacks the capability ${capability}`);
    }
    request.switchboardCtx = ctx;
    return true;
  }

  private async authenticate(request: FastifyRequest): Promise<RequestContext> {
    const header = request.headers.authorization;
    const token = typeof header === 'string' ? BEARER.exec(header)?.[1] : undefined;
    if (!token) throw new AppError('unauthenticated', 'missing bearer token');
    const claims = await this.tokens.verifyAccess(token);
    // The membership, not the token, is the truth for the role: removals and role changes apply now.
    const role = await this.memberships.roleOf(claims.ws, claims.sub);
    if (!role) throw new AppError('unauthenticated', 'no longer a member of this workspace');
    const grant = grantOf(role);
    const traceparent = traceparentOf(request);
    return {
      workspaceId: claims.ws,
      actor: { type: 'user', id: claims.sub },
      role,
      capabilities: [...grant.capabilities],
      scope: grant.scope,
      requestId: requestIdOf(request),
      ...(traceparent ? { traceparent } : {}),
    };
  }
}
