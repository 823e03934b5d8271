// The login state of the portal, framework-free. The access token is held in this object only
// (never localStorage, sessionStorage or a URL); a reload restores it through the httpOnly
// session cookie: POST /auth/session with the CSRF cookie's value as X-CSRF-Token.
import { createApiClient, type ApiClient } from '@billing/portal-api-client';
import { CSRF_HEADER, readCsrfCookie } from './cookies.js';
import { networkProblem, ProblemError } from './problem-error.js';

export type PortalRole = 'admin' | 'agent' | 'customer';

export interface SessionUser {
  role: PortalRole;
  subjectId: string;
  username: string;
}

interface LoginAnswer {
  accessToken: string;
  role: string;
  subjectId: string;
}

const AUTH = '/api/v1/auth';
const PORTAL_ROLES: readonly string[] = ['admin', 'agent', 'customer'];

export interface SessionStoreOptions {
  /** origin of the API ('' = this page's origin). */
  baseUrl?: string;
  fetch?: typeof fetch;
  /** the page's cookies (tests pass their own). */
  readCookies?: () => string;
}

export class SessionStore {
  readonly api: ApiClient;
  private accessToken: string | null = null;
  private current: SessionUser | null = null;
  private readonly listeners = new Set<() => void>();
  private restoring: Promise<string | null> | null = null;
  private readonly baseUrl: string;
  private readonly fetchFn: typeof fetch;
  private readonly readCookies: () => string;

  constructor(options: SessionStoreOptions = {}) {
    this.baseUrl = options.baseUrl ?? '';
    this.fetchFn = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.readCookies = options.readCookies ?? (() => globalThis.document?.cookie ?? '');
    this.api = createApiClient({
      baseUrl: this.baseUrl,
      getAccessToken: () => this.accessToken,
      onUnauthorized: () => this.restore(),
      fetch: (request) => this.fetchFn(request),
    });
  }

  /** who is logged in, or null (show the login page). */
  get user(): SessionUser | null {
    return this.current;
  }

  /** For useSyncExternalStore: called after every login, restore and logout. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): SessionUser | null => this.current;

  /** At page load: restore the session from its cookie if there is one (no error when not). */
  async boot(): Promise<SessionUser | null> {
    await this.restore();
    return this.current;
  }

  /** Logs in and starts a cookie session; throws ProblemError (401 invalid_credentials, 429 with retryAfterSeconds). */
  async login(username: string, password: string): Promise<SessionUser> {
    const response = await this.send(`${AUTH}/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password, session: true }) });
    if (!response.ok) throw await ProblemError.fromResponse(response);
    const answer = (await response.json()) as LoginAnswer;
    await this.adopt(answer, username);
    if (this.current === null) throw new ProblemError({ type: 'about:blank', title: 'Not a portal login', status: 403, code: 'not_a_portal_login' });
    return this.current;
  }

  /** Revokes the session (cookie and token) on the server, then forgets it here even if that failed. */
  async logout(): Promise<void> {
    const headers: Record<string, string> = {};
    const csrf = readCsrfCookie(this.readCookies());
    if (csrf !== null) headers[CSRF_HEADER] = csrf;
    if (this.accessToken !== null) headers.Authorization = `Bearer ${this.accessToken}`;
    try {
      await this.send(`${AUTH}/logout`, { method: 'POST', headers });
    } catch {
      // offline: the token dies with this page; the cookie expires on the server.
    }
    this.set(null, null);
  }

  /**
   * A fetch with the bearer token that, after a 401, restores the session once and repeats
   * (for what the typed client does not cover: CSV downloads). `init.body` must be replayable.
   */
  authFetch = async (path: string, init: RequestInit = {}): Promise<Response> => {
    const attempt = (token: string | null): Promise<Response> => {
      const headers = new Headers(init.headers);
      if (token !== null) headers.set('Authorization', `Bearer ${token}`);
      return this.send(path, { ...init, headers });
    };
    const response = await attempt(this.accessToken);
    if (response.status !== 401) return response;
    const token = await this.restore();
    return token === null ? response : attempt(token);
  };

  /**
   * POST /auth/session with the CSRF cookie: a fresh access token, or null (and logged out) when
   * there is no live session. Concurrent callers share one request.
   */
  restore(): Promise<string | null> {
    this.restoring ??= this.restoreOnce().finally(() => {
      this.restoring = null;
    });
    return this.restoring;
  }

  private async restoreOnce(): Promise<string | null> {
    const csrf = readCsrfCookie(this.readCookies());
    if (csrf === null) {
      this.set(null, null);
      return null;
    }
    try {
      const response = await this.send(`${AUTH}/session`, { method: 'POST', headers: { [CSRF_HEADER]: csrf } });
      if (!response.ok) {
        this.set(null, null);
        return null;
      }
      await this.adopt((await response.json()) as LoginAnswer, this.current?.username ?? null);
      return this.accessToken;
    } catch {
      this.set(null, null);
      return null;
    }
  }

  /** Takes a login answer; the username comes from GET /auth/me when not known. */
  private async adopt(answer: LoginAnswer, username: string | null): Promise<void> {
    if (!PORTAL_ROLES.includes(answer.role)) {
      this.set(null, null);
      return;
    }
    let name = username;
    if (name === null || this.current?.subjectId !== answer.subjectId) {
      const me = await this.send(`${AUTH}/me`, { headers: { Authorization: `Bearer ${answer.accessToken}` } });
      name = me.ok ? ((await me.json()) as { username: string }).username : (username ?? answer.subjectId);
    }
    this.set(answer.accessToken, { role: answer.role as PortalRole, subjectId: answer.subjectId, username: name });
  }

  private async send(path: string, init: RequestInit): Promise<Response> {
    try {
      return await this.fetchFn(`${this.baseUrl}${path}`, { credentials: 'same-origin', ...init });
    } catch (error) {
      throw networkProblem(error);
    }
  }

  private set(token: string | null, user: SessionUser | null): void {
    this.accessToken = token;
    const changed = user?.role !== this.current?.role || user?.subjectId !== this.current?.subjectId || user?.username !== this.current?.username;
    if (!changed) return;
    this.current = user;
    for (const listener of this.listeners) listener();
  }
}
