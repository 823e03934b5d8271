// Login (username + password → JWT) and authentication of a credential into a Principal: a bearer
// JWT, the switch API key as a bearer token, the internal service key (INTERNAL_SERVICE_KEY: the
// product's own processes, on the internal routes) as a bearer token, or — on routes open to the switch only — the switch
// API key as an HTTP Basic password (user `switch`), which is all FreeSWITCH mod_xml_curl can send.
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { GATEWAY_OPTIONS, type ResolvedGatewayOptions } from '../gateway.tokens.js';
import { ProblemException } from '../problem/problem.js';
import { CredentialsService, normalizeUsername, type Login } from './credentials.service.js';
import { GatewaySecrets } from './gateway-secrets.js';
import { LoginThrottle } from './login-throttle.js';
import { Sessions, type NewSession } from './sessions.js';
import type { PresentedSession } from './session-cookies.js';
import { LOGIN_ROLES, SERVICE_PRINCIPAL, SWITCH_PRINCIPAL, type LoginRole, type Principal } from './principal.js';

export interface LoginResult {
  accessToken: string;
  tokenType: 'Bearer';
  expiresInSeconds: number;
  role: LoginRole;
  subjectId: string;
  /** only from a login with `session: true`: the session's CSRF token. */
  csrfToken?: string;
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
/** The Basic user name the switch sends with its API key as the password. */
export const SWITCH_BASIC_USERNAME = 'switch';
/** The challenge of routes the switch may call: Bearer, or Basic for mod_xml_curl (`auth-scheme` any). */
export const SWITCH_CHALLENGE = 'Bearer, Basic realm="itc-billing switch", charset="UTF-8"';

export interface AuthenticateOptions {
  /** the route admits the switch role: also accept `Basic base64(switch:<SWITCH_API_KEY>)`. */
  switchBasic?: boolean;
}

export const noSession = () =>
  new ProblemException(401, 'no_session', 'No live portal session (the itc_session cookie is missing, unknown, expired or revoked): log in again.', { title: 'No session' });

export const csrfTokenMismatch = (detail = 'The X-CSRF-Token header must be the value of the itc_csrf cookie of this session.') =>
  new ProblemException(403, 'csrf_token_mismatch', detail, { title: 'CSRF token mismatch' });

export const unauthorized = (detail: string, challenge = 'Bearer') =>
  new ProblemException(401, 'unauthorized', detail, { title: 'Unauthorized', headers: { 'WWW-Authenticate': challenge } });

@Injectable()
export class AuthService {
  private readonly jwt: JwtService;
  private readonly throttle: LoginThrottle;

  constructor(
    private readonly credentials: CredentialsService,
    private readonly secrets: GatewaySecrets,
    @Inject(GATEWAY_OPTIONS) private readonly options: ResolvedGatewayOptions,
    private readonly sessions: Sessions,
  ) {
    // A KeyObject, not the string: given a string, jsonwebtoken tries createPublicKey on every
    // verify and catches the throw before createSecretKey — ≈ 0.5 ms of CPU per request.
    const key = createSecretKey(Buffer.from(secrets.jwtSecret, 'utf8'));
    this.jwt = new JwtService({
      secretOrKeyProvider: () => key,
      signOptions: { algorithm: 'HS256', issuer: ISSUER, audience: AUDIENCE, expiresIn: options.accessTokenTtlSeconds },
      verifyOptions: { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE },
    });
    this.throttle = new LoginThrottle(options.loginThrottle);
  }

  /**
   * 401 `invalid_credentials` for an unknown user, a wrong password or a disabled login (one
   * message for all three); 429 `too_many_login_attempts` + Retry-After while `source` (the
   * client's address) or the account has to wait (login-throttle.ts).
   */
  async login(usernameInput: string, password: string, source: string, options: { session?: boolean } = {}): Promise<LoginResult & { session?: NewSession }> {
    const login = await this.checkPassword(normalizeUsername(usernameInput), password, source);
    if (login === undefined) throw new ProblemException(401, 'invalid_credentials', 'Wrong username or password.', { title: 'Invalid credentials' });
    const result = await this.issueToken(login);
    return options.session === true ? { ...result, session: await this.sessions.create(login) } : result;
  }

