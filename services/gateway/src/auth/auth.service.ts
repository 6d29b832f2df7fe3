import { Injectable } from '@nestjs/common';
import type { LoginInput, Session, SignupInput } from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { newId } from '@switchboard/messaging';
import { MembershipsRepository } from '../identity/memberships.repository';
import { RefreshTokensRepository } from '../identity/refresh-tokens.repository';
import type { UserDoc } from '../identity/user.schema';
import { UsersRepository } from '../identity/users.repository';
import type { WorkspaceDoc } from '../identity/workspace.schema';
import { WorkspacesRepository } from '../identity/workspaces.repository';
import { PasswordService } from './password.service';
import { TokenService } from './token.service';

const BAD_CREDENTIALS = 'invalid email or password';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly workspaces: WorkspacesRepository,
    private readonly memberships: MembershipsRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly passwords: PasswordService,
    private readonly tokens: TokenService,
  ) {}

  /**
   * No transactions: the user is written first (its unique email is the atomic claim), carrying
   * the id of the workspace it will own; then the workspace and the membership, both idempotent.
   * A sign-up cut short (marker still set) is finished by retrying it with the same password.
   */
  async signup(input: SignupInput): Promise<Session> {
    const existing = await this.users.findByEmail(input.email);
    if (existing) return this.resumeSignup(existing, input);
    const user: UserDoc = {
      _id: newId(),
      email: input.email,
      name: input.name,
      passwordHash: await this.passwords.hash(input.password),
      signupWorkspaceId: newId(),
      createdAt: new Date(),
    };
    if (!(await this.users.insert(user))) throw emailTaken();
    return this.finishSignup(user, input.workspaceName);
  }

  async login(input: LoginInput): Promise<Session> {
    const user = await this.users.findByEmail(input.email);
    const ok = user
      ? await this.passwords.verify(user.passwordHash, input.password)
      : await this.passwords.verifyDummy(input.password);
    if (!user || !ok) throw new AppError('unauthenticated', BAD_CREDENTIALS);
    const membership = input.workspaceId
      ? await this.memberships.find(input.workspaceId, user._id)
      : await this.memberships.firstOf(user._id);
    if (!membership)
      throw new AppError(
        'forbidden',
        `not a member of ${input.workspaceId ? 'this' : 'any'} workspace`,
      );
    const workspace = await this.workspaces.findById(membership.workspaceId);
    if (!workspace)
      throw new AppError('internal', `membership ${membership._id} names a missing workspace`);
    return this.session(user, workspace, membership.role);
  }

  private async resumeSignup(user: UserDoc, input: SignupInput): Promise<Session> {
    const pending = user.signupWorkspaceId;
    const unfinished =
      Boolean(pending) && !(await this.memberships.find(pending as string, user._id));
    if (!unfinished || !(await this.passwords.verify(user.passwordHash, input.password)))
      throw emailTaken();
    return this.finishSignup(user, input.workspaceName);
  }

  private async finishSignup(user: UserDoc, workspaceName: string): Promise<Session> {
    const now = new Date();
    const workspaceId = user.signupWorkspaceId as string;
    const workspace = await this.workspaces.insertOnce({
      _id: workspaceId,
      name: workspaceName,
      createdAt: now,
    });
    await this.memberships.insertOnce({
      _id: newId(),
      workspaceId,
      userId: user._id,
      role: 'owner',
      createdAt: now,
    });
    // Done: without the marker, a later sign-up with this email can never re-enter a workspace.
    await this.users.clearSignupMarker(user._id);
    return this.session(user, workspace, 'owner');
  }

  private async session(user: UserDoc, workspace: WorkspaceDoc, role: string): Promise<Session> {
    const accessToken = await this.tokens.signAccess({
      userId: user._id,
      workspaceId: workspace._id,
      role,
    });
    const refresh = this.tokens.newRefreshToken(workspace._id);
    await this.refreshTokens.insert({
      _id: newId(),
      workspaceId: workspace._id,
      userId: user._id,
      familyId: newId(),
      tokenHash: refresh.tokenHash,
      expiresAt: refresh.expiresAt,
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

const emailTaken = () => new AppError('conflict', 'this email is already registered');
