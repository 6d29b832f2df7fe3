import { Injectable } from '@nestjs/common';
import type { Session } from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { newId } from '@switchboard/messaging';
import { Revocations } from '../access/revocations';
import { MembershipsRepository } from '../identity/memberships.repository';
import { RefreshTokensRepository } from '../identity/refresh-tokens.repository';
import type { UserDoc } from '../identity/user.schema';
import { UsersRepository } from '../identity/users.repository';
import type { WorkspaceDoc } from '../identity/workspace.schema';
import { WorkspacesRepository } from '../identity/workspaces.repository';
import { AuthThrottle } from './auth-throttle.service';
import { hashRefreshToken, TokenService, workspaceOfToken } from './token.service';

const invalid = () => new AppError('unauthenticated', 'invalid refresh token');

/**
 * Sessions are refresh-token families. Each refresh spends its token and issues the next one in
 * the family; presenting a spent token again means two parties hold it, so the whole family is
 * revoked (both the refresh tokens and, through a Redis marker, its access tokens).
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly users: UsersRepository,
    private readonly workspaces: WorkspacesRepository,
    private readonly memberships: MembershipsRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly tokens: TokenService,
    private readonly revocations: Revocations,
    private readonly throttle: AuthThrottle,
  ) {}

  /** A new session (a new family) for a member: a sign-in, recorded as `lastSignInAt`. */
  async start(user: UserDoc, workspace: WorkspaceDoc, role: string): Promise<Session> {
    const session = await this.issue(user, workspace, role, newId());
    await this.memberships.signedIn(workspace._id, user._id, new Date());
    return session;
  }

  /** Failed refreshes count like failed authentications (`ip`: the client address). */
  async refresh(refreshToken: string, ip = 'unknown'): Promise<Session> {
    await this.throttle.assertMayTry(ip, refreshToken);
    try {
      return await this.rotate(refreshToken);
    } catch (err) {
      if (err instanceof AppError && err.code === 'unauthenticated')
        await this.throttle.failed(ip, refreshToken);
      throw err;
    }
  }

  private async rotate(refreshToken: string): Promise<Session> {
    const workspaceId = workspaceOfToken(refreshToken);
    if (!workspaceId) throw invalid();
    const doc = await this.refreshTokens.findByHash(workspaceId, hashRefreshToken(refreshToken));
    if (!doc || doc.revokedAt) throw invalid();
    if (doc.expiresAt.getTime() <= Date.now())
      throw new AppError('unauthenticated', 'refresh token expired');
    if (!(await this.refreshTokens.spend(workspaceId, doc._id, new Date()))) {
      await this.end(workspaceId, doc.familyId);
      throw new AppError('unauthenticated', 'refresh token reused: the session has been revoked');
    }
    // A fresh read, not the cache: a removed member must not get a new session anywhere.
    const [user, workspace, membership] = await Promise.all([
      this.users.findById(doc.userId),
      this.workspaces.findById(workspaceId),
      this.memberships.find(workspaceId, doc.userId),
    ]);
    const role = membership?.role;
    if (!user || !workspace || !role) {
      await this.end(workspaceId, doc.familyId);
      throw new AppError('unauthenticated', 'no longer a member of this workspace');
    }
    return this.issue(user, workspace, role, doc.familyId);
  }

  /** Ends the caller's session, and the family of `refreshToken` if given (same user only). */
  async logout(
    workspaceId: string,
    userId: string,
    sessionId: string | undefined,
    refreshToken?: string,
  ): Promise<void> {
    if (sessionId) await this.end(workspaceId, sessionId);
    if (refreshToken && workspaceOfToken(refreshToken) === workspaceId) {
      const doc = await this.refreshTokens.findByHash(workspaceId, hashRefreshToken(refreshToken));
      if (doc && doc.userId === userId) await this.end(workspaceId, doc.familyId);
    }
  }

  async end(workspaceId: string, familyId: string): Promise<void> {
    await this.refreshTokens.revokeFamily(workspaceId, familyId, new Date());
    await this.revocations.revokeSession(familyId);
  }

  private async issue(
    user: UserDoc,
    workspace: WorkspaceDoc,
    role: string,
    familyId: string,
  ): Promise<Session> {
    const accessToken = await this.tokens.signAccess({
      userId: user._id,
      workspaceId: workspace._id,
      role,
      sessionId: familyId,
    });
    const refresh = this.tokens.newRefreshToken(workspace._id);
    await this.refreshTokens.insert({
      _id: newId(),
      workspaceId: workspace._id,
      userId: user._id,
      familyId,
      tokenHash: refresh.tokenHash,
      expiresAt: refresh.expiresAt,
      usedAt: null,
      revokedAt: null,
      createdAt: new Date(),
    });
    return {
      accessToken,
      refreshToken: refresh.token,
      expiresIn: this.tokens.accessTtlS,
      user: { id: user._id, email: user.email, name: user.name },
      workspace: { id: workspace._id, name: workspace.name },
    };
  }
}