  /**
   * A fresh access token for a live portal session (a page reload): 401 `no_session` for a
   * missing, unknown, expired or revoked session, 403 `csrf_token_mismatch` when X-CSRF-Token is
   * not the session's token (or not the itc_csrf cookie's value). Not throttled: session ids are
   * 256-bit random, nothing to guess.
   */
  async resumeSession(presented: PresentedSession): Promise<LoginResult> {
    const check = await this.sessions.check(presented.sessionId, presented.csrfToken, { slide: true });
    if (check.outcome === 'no_session') throw noSession();
    if (check.outcome === 'csrf_token_mismatch') throw csrfTokenMismatch();
    return this.issueToken(check.login);
  }

  /**
   * Logout: the presented session ends, and the login's tokens are revoked (its token version
   * moves on, as on a password change: the bearer token presented, and every other token and
   * session of the login, stop working). Takes the session cookie (+ X-CSRF-Token) and/or a bearer
   * token; 401 `no_session` when neither is presented, 401 `unauthorized` for a bad bearer token
   * without a session cookie, 403 `csrf_token_mismatch`, 403 `forbidden` for the switch's key or the internal service key.
   */
  async logout(presented: PresentedSession, authorization: string | undefined): Promise<void> {
    const bearerSent = authorization !== undefined && authorization !== '';
    if (presented.sessionId === undefined && !bearerSent) throw noSession();
    let bearer: Principal | undefined;
    if (bearerSent) {
      try {
        bearer = await this.authenticate(authorization);
      } catch (error) {
        if (presented.sessionId === undefined) throw error; // the session, if any, still logs out
      }
      if (bearer?.role === 'switch' || bearer?.role === 'service') {
        throw new ProblemException(403, 'forbidden', `The ${bearer.role === 'switch' ? 'switch API key' : 'internal service key'} is not a login: it has no session to end.`, { title: 'Forbidden' });
      }
    }
    const usernames = new Set<string>();
    if (bearer !== undefined) usernames.add(bearer.username);
    if (presented.sessionId !== undefined) {
      const check = await this.sessions.check(presented.sessionId, presented.csrfToken, { slide: false });
      if (check.outcome === 'csrf_token_mismatch') throw csrfTokenMismatch();
      if (check.outcome === 'live') usernames.add(check.login.username);
      await this.sessions.end(presented.sessionId);
    }
    for (const username of usernames) await this.credentials.revokeTokens(username);
  }

  /**
   * The principal's own password change. The current password is checked like a login (the same
   * throttle): wrong → 403 `wrong_current_password`; a new password that breaks the rule → 422
   * `weak_password`, the same as the current one → 422 `same_password`, another change racing and
   * winning → 409 `concurrent_modification`; nothing changes then.
   * The change revokes every token of the login (all sessions end); the answer is a new token.
   */
  async changeOwnPassword(principal: Principal, currentPassword: string, newPassword: string, source: string): Promise<LoginResult> {
    this.credentials.assertAcceptablePassword(newPassword);
    const login = await this.checkPassword(principal.username, currentPassword, source);
    if (login === undefined || login.role !== principal.role || login.subjectId !== principal.subjectId) {
      throw new ProblemException(403, 'wrong_current_password', 'The current password is not right; nothing was changed.', { title: 'Wrong current password' });
    }
    if (newPassword === currentPassword) {
      throw new ProblemException(422, 'same_password', 'The new password must differ from the current one; nothing was changed.', { title: 'Same password' });
    }
    // conditional on the version the old password was checked at: of two racing changes one wins, the other is a 409
    return this.issueToken(await this.credentials.changePassword(login.username, newPassword, { expectedTokenVersion: login.tokenVersion }));
  }

