import {
  Inject,
  Injectable,
  Logger,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '@switchboard/errors';
import { CONFIG } from '@switchboard/runtime';
import type { WithContext } from '../access/access.decorators';
import type { GatewayConfig } from '../config';
import { RateLimiter, type Limit } from './rate-limiter';

/**
 * After the access guard: per caller (user or API key) and per workspace for authenticated
 * routes, per client address for public ones. Health probes are never limited. If Redis is
 * unreachable the request goes through (logged): an outage of the limiter is not one of the API.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly logger = new Logger('rate-limit');

  constructor(
    private readonly limiter: RateLimiter,
    @Inject(CONFIG) private readonly config: GatewayConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest & WithContext>();
    if (request.url.startsWith('/health') || request.url === '/metrics') return true;
    const ctx = request.switchboardCtx;
    const limits: Limit[] = ctx
      ? [
          {
            key: `actor:${ctx.actor.type}:${ctx.actor.id}`,
            limit: this.config.RATE_LIMIT_PER_ACTOR,
          },
          { key: `ws:${ctx.workspaceId}`, limit: this.config.RATE_LIMIT_PER_WORKSPACE },
        ]
      : [{ key: `ip:${request.ip}`, limit: this.config.RATE_LIMIT_PER_IP }];
    const verdict = await this.limiter
      .hit(limits, this.config.RATE_LIMIT_WINDOW_S * 1000)
      .catch((err: unknown) => {
        this.logger.warn({ err }, 'rate limiter unavailable; request let through');
        return undefined;
      });
    if (!verdict || verdict.allowed) return true;
    const seconds = Math.max(1, Math.ceil(verdict.retryAfterMs / 1000));
    void http.getResponse<FastifyReply>().header('retry-after', String(seconds));
    throw new AppError('rate_limited', `too many requests; retry in ${seconds} s`, {
      retryAfter: seconds,
    });
  }
}
