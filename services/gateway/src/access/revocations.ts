import { Inject, Injectable } from '@nestjs/common';
import { CONFIG } from '@switchboard/runtime';
import type { GatewayConfig } from '../config';
import { GatewayRedis } from '../redis/gateway-redis';

/**
 * Revocation markers in Redis, shared by every gateway replica and checked on every request:
 * a logged-out (or reused) session's access tokens and a revoked API key stop working at once,
 * not when a local cache expires.
 */
@Injectable()
export class Revocations {
  constructor(
    private readonly redis: GatewayRedis,
    @Inject(CONFIG) private readonly config: GatewayConfig,
  ) {}

  /** Lives as long as the longest access token of the session can. */
  async revokeSession(sessionId: string): Promise<void> {
    const ttl = this.config.ACCESS_TOKEN_TTL_S + 60;
    await this.redis.client.set(this.redis.key('revoked', 'session', sessionId), '1', 'EX', ttl);
  }

  async isSessionRevoked(sessionId: string): Promise<boolean> {
    return (await this.redis.client.exists(this.redis.key('revoked', 'session', sessionId))) > 0;
  }

  /** No expiry needed beyond the key's local cache life; a day bounds stale markers. */
  async revokeApiKey(id: string): Promise<void> {
    await this.redis.client.set(this.redis.key('revoked', 'api_key', id), '1', 'EX', 86_400);
  }

  async isApiKeyRevoked(id: string): Promise<boolean> {
    return (await this.redis.client.exists(this.redis.key('revoked', 'api_key', id))) > 0;
  }
}