  /** The login if `password` is right and it may log in, else undefined; 429 while the throttle says wait. */
  private async checkPassword(username: string, password: string, source: string): Promise<Login | undefined> {
    const decision = this.throttle.begin(username, source);
    if (!decision.allowed) {
      throw new ProblemException(429, 'too_many_login_attempts', `Too many failed password checks; try again in ${decision.retryAfterSeconds} s.`, {
        headers: { 'Retry-After': String(decision.retryAfterSeconds) },
      });
    }
    let login: Login | undefined;
    try {
      login = await this.credentials.verifyCredentials(username, password);
    } catch (error) {
      this.throttle.abandoned(decision.attempt); // no answer (database down): not a guess
      throw error;
    }
    if (login === undefined || login.disabled) {
      this.throttle.failed(decision.attempt);
      return undefined;
    }
    this.throttle.succeeded(decision.attempt);
    return login;
  }

  private async issueToken(login: Login): Promise<LoginResult> {
    const claims: AccessTokenClaims = { sub: login.subjectId, role: login.role, usr: login.username, ver: login.tokenVersion };
    return {
      accessToken: await this.jwt.signAsync(claims),
      tokenType: 'Bearer',
      expiresInSeconds: this.options.accessTokenTtlSeconds,
      role: login.role,
      subjectId: login.subjectId,
    };
  }

  /**
   * `Authorization` header → Principal, or a 401 problem. HTTP Basic is taken only with
   * `switchBasic` (routes whose @Roles names the switch) and only as the switch's key; anywhere
   * else it is a 401 before any check, so it is no way to test keys against other routes.
   */
  async authenticate(authorization: string | undefined, options: AuthenticateOptions = {}): Promise<Principal> {
    const switchBasic = options.switchBasic ?? false;
    const challenge = switchBasic ? SWITCH_CHALLENGE : 'Bearer';
    if (authorization === undefined || authorization === '') {
      throw unauthorized(
        switchBasic
          ? 'This operation needs a bearer token (Authorization: Bearer <token>) or the switch API key as HTTP Basic password of user "switch".'
          : 'This operation needs a bearer token (Authorization: Bearer <token>).',
        challenge,
      );
    }
    const header = authorization.trim();
    const basic = /^Basic +(\S+)$/i.exec(header);
    if (basic !== null) {
      if (!switchBasic) throw unauthorized('HTTP Basic is accepted only on the softswitch routes; send "Authorization: Bearer <token>".');
      if (this.isSwitchBasic(basic[1]!)) return SWITCH_PRINCIPAL;
      throw unauthorized('Wrong HTTP Basic credentials: the user must be "switch" and the password the switch API key.', challenge);
    }
    const match = /^Bearer +(\S+)$/i.exec(header);
    if (match === null || match[1]!.length > MAX_BEARER_LENGTH) throw unauthorized('The Authorization header must be "Bearer <token>".', challenge);
    const credential = match[1]!;
    if (this.secrets.isSwitchApiKey(credential)) return SWITCH_PRINCIPAL;
    if (this.secrets.isInternalServiceKey(credential)) return SERVICE_PRINCIPAL;

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

  /** `base64(user:password)` (RFC 7617: the user ends at the first colon) is `switch:<SWITCH_API_KEY>`. */
  private isSwitchBasic(encoded: string): boolean {
    if (encoded.length > MAX_BEARER_LENGTH || !/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) return false;
    const decoded = Buffer.from(encoded, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon === -1) return false;
    // both checks always run: the key comparison is constant-time (digests), the user is not secret
    const keyMatches = this.secrets.isSwitchApiKey(decoded.slice(colon + 1));
    const userMatches = decoded.slice(0, colon) === SWITCH_BASIC_USERNAME;
    return keyMatches && userMatches;
  }
}
