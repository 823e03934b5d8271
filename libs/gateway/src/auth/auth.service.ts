// Login (username + password → JWT) and authentication of a bearer credential (JWT or the
// switch API key) into a Principal.
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { GATEWAY_OPTIONS, type ResolvedGatewayOptions } from '../gateway.tokens.js';
import { ProblemException } from '../problem/problem.js';
import { CredentialsService, normalizeUsername } from './credentials.service.js';
import { GatewaySecrets } from './gateway-secrets.js';
import { LoginLimiter } from './login-limiter.js';
import { LOGIN_ROLES, SWITCH_PRINCIPAL, type LoginRole, type Principal } from './principal.js';

export interface LoginResult {
  accessToken: string;
  tokenType: 'Bearer';
  expiresInSeconds: number;
  role: LoginRole;
  subjectId: string;
}

interface AccessTokenClaims {
  sub: string;
  role: LoginRole;
  usr: string;
  ver: number;
}

const ISSUER = 'itc-billing';
const AUDIENCE = 'itc-billing-api';
const MAX_BEARER_LENGTH = 4096;

export const unauthorized = (detail: string) =>
  new ProblemException(401, 'unauthorized', detail, { title: 'Unauthorized', headers: { 'WWW-Authenticate': 'Bearer' } });

@Injectable()
export class AuthService {
  private readonly jwt: JwtService;
  private readonly limiter: LoginLimiter;

  constructor(
    private readonly credentials: CredentialsService,
    private readonly secrets: GatewaySecrets,
    @Inject(GATEWAY_OPTIONS) private readonly options: ResolvedGatewayOptions,
  ) {
    this.jwt = new JwtService({
      secret: secrets.jwtSecret,
      signOptions: { algorithm: 'HS256', issuer: ISSUER, audience: AUDIENCE, expiresIn: options.accessTokenTtlSeconds },
      verifyOptions: { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE },
    });
    this.limiter = new LoginLimiter(options.loginLimiter);
  }

  /** 401 `invalid-credentials` for an unknown user, a wrong password or a disabled login (one message for all three); 429 when locked. */
  async login(usernameInput: string, password: string): Promise<LoginResult> {
    const username = normalizeUsername(usernameInput);
    const decision = this.limiter.check(username);
    if (!decision.allowed) {
      throw new ProblemException(429, 'too-many-login-attempts', `Too many failed logins for this username; try again in ${decision.retryAfterSeconds} s.`, {
        headers: { 'Retry-After': String(decision.retryAfterSeconds) },
      });
    }
    const login = await this.credentials.verifyCredentials(username, password);
    if (login === undefined || login.disabled) {
      this.limiter.recordFailure(username);
      throw new ProblemException(401, 'invalid-credentials', 'Wrong username or password.', { title: 'Invalid credentials' });
    }
    this.limiter.recordSuccess(username);
    const claims: AccessTokenClaims = { sub: login.subjectId, role: login.role, usr: login.username, ver: login.tokenVersion };
    return {
      accessToken: await this.jwt.signAsync(claims),
      tokenType: 'Bearer',
      expiresInSeconds: this.options.accessTokenTtlSeconds,
      role: login.role,
      subjectId: login.subjectId,
    };
  }

  /** `Authorization` header → Principal, or a 401 problem. */
  async authenticate(authorization: string | undefined): Promise<Principal> {
    if (authorization === undefined || authorization === '') throw unauthorized('This operation needs a bearer token (Authorization: Bearer <token>).');
    const match = /^Bearer +(\S+)$/i.exec(authorization.trim());
    if (match === null || match[1]!.length > MAX_BEARER_LENGTH) throw unauthorized('The Authorization header must be "Bearer <token>".');
    const credential = match[1]!;
    if (this.secrets.isSwitchApiKey(credential)) return SWITCH_PRINCIPAL;

    let claims: Partial<AccessTokenClaims>;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(credential);
    } catch (error) {
      const expired = error instanceof Error && error.name === 'TokenExpiredError';
      throw unauthorized(expired ? 'The access token has expired; log in again.' : 'The bearer token is not valid.');
    }
    const { sub, role, usr, ver } = claims;
    if (typeof sub !== 'string' || typeof usr !== 'string' || typeof ver !== 'number' || !LOGIN_ROLES.includes(role as LoginRole)) {
      throw unauthorized('The bearer token is not valid.');
    }
    if (!(await this.credentials.isTokenCurrent(usr, ver))) {
      throw unauthorized('The access token was revoked (password changed or login disabled); log in again.');
    }
    return { role: role as LoginRole, subjectId: sub, username: usr };
  }
}
