import { Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiResponse, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { MIN_PASSWORD_LENGTH, type GatewayConfig } from '../config/gateway-config.js';
import { GATEWAY_CONFIG } from '../gateway.tokens.js';
import { ApiProblemResponse } from '../openapi/openapi.js';
import type { HttpRequest, HttpResponse } from '../http-types.js';
import { isHttps } from '../portal/request-scheme.js';
import { ValidBody } from '../validation/decorators.js';
import { AuthService, type LoginResult } from './auth.service.js';
import { clientAddress, TrustedProxies } from './client-address.js';
import { MAX_PASSWORD_LENGTH } from './password-hasher.js';
import { CurrentUser, Public, Roles } from './decorators.js';
import type { Principal } from './principal.js';
import { clearedSessionCookies, CSRF_HEADER, isForeignOrigin, presentedSession, sessionCookies } from './session-cookies.js';
import { csrfTokenMismatch } from './auth.service.js';

export const LoginRequest = z.strictObject({
  username: z.string().min(1).max(128),
  password: z.string().min(1).max(1024),
  /** true: also start a portal session (the itc_session and itc_csrf cookies, csrfToken in the answer). */
  session: z.literal(true).optional().meta({ description: 'true: also start a portal session — sets the itc_session (httpOnly) and itc_csrf cookies and answers csrfToken' }),
});
export type LoginRequest = z.infer<typeof LoginRequest>;

export const LoginResponse = z.strictObject({
  accessToken: z.string(),
  tokenType: z.literal('Bearer'),
  expiresInSeconds: z.number().int(),
  role: z.enum(['admin', 'agent', 'customer']),
  subjectId: z.string(),
  csrfToken: z.string().optional().meta({ description: 'only with session: true — send it as X-CSRF-Token to POST /auth/session and /auth/logout (also in the itc_csrf cookie)' }),
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
  /** whose X-Forwarded-For / -Proto / -Host are believed (TRUSTED_PROXIES): the login throttle's client, https, the origin check. */
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
  @ApiOperation({
    summary:
      'Log in with username and password; returns a bearer token (JWT). With `session: true` (the portal) it also starts a session: ' +
      'cookies itc_session (httpOnly, SameSite=Strict, Path=/api/v1/auth, 12 h idle, 7 days at most) and itc_csrf (readable, Path=/), and answers csrfToken.',
  })
  @ApiResponse({ status: 200, standardSchema: LoginResponse })
  @ApiProblemResponse(401, 'wrong username or password', ['invalid_credentials'])
  @ApiProblemResponse(429, 'this address or this account has to wait after failed attempts (Retry-After, seconds)', ['too_many_login_attempts'])
  async login(@ValidBody(LoginRequest) body: LoginRequest, @Req() request: HttpRequest, @Res({ passthrough: true }) response: HttpResponse): Promise<LoginResult> {
    const { session, ...result } = await this.auth.login(body.username, body.password, clientAddress(request, this.trustedProxies), { session: body.session === true });
    if (session === undefined) return result;
    response.setHeader('Set-Cookie', sessionCookies(session.sessionId, session.csrfToken, isHttps(request, this.trustedProxies)));
    return { ...result, csrfToken: session.csrfToken };
  }

  @Post('session')
  @Public()
  @ApiSecurity('session')
  @HttpCode(200)
  @ApiHeader({ name: 'X-CSRF-Token', required: true, description: 'the value of the itc_csrf cookie' })
  @ApiOperation({
    summary:
      'A fresh access token for the portal session in the itc_session cookie (how a page reload restores the login); no body. ' +
      'Needs X-CSRF-Token equal to the itc_csrf cookie; a cross-site Origin is refused. Slides the session\'s 12 h idle expiry.',
  })
  @ApiResponse({ status: 200, standardSchema: LoginResponse })
  @ApiProblemResponse(401, 'no live session: the itc_session cookie is missing, unknown, expired (12 h idle, 7 days at most) or revoked (logout, password change, login disabled)', ['no_session'])
  @ApiProblemResponse(403, 'X-CSRF-Token is missing or is not the session\'s token (the itc_csrf cookie), or the Origin is another site', ['csrf_token_mismatch'])
  resumeSession(@Req() request: HttpRequest): Promise<LoginResult> {
    if (isForeignOrigin(request, this.trustedProxies)) throw csrfTokenMismatch('The request comes from another origin.');
    return this.auth.resumeSession(presentedSession(request.headers, isHttps(request, this.trustedProxies)));
  }

  @Post('logout')
  @Public()
  @ApiSecurity('session')
  @ApiSecurity('bearer')
  @HttpCode(204)
  @ApiHeader({ name: 'X-CSRF-Token', required: false, description: `with the session cookie: the value of the itc_csrf cookie (header ${CSRF_HEADER})` })
  @ApiOperation({
    summary:
      'Log out: ends the portal session (itc_session cookie + X-CSRF-Token) and revokes the login\'s tokens — the bearer token sent, and every other token and session of the login, as a password change does. ' +
      'Takes the session cookie and/or a bearer token; clears both cookies; no body.',
  })
  @ApiResponse({ status: 204, description: 'logged out; both cookies cleared' })
  @ApiProblemResponse(401, 'neither a session cookie nor a bearer token was sent, or the bearer token is not valid (and no session cookie was sent)', ['no_session', 'unauthorized'])
  @ApiProblemResponse(403, 'X-CSRF-Token is not the session\'s token, the Origin is another site, or the credential is the switch API key', ['csrf_token_mismatch', 'forbidden'])
  async logout(@Req() request: HttpRequest, @Res({ passthrough: true }) response: HttpResponse): Promise<void> {
    if (isForeignOrigin(request, this.trustedProxies)) throw csrfTokenMismatch('The request comes from another origin.');
    const secure = isHttps(request, this.trustedProxies);
    await this.auth.logout(presentedSession(request.headers, secure), request.headers.authorization);
    response.setHeader('Set-Cookie', clearedSessionCookies(secure));
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
