import { Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { RequestContext } from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { requestIdOf, traceparentOf } from '../http/request-id';
import { accessOf, type WithContext } from './access.decorators';
import { CredentialsService } from './credentials.service';
import { GrantsService } from './grants.service';
import { TeamScope } from './team-scope.service';

const BEARER = /^Bearer ([A-Za-z0-9._~+/-]+=*)$/i;

/**
 * Global guard, the first links of the chain: authenticated → capability. It hands the services
 * a context with the ownership scope (they enforce it) and the workspace (they scope every query
 * by it). A route that declares no access is refused, so a forgotten declaration fails closed.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('access');

  constructor(
    private readonly credentials: CredentialsService,
    private readonly grants: GrantsService,
    private readonly teams: TeamScope,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = accessOf(context.getHandler(), context.getClass());
    if (!access) {
      const route = `${context.getClass().name}.${context.getHandler().name}`;
      this.logger.error(
        { route },
        'route declares no access (@Public, @SignedIn, @RequiresCapability): refused',
      );
      throw new AppError('internal', `route ${route} has no access declaration`);
    }
    if (access.kind === 'public') return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & WithContext>();
    const header = request.headers.authorization;
    const token = typeof header === 'string' ? BEARER.exec(header)?.[1] : undefined;
    if (!token) throw new AppError('unauthenticated', 'missing bearer token');
    const caller = await this.credentials.authenticate(token, request.ip);
    const grant = await this.grants.grantOf(caller.workspaceId, caller.role);
    if (access.kind === 'capability' && !grant.capabilities.includes(access.capability)) {
      throw new AppError(
        'forbidden',
        `your role (${caller.role}) lacks the capability ${access.capability}`,
      );
    }
    const teamMemberIds =
      grant.scope === 'team' || grant.readScope === 'team'
        ? await this.teams.teammatesOf(caller.workspaceId, caller.actor)
        : undefined;
    const traceparent = traceparentOf(request);
    const ctx: RequestContext = {
      workspaceId: caller.workspaceId,
      actor: caller.actor,
      role: caller.role,
      capabilities: [...grant.capabilities],
      scope: grant.scope,
      readScope: grant.readScope,
      ...(teamMemberIds ? { teamMemberIds } : {}),
      requestId: requestIdOf(request),
      ...(traceparent ? { traceparent } : {}),
    };
    request.switchboardCtx = ctx;
    request.switchboardSession = caller.sessionId;
    return true;
  }
}
