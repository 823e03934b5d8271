// Portal sessions over HTTP on a real PostgreSQL: login with session: true sets the two cookies,
// POST /auth/session turns them into a fresh access token (CSRF and Origin checked), logout ends
// the session and revokes the bearer token, a password change or a disabled login ends sessions,
// the idle and absolute lifetimes hold, and only hashes are stored.
import { testDatabaseUrl, uniqueName } from '@billing/testing';
import http from 'node:http';
import { CredentialsService } from '../index.js';
import { startGatewayTestApp, TEST_INTERNAL_SERVICE_KEY, type GatewayTestApp, type TestResponse } from '../testing/gateway-test-app.js';

let gw: GatewayTestApp;

beforeAll(async () => {
  // 127.0.0.2 is a trusted proxy (X-Forwarded-Proto https → Secure cookies)
  gw = await startGatewayTestApp({ databaseUrl: testDatabaseUrl(), schema: uniqueName('sessions'), env: { TRUSTED_PROXIES: '127.0.0.2' } });
}, 60_000);

afterAll(async () => {
  await gw?.close();
}, 60_000);

let counter = 0;
async function newCustomer(): Promise<{ username: string; password: string }> {
  counter += 1;
  const username = `sess-customer-${counter}`;
  const password = `session-password-${counter}x`;
  await gw.app.get(CredentialsService).createLogin({ username, password, role: 'customer', subjectId: `c-${counter}` });
  return { username, password };
}

interface Session {
  accessToken: string;
  csrfToken: string;
  sessionId: string;
  setCookies: string[];
}

function cookiesOf(res: TestResponse): string[] {
  return res.headers.getSetCookie();
}

async function loginWithSession(user: { username: string; password: string }): Promise<Session> {
  const res = await gw.request('POST', '/api/v1/auth/login', { body: { ...user, session: true } });
  expect(res.status).toBe(200);
  const setCookies = cookiesOf(res);
  const sessionId = /^itc_session=([^;]+)/.exec(setCookies.find((c) => c.startsWith('itc_session='))!)![1]!;
  return { accessToken: res.body.accessToken, csrfToken: res.body.csrfToken, sessionId, setCookies };
}

const cookieHeader = (s: Pick<Session, 'sessionId' | 'csrfToken'>) => `itc_session=${s.sessionId}; itc_csrf=${s.csrfToken}`;
const resume = (s: Pick<Session, 'sessionId' | 'csrfToken'>, headers: Record<string, string> = {}) =>
  gw.request('POST', '/api/v1/auth/session', { headers: { cookie: cookieHeader(s), 'x-csrf-token': s.csrfToken, ...headers } });
const logout = (headers: Record<string, string>, token?: string) => gw.request('POST', '/api/v1/auth/logout', { headers, ...(token === undefined ? {} : { token }) });
const me = (token: string) => gw.request('GET', '/api/v1/auth/me', { token });

/** A POST from a chosen local address (127.0.0.2 is the trusted proxy). */
function postFrom(localAddress: string, path: string, headers: Record<string, string>, body?: unknown): Promise<{ status: number; setCookies: string[]; body: any }> {
  const url = new URL(path, gw.baseUrl);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', localAddress, agent: false, headers: { 'content-type': 'application/json', ...headers } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, setCookies: response.headers['set-cookie'] ?? [], body: text === '' ? undefined : JSON.parse(text) }));
      },
    );
    request.on('error', reject);
    request.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

