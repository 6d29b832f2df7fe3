import { Injectable } from '@nestjs/common';
import type { LoginInput, Me, RequestContext, Session, SignupInput } from '@switchboard/contracts';
import { AppError } from '@switchboard/errors';
import { buildEvent, newId } from '@switchboard/messaging';
import { MembershipsRepository } from '../identity/memberships.repository';
import type { UserDoc } from '../identity/user.schema';
import { UsersRepository } from '../identity/users.repository';
import { WorkspacesRepository } from '../identity/workspaces.repository';
import { AuthThrottle } from './auth-throttle.service';
import { PasswordService } from './password.service';
import { SessionsService } from './sessions.service';

const BAD_CREDENTIALS = 'invalid email or password';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersRepository,
    private readonly workspaces: WorkspacesRepository,
    private readonly memberships: MembershipsRepository,
    private readonly passwords: PasswordService,
    private readonly sessions: SessionsService,
    private readonly throttle: AuthThrottle,
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

  /**
   * The throttle first: a locked account or an address with too many failures answers 429
   * without a lookup or a password hash. `ip`: the client address.
   */
  async login(input: LoginInput, ip = 'unknown'): Promise<Session> {
    await this.throttle.assertMayLogIn(ip, input.email);
    const user = await this.users.findByEmail(input.email);
    const ok = user
      ? await this.passwords.verify(user.passwordHash, input.password)
      : await this.passwords.verifyDummy(input.password);
    if (!user || !ok) {
      await this.throttle.loginFailed(ip, input.email);
      throw new AppError('unauthenticated', BAD_CREDENTIALS);
    }
    await this.throttle.loginSucceeded(input.email);
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
    return this.sessions.start(user, workspace, membership.role);
  }

  async me(ctx: RequestContext): Promise<Me> {
    const [workspace, user] = await Promise.all([
      this.workspaces.findById(ctx.workspaceId),
      ctx.actor.type === 'user' ? this.users.findById(ctx.actor.id) : Promise.resolve(null),
    ]);
    if (!workspace) throw AppError.notFound('workspace', ctx.workspaceId);
    return {
      user: user ? { id: user._id, email: user.email, name: user.name } : null,
      workspace: { id: workspace._id, name: workspace.name },
      role: ctx.role,
      capabilities: ctx.capabilities,
      scope: ctx.scope,
      readScope: ctx.readScope ?? 'all',
      actor: ctx.actor,
    };
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
    const created = buildEvent('workspace.created', {
      workspaceId,
      actor: { type: 'user', id: user._id },
      aggregateId: workspaceId,
      aggregateVersion: 1,
      occurredAt: now,
      data: { workspace: { id: workspaceId, name: workspaceName }, ownerUserId: user._id },
    });
    const workspace = await this.workspaces.insertOnce(
      { _id: workspaceId, workspaceId, name: workspaceName, createdAt: now },
      [created],
    );
    await this.memberships.insertOnce({
      _id: newId(),
      workspaceId,
      userId: user._id,
      role: 'owner',
      createdAt: now,
    });
    // Done: without the marker, a later sign-up with this email can never re-enter a workspace.
    await this.users.clearSignupMarker(user._id);
    return this.sessions.start(user, workspace, 'owner');
  }
}

const emailTaken = () => new AppError('conflict', 'this email is already registered');
