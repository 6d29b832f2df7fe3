import { Injectable, Logger } from '@nestjs/common';
import type { Actor } from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { parseApiKey, looksLikeApiKey, secretMatches } from '../api-keys/api-key-format';
import { AuthThrottle } from '../auth/auth-throttle.service';
import { TokenService } from '../auth/token.service';
import type { ApiKeyDoc } from '../identity/api-key.schema';
import { ApiKeysRepository } from '../identity/api-keys.repository';
import { RefreshTokensRepository } from '../identity/refresh-tokens.repository';
import { MembershipCache } from './membership-cache.service';
import { Revocations } from './revocations';

/** Who is calling, before capabilities: the result of checking a bearer credential. */
export interface Caller {
  workspaceId: string;
  actor: Actor;
  role: string;
  sessionId?: string;
}

const KEY_CACHE_MS = 30_000;
/** How long an unknown API key prefix is answered from memory instead of the database. */
const UNKNOWN_KEY_MS = 60_000;
const TOUCH_EVERY_MS = 60_000;
const MAX_ENTRIES = 10_000;

/**
 * Checks access tokens and API keys. API key rows are cached briefly; revocation does not wait
 * for the cache: a Redis marker written on revoke is checked on every request. Unknown prefixes
 * are remembered too (in process: what they save is this replica's database read), and failed
 * attempts are throttled per address and per credential before any of this work.
 */
@Injectable()
export class CredentialsService {
  private readonly logger = new Logger('credentials');
  private readonly keys = new Map<string, { doc: ApiKeyDoc; until: number }>();
  private readonly unknownKeys = new Map<string, number>();

  constructor(
    private readonly tokens: TokenService,
    private readonly memberships: MembershipCache,
    private readonly apiKeys: ApiKeysRepository,
    private readonly revocations: Revocations,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly throttle: AuthThrottle,
  ) {}

  /** `ip`: the client address, for the failed-attempt throttle (checked before any lookup). */
  async authenticate(token: string, ip = 'unknown'): Promise<Caller> {
    await this.throttle.assertMayTry(ip, token);
    try {
      return await (looksLikeApiKey(token) ? this.byApiKey(token) : this.byAccessToken(token));
    } catch (err) {
      if (err instanceof AppError && err.code === 'unauthenticated')
        await this.throttle.failed(ip, token);
      throw err;
    }
  }

  private async byAccessToken(token: string): Promise<Caller> {
    const claims = await this.tokens.verifyAccess(token);
    const state = await this.sessionState(claims.sid, claims.ws, claims.sub);
    if (state.revoked) throw new AppError('unauthenticated', 'session ended');
    // The membership, not the token, is the truth for the role: removals and role changes apply now.
    const role = await this.memberships.roleOf(claims.ws, claims.sub, state.membershipChangedAt);
    if (!role) throw new AppError('unauthenticated', 'no longer a member of this workspace');
    return {
      workspaceId: claims.ws,
      actor: { type: 'user', id: claims.sub },
      role,
      ...(claims.sid ? { sessionId: claims.sid } : {}),
    };
  }

  private async byApiKey(key: string): Promise<Caller> {
    const parsed = parseApiKey(key);
    const invalid = () => new AppError('unauthenticated', 'invalid API key');
    if (!parsed) throw invalid();
    const doc = await this.keyRow(parsed.prefix);
    if (!doc || !secretMatches(parsed.secret, doc.secretHash)) throw invalid();
    const owner = doc.ownerUserId ?? doc.createdBy;
    const state = await this.keyState(doc, owner);
    if (doc.revokedAt || state.revoked) {
      this.keys.delete(parsed.prefix);
      throw new AppError('unauthenticated', 'API key revoked');
    }
    // A key acts for a member: once that member has left, it stops (even if never revoked).
    if (!(await this.memberships.roleOf(doc.workspaceId, owner, state.membershipChangedAt)))
      throw new AppError(
        'unauthenticated',
        'the member this API key acts for has left the workspace',
      );
    this.touch(doc);
    return {
      workspaceId: doc.workspaceId,
      actor: { type: 'api_key', id: doc._id },
      role: doc.role,
    };
  }

  private async keyRow(prefix: string): Promise<ApiKeyDoc | null> {
    const now = Date.now();
    const hit = this.keys.get(prefix);
    if (hit && hit.until > now) return hit.doc;
    if ((this.unknownKeys.get(prefix) ?? 0) > now) return null;
    const doc = await this.apiKeys.findByPrefix(prefix);
    if (doc) {
      if (this.keys.size >= MAX_ENTRIES) this.keys.clear();
      this.keys.set(prefix, { doc, until: now + KEY_CACHE_MS });
    } else {
      if (this.unknownKeys.size >= MAX_ENTRIES) this.unknownKeys.clear();
      this.unknownKeys.set(prefix, now + UNKNOWN_KEY_MS);
    }
    return doc;
  }

  /** Redis unreachable: the refresh-token family itself says whether the session ended. */
  private async sessionState(
    sessionId: string | undefined,
    workspaceId: string,
    userId: string,
  ): Promise<{ revoked: boolean; membershipChangedAt?: number }> {
    try {
      return await this.revocations.sessionState(sessionId, workspaceId, userId);
    } catch (err) {
      this.logger.warn({ err }, 'revocation markers unavailable; reading the session');
      const revoked = sessionId
        ? await this.refreshTokens.familyRevoked(workspaceId, sessionId)
        : false;
      return { revoked };
    }
  }

  /** Redis unreachable: the row itself decides (one read), rather than trusting the cache. */
  private async keyState(
    doc: ApiKeyDoc,
    owner: string,
  ): Promise<{ revoked: boolean; membershipChangedAt?: number }> {
    try {
      return await this.revocations.apiKeyState(doc._id, doc.workspaceId, owner);
    } catch {
      const fresh = await this.apiKeys.findByPrefix(doc.prefix);
      return { revoked: !fresh || fresh.revokedAt !== null };
    }
  }

  /** lastUsedAt at minute precision: one write per key per minute, not one per request. */
  private touch(doc: ApiKeyDoc): void {
    const now = new Date();
    if (doc.lastUsedAt && now.getTime() - new Date(doc.lastUsedAt).getTime() < TOUCH_EVERY_MS)
      return;
    doc.lastUsedAt = now;
    this.apiKeys.touch(doc.workspaceId, doc._id, now).catch((err: unknown) => {
      this.logger.warn({ err }, 'could not record API key use');
    });
  }

  forgetKey(prefix: string): void {
    this.keys.delete(prefix);
    this.unknownKeys.delete(prefix);
  }
}
