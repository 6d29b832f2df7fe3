import { Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import {
  LoginInput,
  LogoutInput,
  Me,
  RefreshInput,
  Session,
  SignupInput,
  type RequestContext,
} from '@switchboard/contracts';
import { Ctx, Public, SessionId, SignedIn } from '../access/access.decorators';
import { Operation, ValidBody } from '../http/route-contract';
import { AuthService } from './auth.service';
import { SessionsService } from './sessions.service';

@Controller('v1')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
  ) {}

  @Post('auth/signup')
  @Public()
  @Operation({ summary: 'Create a workspace and its owner', response: Session })
  signup(@ValidBody(SignupInput) body: SignupInput): Promise<Session> {
    return this.auth.signup(body);
  }

  @Post('auth/login')
  @Public()
  @HttpCode(200)
  @Operation({
    summary: 'Log in (to a given workspace when the user has several)',
    response: Session,
  })
  login(@ValidBody(LoginInput) body: LoginInput, @Ip() ip: string): Promise<Session> {
    return this.auth.login(body, ip);
  }

  @Post('auth/refresh')
  @Public()
  @HttpCode(200)
  @Operation({
    summary: 'Rotate a refresh token; reusing a spent one revokes its family',
    response: Session,
  })
  refresh(@ValidBody(RefreshInput) body: RefreshInput, @Ip() ip: string): Promise<Session> {
    return this.sessions.refresh(body.refreshToken, ip);
  }

  @Post('auth/logout')
  @SignedIn()
  @HttpCode(204)
  @Operation({ summary: "End the caller's session (its refresh-token family)" })
  async logout(
    @Ctx() ctx: RequestContext,
    @SessionId() sessionId: string | undefined,
    @ValidBody(LogoutInput) body: LogoutInput,
  ): Promise<void> {
    await this.sessions.logout(ctx.workspaceId, ctx.actor.id, sessionId, body.refreshToken);
  }

  @Get('me')
  @SignedIn()
  @Operation({ summary: 'The caller: user, workspace, role, capabilities and scope', response: Me })
  me(@Ctx() ctx: RequestContext): Promise<Me> {
    return this.auth.me(ctx);
  }
}