describe('POST /auth/login with session: true', () => {
  it('sets itc_session (httpOnly, SameSite=Strict, Path=/api/v1/auth) and itc_csrf (readable, Path=/), answers csrfToken; no Secure over http', async () => {
    const session = await loginWithSession(await newCustomer());
    expect(session.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(session.sessionId).toMatch(/^ses_[A-Za-z0-9_-]{43}$/);
    expect(session.setCookies).toEqual([
      `itc_session=${session.sessionId}; Path=/api/v1/auth; Max-Age=604800; HttpOnly; SameSite=Strict`,
      `itc_csrf=${session.csrfToken}; Path=/; Max-Age=604800; SameSite=Strict`,
    ]);
    expect((await me(session.accessToken)).status).toBe(200);
  });

  it('without session: no cookie and no csrfToken (as before)', async () => {
    const res = await gw.request('POST', '/api/v1/auth/login', { body: await newCustomer() });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.body.csrfToken).toBeUndefined();
  });

  it('session must be true (a strict body)', async () => {
    const res = await gw.request('POST', '/api/v1/auth/login', { body: { ...(await newCustomer()), session: 'yes' } });
    expect(res.status).toBe(400);
  });

  it('over https (a trusted proxy says so) both cookies are Secure, the CSRF cookie is __Host-itc_csrf (Path=/, no Domain)', async () => {
    const user = await newCustomer();
    const { setCookies, body } = await postFrom('127.0.0.2', '/api/v1/auth/login', { 'x-forwarded-proto': 'https' }, { ...user, session: true });
    expect(setCookies).toHaveLength(2);
    for (const cookie of setCookies) expect(cookie).toContain('; Secure');
    expect(setCookies[1]).toBe(`__Host-itc_csrf=${body.csrfToken}; Path=/; Max-Age=604800; Secure; SameSite=Strict`);
    expect(setCookies.join('\n')).not.toMatch(/Domain=/i);

    // over https only the __Host- cookie counts: an itc_csrf (which a sibling subdomain could plant) does not
    const sessionId = /^itc_session=([^;]+)/.exec(setCookies[0]!)![1]!;
    const overHttps = (cookie: string) => postFrom('127.0.0.2', '/api/v1/auth/session', { 'x-forwarded-proto': 'https', cookie, 'x-csrf-token': body.csrfToken });
    expect((await overHttps(`itc_session=${sessionId}; itc_csrf=${body.csrfToken}`)).status).toBe(403);
    expect((await overHttps(`itc_session=${sessionId}; __Host-itc_csrf=${body.csrfToken}`)).status).toBe(200);

    // logout over https clears the __Host- cookie, and an itc_csrf of before
    const out = await postFrom('127.0.0.2', '/api/v1/auth/logout', { 'x-forwarded-proto': 'https', cookie: `itc_session=${sessionId}; __Host-itc_csrf=${body.csrfToken}`, 'x-csrf-token': body.csrfToken });
    expect(out.status).toBe(204);
    expect(out.setCookies.map((cookie) => cookie.split(';')[0])).toEqual(['itc_session=', '__Host-itc_csrf=', 'itc_csrf=']);
    for (const cookie of out.setCookies) expect(cookie).toContain('; Secure');
  });

  it('stores only hashes of the session id and the CSRF token', async () => {
    const session = await loginWithSession(await newCustomer());
    const { rows } = await gw.pool.query(`SELECT * FROM ${gw.schema}.sessions`);
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(session.sessionId);
    expect(stored).not.toContain(session.sessionId.slice(4));
    expect(stored).not.toContain(session.csrfToken);
  });
});

