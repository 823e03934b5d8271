import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ApiProblemResponse } from '../openapi/openapi.js';
import { ValidBody } from '../validation/decorators.js';
import { AuthService, type LoginResult } from './auth.service.js';
import { CurrentUser, Public, Roles } from './decorators.js';
import type { Principal } from './principal.js';

export const LoginRequest = z.strictObject({
  username: z.string().min(1).max(128),
  password: z.string().min(1).max(1024),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const LoginResponse = z.strictObject({
  accessToken: z.string(),
  tokenType: z.literal('Bearer'),
  expiresInSeconds: z.number().int(),
  role: z.enum(['admin', 'agent', 'customer']),
  subjectId: z.string(),
});

export const PrincipalResponse = z.strictObject({
  role: z.enum(['admin', 'agent', 'customer', 'switch']),
  subjectId: z.string(),
  username: z.string(),
});

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in with username and password; returns a bearer token (JWT).' })
  @ApiResponse({ status: 200, standardSchema: LoginResponse })
  @ApiProblemResponse(401, 'wrong username or password')
  @ApiProblemResponse(429, 'too many failed attempts for this username (Retry-After)')
  login(@ValidBody(LoginRequest) body: LoginRequest): Promise<LoginResult> {
    return this.auth.login(body.username, body.password);
  }

  @Get('me')
  @Roles('admin', 'agent', 'customer', 'switch')
  @ApiOperation({ summary: 'Who the bearer credential belongs to.' })
  @ApiResponse({ status: 200, standardSchema: PrincipalResponse })
  me(@CurrentUser() user: Principal): Principal {
    return user;
  }
}
