// The session store against an in-test server that follows the cookie-session contract: the
// token stays in memory, a reload restores through POST /auth/session with the CSRF header, a 401
// restores once and repeats, logout revokes and forgets.
import { describe, expect, it } from 'vitest';
import { SessionStore } from './session-store';
import { ProblemError } from './problem-error';

interface Call {
  method: string;
  path: string;
  csrf: string | null;
  authorization: string | null;
  body: string;
}

function contractServer({ cookie = 'itc_csrf=csrf-1', sessionAlive = true } = {}) {
  const calls: Call[] = [];
  const state = { cookie, sessionAlive, valid: 'token-1', issued: 0 };
  const answer = () => {
    state.issued += 1;
    state.valid = `token-${state.issued}`;
    return Response.json({ accessToken: state.valid, tokenType: 'Bearer', expiresInSeconds: 900, role: 'agent', subjectId: 'agent-7', csrfToken: 'csrf-1' });
  };
  const problem = (status: number, code: string, headers: Record<string, string> = {}) =>
    Response.json({ type: `urn:itc-billing:problem:${code}`, title: code, status, code, detail: `detail of ${code}` }, { status, headers: { 'Content-Type': 'application/problem+json', ...headers } });
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(new URL(String(input), 'http://portal.test'), init);
    const path = new URL(request.url).pathname;
    const call = { method: request.method, path, csrf: request.headers.get('X-CSRF-Token'), authorization: request.headers.get('Authorization'), body: await request.text() };
    calls.push(call);
    const bearerOk = call.authorization === `Bearer ${state.valid}`;
    switch (path) {
      case '/api/v1/auth/login': {
        const body = JSON.parse(call.body) as { username: string; password: string; session?: boolean };
        if (body.password === 'slow') return problem(429, 'too_many_login_attempts', { 'Retry-After': '42' });
        if (body.password !== 'right') return problem(401, 'invalid_credentials');
        state.sessionAlive = body.session === true;
        return answer();
      }
      case '/api/v1/auth/session':
        if (!state.sessionAlive) return problem(401, 'no_session');
        if (call.csrf !== 'csrf-1') return problem(403, 'csrf_token_mismatch');
        return answer();
      case '/api/v1/auth/me':
        return bearerOk ? Response.json({ role: 'agent', subjectId: 'agent-7', username: 'ana' }) : problem(401, 'unauthorized');
      case '/api/v1/auth/logout':
        state.sessionAlive = false;
        state.valid = 'revoked';
        return new Response(null, { status: 204 });
      default:
        return bearerOk ? Response.json({ ok: true, body: call.body }) : problem(401, 'unauthorized');
    }
  };
  const store = new SessionStore({ baseUrl: 'http://portal.test', fetch: fetch as typeof globalThis.fetch, readCookies: () => state.cookie });
  return { store, calls, state };
}

describe('SessionStore', () => {
  it('boot restores the session with the CSRF cookie as header, then asks who it is', async () => {
    const { store, calls } = contractServer();
    await expect(store.boot()).resolves.toEqual({ role: 'agent', subjectId: 'agent-7', username: 'ana' });
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual(['POST /api/v1/auth/session', 'GET /api/v1/auth/me']);
    expect(calls[0]!.csrf).toBe('csrf-1');
    expect(calls[1]!.authorization).toBe('Bearer token-1');
  });

  it('over https the CSRF cookie is __Host-itc_csrf: boot restores with it (not with an itc_csrf left from before)', async () => {
    const { store, calls } = contractServer({ cookie: 'itc_csrf=stale; __Host-itc_csrf=csrf-1' });
    await expect(store.boot()).resolves.toEqual({ role: 'agent', subjectId: 'agent-7', username: 'ana' });
    expect(calls[0]!.csrf).toBe('csrf-1');
  });

  it('boot without the CSRF cookie or with a dead session is logged out', async () => {
    const noCookie = contractServer({ cookie: '' });
    await expect(noCookie.store.boot()).resolves.toBeNull();
    expect(noCookie.calls).toEqual([]);
    const dead = contractServer({ sessionAlive: false });
    await expect(dead.store.boot()).resolves.toBeNull();
  });

  it('login asks for a cookie session and keeps the token for the typed client', async () => {
    const { store, calls } = contractServer({ sessionAlive: false });
    await store.login('ana', 'right');
    expect(JSON.parse(calls[0]!.body)).toEqual({ username: 'ana', password: 'right', session: true });
    const { data } = await store.api.GET('/api/v1/auth/me');
    expect(data?.username).toBe('ana');
    expect(store.user?.username).toBe('ana');
  });

  it('login errors carry the problem and Retry-After', async () => {
    const { store } = contractServer();
    const wrong = await store.login('ana', 'nope').catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(ProblemError);
    expect((wrong as ProblemError).problem.code).toBe('invalid_credentials');
    const slow = (await store.login('ana', 'slow').catch((e: unknown) => e)) as ProblemError;
    expect(slow.problem.code).toBe('too_many_login_attempts');
    expect(slow.retryAfterSeconds).toBe(42);
    expect(store.user).toBeNull();
  });

  it('a 401 restores the session once and repeats the request (authFetch too)', async () => {
    const { store, calls, state } = contractServer();
    await store.boot();
    state.valid = 'rotated-elsewhere'; // the access token expired
    const response = await store.authFetch('/api/v1/things', { method: 'POST', body: 'payload' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, body: 'payload' });
    expect(calls.filter((c) => c.path === '/api/v1/auth/session')).toHaveLength(2);
  });

  it('an expired session logs out and tells the listeners', async () => {
    const { store, state } = contractServer();
    await store.boot();
    let told = 0;
    store.subscribe(() => (told += 1));
    state.sessionAlive = false;
    state.valid = 'gone';
    const response = await store.authFetch('/api/v1/things');
    expect(response.status).toBe(401);
    expect(store.user).toBeNull();
    expect(told).toBe(1);
  });

  it('logout sends the CSRF header and the bearer token, then forgets the user', async () => {
    const { store, calls } = contractServer();
    await store.boot();
    await store.logout();
    const logout = calls.find((c) => c.path === '/api/v1/auth/logout')!;
    expect(logout.csrf).toBe('csrf-1');
    expect(logout.authorization).toBe('Bearer token-1');
    expect(store.user).toBeNull();
    expect((await store.authFetch('/api/v1/things')).status).toBe(401);
  });
});