describe('POST /auth/session', () => {
  it('a live session with its CSRF token answers a fresh working access token (a reload)', async () => {
    const session = await loginWithSession(await newCustomer());
    const res = await resume(session);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tokenType: 'Bearer', role: 'customer', expiresInSeconds: expect.any(Number) });
    expect((await me(res.body.accessToken)).body.role).toBe('customer');
  });

  it('401 no_session without a cookie, with an unknown or malformed one', async () => {
    const session = await loginWithSession(await newCustomer());
    const none = await gw.request('POST', '/api/v1/auth/session', { headers: { 'x-csrf-token': session.csrfToken } });
    expect(none.status).toBe(401);
    expect(none.body.code).toBe('no_session');
    expect((await resume({ sessionId: `ses_${'A'.repeat(43)}`, csrfToken: session.csrfToken })).body.code).toBe('no_session');
    expect((await resume({ sessionId: 'garbage', csrfToken: session.csrfToken })).body.code).toBe('no_session');
  });

  it('403 csrf_token_mismatch: no header, a header that is not the cookie, a cookie+header of another session', async () => {
    const session = await loginWithSession(await newCustomer());
    const other = await loginWithSession(await newCustomer());
    const noHeader = await gw.request('POST', '/api/v1/auth/session', { headers: { cookie: cookieHeader(session) } });
    expect(noHeader.status).toBe(403);
    expect(noHeader.body.code).toBe('csrf_token_mismatch');
    expect((await resume(session, { 'x-csrf-token': other.csrfToken })).body.code).toBe('csrf_token_mismatch');
    expect((await resume({ sessionId: session.sessionId, csrfToken: other.csrfToken })).body.code).toBe('csrf_token_mismatch');
    expect((await resume(session)).status).toBe(200); // refusals did not end it
  });

  it('403 when the Origin is another site; the own origin is fine', async () => {
    const session = await loginWithSession(await newCustomer());
    const foreign = await resume(session, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(foreign.body.code).toBe('csrf_token_mismatch');
    expect((await resume(session, { origin: 'null' })).status).toBe(403);
    expect((await resume(session, { origin: gw.baseUrl })).status).toBe(200);
  });

  it('believes X-Forwarded-Host only from a TRUSTED_PROXIES proxy: anyone else cannot name its own origin there', async () => {
    const session = await loginWithSession(await newCustomer());
    const headers = { cookie: cookieHeader(session), 'x-csrf-token': session.csrfToken, origin: 'https://evil.example', 'x-forwarded-host': 'evil.example' };
    const direct = await postFrom('127.0.0.1', '/api/v1/auth/session', headers);
    expect({ status: direct.status, code: direct.body.code }).toEqual({ status: 403, code: 'csrf_token_mismatch' });
    // behind the proxy, the host the client asked for is the one the proxy names
    const proxied = { cookie: cookieHeader(session), 'x-csrf-token': session.csrfToken, origin: 'http://portal.example' };
    expect((await postFrom('127.0.0.2', '/api/v1/auth/session', { ...proxied, 'x-forwarded-host': 'portal.example' })).status).toBe(200);
    // the proxy appends: an entry the client wrote further left is not the host
    expect((await postFrom('127.0.0.2', '/api/v1/auth/session', { ...proxied, origin: 'https://evil.example', 'x-forwarded-host': 'evil.example, portal.example' })).status).toBe(403);
  });

  it('12 h idle: a session unused for longer is gone; each use slides it, never past the 7 days', async () => {
    const session = await loginWithSession(await newCustomer());
    const table = `${gw.schema}.sessions`;
    await gw.pool.query(`UPDATE ${table} SET idle_expires_at = now() + interval '1 minute'`);
    expect((await resume(session)).status).toBe(200);
    const { rows } = await gw.pool.query<{ idle: number; absolute: number }>(
      `SELECT extract(epoch FROM idle_expires_at - now()) AS idle, extract(epoch FROM absolute_expires_at - now()) AS absolute FROM ${table} WHERE username = 'sess-customer-${counter}'`,
    );
    expect(Number(rows[0]!.idle)).toBeGreaterThan(12 * 3600 - 60);
    expect(Number(rows[0]!.absolute)).toBeGreaterThan(7 * 24 * 3600 - 60);
    await gw.pool.query(`UPDATE ${table} SET idle_expires_at = now() - interval '1 second' WHERE username = 'sess-customer-${counter}'`);
    expect((await resume(session)).body.code).toBe('no_session');

    const capped = await loginWithSession(await newCustomer());
    await gw.pool.query(`UPDATE ${table} SET absolute_expires_at = now() + interval '30 minutes' WHERE username = 'sess-customer-${counter}'`);
    expect((await resume(capped)).status).toBe(200);
    const after = await gw.pool.query<{ left: number }>(`SELECT extract(epoch FROM idle_expires_at - now()) AS left FROM ${table} WHERE username = 'sess-customer-${counter}'`);
    expect(Number(after.rows[0]!.left)).toBeLessThanOrEqual(30 * 60);
    await gw.pool.query(`UPDATE ${table} SET absolute_expires_at = now() - interval '1 second' WHERE username = 'sess-customer-${counter}'`);
    expect((await resume(capped)).body.code).toBe('no_session');
  });

  it('a password change ends the login\'s sessions; so does disabling the login', async () => {
    const user = await newCustomer();
    const session = await loginWithSession(user);
    const changed = await gw.request('POST', '/api/v1/auth/password', { token: session.accessToken, body: { currentPassword: user.password, newPassword: 'a brand new password 7' } });
    expect(changed.status).toBe(200);
    expect((await resume(session)).body.code).toBe('no_session');

    const disabledUser = await newCustomer();
    const second = await loginWithSession(disabledUser);
    await gw.app.get(CredentialsService).disable(disabledUser.username);
    expect((await resume(second)).body.code).toBe('no_session');
  });
});

