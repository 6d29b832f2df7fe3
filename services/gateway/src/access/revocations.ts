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

  /**
   * A member's role changed or the member left: every replica re-reads the membership. The
   * marker only has to outlive the role cache (10 s); a minute also absorbs clock skew.
   */
  async membershipChanged(workspaceId: string, userId: string): Promise<void> {
    const key = this.redis.key('member', workspaceId, userId);
    await this.redis.client.set(key, String(Date.now()), 'EX', 60);
  }

  /** One round trip per request: is the session ended, and when did the membership last change. */
  async sessionState(
    sessionId: string | undefined,
    workspaceId: string,
    userId: string,
  ): Promise<{ revoked: boolean; membershipChangedAt?: number }> {
    const [revoked, changed] = await this.redis.client.mget(
      this.redis.key('revoked', 'session', sessionId ?? '-'),
      this.redis.key('member', workspaceId, userId),
    );
    return {
      revoked: Boolean(sessionId) && revoked !== null,
      ...(changed ? { membershipChangedAt: Number(changed) } : {}),
    };
  }

  /** No expiry needed beyond the key's local cache life; a day bounds stale markers. */
  async revokeApiKey(id: string): Promise<void> {
    await this.redis.client.set(this.redis.key('revoked', 'api_key', id), '1', 'EX', 86_400);
  }

  /** One round trip: is the key revoked, and when did its member's membership last change. */
  async apiKeyState(
    id: string,
    workspaceId: string,
    ownerUserId: string,
  ): Promise<{ revoked: boolean; membershipChangedAt?: number }> {
    const [revoked, changed] = await this.redis.client.mget(
      this.redis.key('revoked', 'api_key', id),
      this.redis.key('member', workspaceId, ownerUserId),
    );
    return {
      revoked: revoked !== null,
      ...(changed ? { membershipChangedAt: Number(changed) } : {}),
    };
  }
}
