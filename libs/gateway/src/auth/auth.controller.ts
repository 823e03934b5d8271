import { Controller, Get, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { MIN_PASSWORD_LENGTH, type GatewayConfig } from '../config/gateway-config.js';
import { GATEWAY_CONFIG } from '../gateway.tokens.js';
import { ApiProblemResponse } from '../openapi/openapi.js';
import type { HttpRequest } from '../http-types.js';
import { ValidBody } from '../validation/decorators.js';
import { AuthService, type LoginResult } from './auth.service.js';
import { clientAddress, TrustedProxies } from './client-address.js';
import { MAX_PASSWORD_LENGTH } from './password-hasher.js';
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

/** Lengths are the 422 `weak_password` rule's to answer (with the rule), not the schema's. */
export const ChangePasswordRequest = z.strictObject({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().max(4096),
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

export const PrincipalResponse = z.strictObject({
  role: z.enum(['admin', 'agent', 'customer', 'switch']),
  subjectId: z.string(),
  username: z.string(),
});

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  /** whose X-Forwarded-For names the client the login throttle counts (TRUSTED_PROXIES). */
  private readonly trustedProxies: TrustedProxies;

  constructor(
    private readonly auth: AuthService,
    @Inject(GATEWAY_CONFIG) config: GatewayConfig,
  ) {
    this.trustedProxies = new TrustedProxies(config.trustedProxies);
  }

  @Post('login')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in with username and password; returns a bearer token (JWT).' })
  @ApiResponse({ status: 200, standardSchema: LoginResponse })
  @ApiProblemResponse(401, 'wrong username or password', ['invalid_credentials'])
  @ApiProblemResponse(429, 'this address or this account has to wait after failed attempts (Retry-After, seconds)', ['too_many_login_attempts'])
  login(@ValidBody(LoginRequest) body: LoginRequest, @Req() request: HttpRequest): Promise<LoginResult> {
    return this.auth.login(body.username, body.password, clientAddress(request, this.trustedProxies));
  }

  @Post('password')
  @Roles('admin', 'agent', 'customer')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Change your own password (current + new). Every token of the login is revoked (all sessions end); the answer is a new token for this one.',
  })
  @ApiResponse({ status: 200, standardSchema: LoginResponse })
  @ApiProblemResponse(403, 'the current password is not right (counts as a failed login); nothing changed', ['wrong_current_password'])
  @ApiProblemResponse(409, 'another change of this password won a race; nothing changed', ['concurrent_modification'])
  @ApiProblemResponse(422, `the new password breaks the rule (${MIN_PASSWORD_LENGTH}–${MAX_PASSWORD_LENGTH} characters, at least 5 different ones, not a simple sequence, not a common password) or is the current one; nothing changed`, ['weak_password', 'same_password'])
  @ApiProblemResponse(429, 'too many failed password checks: wait (Retry-After, seconds)', ['too_many_login_attempts'])
  changePassword(@ValidBody(ChangePasswordRequest) body: ChangePasswordRequest, @CurrentUser() user: Principal, @Req() request: HttpRequest): Promise<LoginResult> {
    return this.auth.changeOwnPassword(user, body.currentPassword, body.newPassword, clientAddress(request, this.trustedProxies));
  }

  @Get('me')
  @Roles('admin', 'agent', 'customer', 'switch')
  @ApiOperation({ summary: 'Who the bearer credential belongs to.' })
  @ApiResponse({ status: 200, standardSchema: PrincipalResponse })
  me(@CurrentUser() user: Principal): Principal {
    return user;
  }
}