describe('POST /auth/logout', () => {
  it('with the session cookie + CSRF and the bearer token: 204, both cookies cleared, the session and the token revoked', async () => {
    const session = await loginWithSession(await newCustomer());
    const res = await logout({ cookie: cookieHeader(session), 'x-csrf-token': session.csrfToken }, session.accessToken);
    expect(res.status).toBe(204);
    expect(cookiesOf(res)).toEqual([
      'itc_session=; Path=/api/v1/auth; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; HttpOnly; SameSite=Strict',
      'itc_csrf=; Path=/; Max-Age=0; Expires=Thu, 01 Jan 1970 00:00:00 GMT; SameSite=Strict',
    ]);
    expect((await resume(session)).body.code).toBe('no_session');
    const revoked = await me(session.accessToken);
    expect(revoked.status).toBe(401);
    expect(revoked.body.detail).toMatch(/revoked/);
  });

  it('with the bearer token only: 204, the token revoked (and the login\'s session with it)', async () => {
    const session = await loginWithSession(await newCustomer());
    expect((await logout({}, session.accessToken)).status).toBe(204);
    expect((await me(session.accessToken)).status).toBe(401);
    expect((await resume(session)).body.code).toBe('no_session');
  });

  it('with the session cookie only: 204, the session ended and the login\'s tokens revoked', async () => {
    const session = await loginWithSession(await newCustomer());
    expect((await logout({ cookie: cookieHeader(session), 'x-csrf-token': session.csrfToken })).status).toBe(204);
    expect((await resume(session)).body.code).toBe('no_session');
    expect((await me(session.accessToken)).status).toBe(401);
  });

  it('refusals change nothing: no credential 401 no_session, a wrong CSRF token or a foreign Origin 403, the switch key 403', async () => {
    const session = await loginWithSession(await newCustomer());
    const nothing = await logout({});
    expect(nothing.status).toBe(401);
    expect(nothing.body.code).toBe('no_session');
    const wrong = await logout({ cookie: cookieHeader(session), 'x-csrf-token': 'not-the-token' });
    expect(wrong.status).toBe(403);
    expect(wrong.body.code).toBe('csrf_token_mismatch');
    const foreign = await logout({ cookie: cookieHeader(session), 'x-csrf-token': session.csrfToken, origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect((await logout({}, gw.switchApiKey)).status).toBe(403);
    expect((await logout({}, TEST_INTERNAL_SERVICE_KEY)).status).toBe(403);
    const badBearer = await logout({}, 'not-a-token');
    expect(badBearer.status).toBe(401);
    expect(badBearer.body.code).toBe('unauthorized');
    expect((await resume(session)).status).toBe(200);
    expect((await me(session.accessToken)).status).toBe(200);
  });

  it('the login throttle counts logins only: many session refreshes and logouts are never 429', async () => {
    const session = await loginWithSession(await newCustomer());
    for (let i = 0; i < 30; i++) expect((await resume(session)).status).toBe(200);
    for (let i = 0; i < 30; i++) expect((await logout({})).status).toBe(401);
  });

  it('every refusal it answers is documented', () => {
    expect(gw.undocumentedProblems()).toEqual([]);
  });
});
