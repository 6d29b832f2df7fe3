import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { LoginInput, SignupInput, type Session } from '@switchboard/contracts';
import { Public } from '../access/access.decorators';
import { parse } from '../http/parse';
import { AuthService } from './auth.service';

@Controller('v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('signup')
  @Public()
  signup(@Body() body: unknown): Promise<Session> {
    return this.auth.signup(parse(SignupInput, body));
  }

  @Post('login')
  @Public()
  @HttpCode(200)
  login(@Body() body: unknown): Promise<Session> {
    return this.auth.login(parse(LoginInput, body));
  }
}
