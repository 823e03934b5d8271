// Password checks over HTTP on a real PostgreSQL, with requests bound to different local source
// addresses (127.0.0.x): login throttling per address and per account (an attacker at one
// address cannot lock the owner out at another), and the own-password change of each role.
import { testDatabaseUrl, uniqueName } from '@billing/testing';
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { CredentialsService, generatePassword, isGeneratedPasswordHash } from '../index.js';
import { startGatewayTestApp, type GatewayTestApp } from '../testing/gateway-test-app.js';

interface Answer {
  status: number;
  retryAfter: number | undefined;
  body: any;
}

let gw: GatewayTestApp;

beforeAll(async () => {
  // the product's default throttle rules: the test shows what a deployment does
  gw = await startGatewayTestApp({ databaseUrl: testDatabaseUrl(), schema: uniqueName('auth') });
}, 60_000);

afterAll(async () => {
  await gw?.close();
}, 60_000);

/** A JSON request from the local address `from` (the whole 127/8 reaches the app on 127.0.0.1). */
function call(method: string, path: string, from: string, body?: unknown, token?: string): Promise<Answer> {
  const url = new URL(path, gw.baseUrl);
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const headers: Record<string, string> = {};
  if (payload !== undefined) headers['content-type'] = 'application/json';
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  return new Promise((resolve, reject) => {
    const request = http.request({ host: url.hostname, port: url.port, path: url.pathname, method, headers, localAddress: from, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const retryAfter = response.headers['retry-after'];
        resolve({ status: response.statusCode ?? 0, retryAfter: retryAfter === undefined ? undefined : Number(retryAfter), body: text === '' ? undefined : JSON.parse(text) });
      });
    });
    request.on('error', reject);
    request.end(payload);
  });
}

const login = (username: string, password: string, from: string) => call('POST', '/api/v1/auth/login', from, { username, password });
const changePassword = (token: string, currentPassword: string, newPassword: string, from = '127.0.0.1') =>
  call('POST', '/api/v1/auth/password', from, { currentPassword, newPassword }, token);
const me = (token: string) => call('GET', '/api/v1/auth/me', '127.0.0.1', undefined, token);

async function createLogin(username: string, password: string, role: 'agent' | 'customer', subjectId: string): Promise<void> {
  await gw.app.get(CredentialsService).createLogin({ username, password, role, subjectId });
}

async function storedLogin(username: string): Promise<{ password_hash: string; token_version: number }> {
  const { rows } = await gw.pool.query<{ password_hash: string; token_version: number }>(
    `SELECT password_hash, token_version FROM ${gw.schema}.credentials WHERE username = $1`,
    [username],
  );
  return rows[0]!;
}

describe('login throttling behind a reverse proxy (TRUSTED_PROXIES)', () => {
  let proxied: GatewayTestApp;
  const viaProxy = (path: string, body: unknown, client: string, peer = '127.0.0.50') => {
    const url = new URL(path, proxied.baseUrl);
    const payload = JSON.stringify(body);
    return new Promise<number>((resolve, reject) => {
      const headers = { 'content-type': 'application/json', 'x-forwarded-for': client };
      const request = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers, localAddress: peer, agent: false }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      });
      request.on('error', reject);
      request.end(payload);
    });
  };

  beforeAll(async () => {
    proxied = await startGatewayTestApp({ databaseUrl: testDatabaseUrl(), schema: uniqueName('authpx'), env: { TRUSTED_PROXIES: '127.0.0.50/32' } });
    await proxied.app.get(CredentialsService).createLogin({ username: 'agent-proxied', password: 'proxied-password-1', role: 'agent', subjectId: 'agent-proxied' });
  }, 60_000);

  afterAll(async () => {
    await proxied?.close();
  }, 60_000);

  it('counts each client the proxy forwards, so an attacker behind it does not lock out the owner behind it', async () => {
    const login = (password: string, client: string, peer?: string) => viaProxy('/api/v1/auth/login', { username: 'agent-proxied', password }, client, peer);
    const attacker: number[] = [];
    for (let i = 0; i < 12; i++) attacker.push(await login(`guess-${i}-xxxxx`, '203.0.113.7'));
    expect(attacker.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(attacker.slice(5).every((status) => status === 429)).toBe(true);
    // a forged left-most entry does not give the attacker a fresh counter
    expect(await login('proxied-password-1', '198.51.100.99, 203.0.113.7')).toBe(429);
    // the owner, through the same proxy from another address, logs in at once
    expect(await login('proxied-password-1', '198.51.100.4')).toBe(200);
    // a peer that is not a trusted proxy is counted itself: rotating X-Forwarded-For buys nothing
    const direct: number[] = [];
    for (let i = 0; i < 8; i++) direct.push(await login(`guess-${i}-yyyyy`, `192.0.2.${i + 1}`, '127.0.0.51'));
    expect(direct.slice(5).every((status) => status === 429)).toBe(true);
  });
});

describe('login throttling', () => {
  it('an attacker failing over and over at one address does not lock the owner out at another', async () => {
    await createLogin('agent-owner', 'owner-password-1', 'agent', 'agent-owner');
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await login('agent-owner', `guess-${i}-xxxxx`, '127.0.0.2')).status);
    // 5 checked guesses, then the attacker's address waits
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5).every((status) => status === 429)).toBe(true);
    const waiting = await login('agent-owner', 'owner-password-1', '127.0.0.2');
    expect(waiting).toMatchObject({ status: 429, body: { code: 'too_many_login_attempts' } });
    expect(waiting.retryAfter).toBe(1);

    // the owner, at another address, logs in at once
    const owner = await login('agent-owner', 'owner-password-1', '127.0.0.3');
    expect(owner.status).toBe(200);
    expect(owner.body).toMatchObject({ role: 'agent', subjectId: 'agent-owner' });

    // the attacker's delay grows: after its wait one more guess is checked, then it waits longer
    await sleep(1_000);
    expect((await login('agent-owner', 'guess-after-wait', '127.0.0.2')).status).toBe(401);
    const longer = await login('agent-owner', 'guess-too-soon', '127.0.0.2');
    expect(longer.status).toBe(429);
    expect(longer.retryAfter).toBe(2);
  });

  it('a parallel burst of guesses gets no more checks than a sequence', async () => {
    await createLogin('burst-target', 'burst-password-1', 'customer', 'c-burst');
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => login('burst-target', `parallel-guess-${i}`, '127.0.0.4')));
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(15);
    expect(answers.filter((answer) => answer.status === 429).every((answer) => (answer.retryAfter ?? 0) >= 1)).toBe(true);
    // another address is not concerned
    expect((await login('burst-target', 'burst-password-1', '127.0.0.5')).status).toBe(200);
  });

  it('an address guessing across many usernames waits, whichever username it tries next', async () => {
    for (let i = 0; i < 20; i++) expect((await login(`sprayed-${i}`, 'some-password-x', '127.0.0.6')).status).toBe(401);
    const next = await login('someone-else', 'some-password-x', '127.0.0.6');
    expect(next.status).toBe(429);
    expect(next.retryAfter).toBeGreaterThanOrEqual(1);
    expect((await login('someone-else', 'some-password-x', '127.0.0.7')).status).toBe(401);
  });
});

describe('POST /auth/password (own password)', () => {
  it('an agent changes its password: every earlier token is revoked, the answer is a working new one', async () => {
    await createLogin('agent-pw', 'agent-password-1', 'agent', 'agent-pw');
    const session = (await login('agent-pw', 'agent-password-1', '127.0.0.1')).body.accessToken as string;
    const otherSession = (await login('agent-pw', 'agent-password-1', '127.0.0.8')).body.accessToken as string;

    const changed = await changePassword(session, 'agent-password-1', 'agent-password-2');
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ tokenType: 'Bearer', role: 'agent', subjectId: 'agent-pw', accessToken: expect.any(String) });
    expect((await me(changed.body.accessToken)).body).toEqual({ role: 'agent', subjectId: 'agent-pw', username: 'agent-pw' });
    expect((await me(session)).status).toBe(401);
    expect((await me(otherSession)).status).toBe(401);
    expect((await login('agent-pw', 'agent-password-1', '127.0.0.1')).status).toBe(401);
    expect((await login('agent-pw', 'agent-password-2', '127.0.0.1')).status).toBe(200);
  });

  it('a customer with a generated portal password changes it (stored with full-cost scrypt from then on)', async () => {
    const portalPassword = generatePassword();
    await gw.app.get(CredentialsService).createLogins([{ username: 'cust-pw', password: portalPassword, role: 'customer', subjectId: 'cust-pw' }], { generated: true });
    expect(isGeneratedPasswordHash((await storedLogin('cust-pw')).password_hash)).toBe(true);
    const token = (await login('cust-pw', portalPassword, '127.0.0.1')).body.accessToken as string;

    const changed = await changePassword(token, portalPassword, 'my own customer password');
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ role: 'customer', subjectId: 'cust-pw' });
    expect((await storedLogin('cust-pw')).password_hash).toMatch(/^\$scrypt\$/);
    expect((await login('cust-pw', 'my own customer password', '127.0.0.1')).status).toBe(200);
    expect((await login('cust-pw', portalPassword, '127.0.0.1')).status).toBe(401);
  });

  it('refuses a wrong current password, a weak or unchanged new one, and changes nothing', async () => {
    await createLogin('cust-refused', 'customer-password-1', 'customer', 'cust-refused');
    const token = (await login('cust-refused', 'customer-password-1', '127.0.0.1')).body.accessToken as string;
    const before = await storedLogin('cust-refused');

    const wrong = await changePassword(token, 'not-my-password', 'customer-password-2');
    expect(wrong).toMatchObject({ status: 403, body: { code: 'wrong_current_password' } });
    const weak = await changePassword(token, 'customer-password-1', 'short');
    expect(weak).toMatchObject({ status: 422, body: { code: 'weak_password' } });
    expect(weak.body.detail).toMatch(/at least 10|10–1024/);
    // long enough is not enough (acceptance G: "aaaaaaaaaa" was accepted)
    for (const [password, reason] of [['aaaaaaaaaa', /at least 5 different characters/], ['0123456789', /simple sequence/], ['Password123', /most common/]] as const) {
      const refused = await changePassword(token, 'customer-password-1', password);
      expect({ status: refused.status, code: refused.body.code, detail: refused.body.detail }).toEqual({ status: 422, code: 'weak_password', detail: expect.stringMatching(reason) });
    }
    const same = await changePassword(token, 'customer-password-1', 'customer-password-1');
    expect(same).toMatchObject({ status: 422, body: { code: 'same_password' } });
    const missing = await call('POST', '/api/v1/auth/password', '127.0.0.1', { newPassword: 'customer-password-2' }, token);
    expect(missing.status).toBe(400);

    expect(await storedLogin('cust-refused')).toEqual(before);
    expect((await me(token)).status).toBe(200); // the session lives on
    expect((await login('cust-refused', 'customer-password-2', '127.0.0.1')).status).toBe(401);
  });

  it('two changes racing: one wins, the other is a 409 and changes nothing', async () => {
    await createLogin('agent-race', 'agent-race-pw-0', 'agent', 'agent-race');
    const token = (await login('agent-race', 'agent-race-pw-0', '127.0.0.1')).body.accessToken as string;
    const answers = await Promise.all(['agent-race-pw-a', 'agent-race-pw-b'].map((next) => changePassword(token, 'agent-race-pw-0', next)));
    // never both: the loser either checked the old password before the winner's change (409) or after it (403)
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    const winner = answers.findIndex((answer) => answer.status === 200);
    expect(['concurrent_modification', 'wrong_current_password']).toContain(answers[1 - winner]!.body.code);
    const [won, lost] = winner === 0 ? ['agent-race-pw-a', 'agent-race-pw-b'] : ['agent-race-pw-b', 'agent-race-pw-a'];
    expect((await me(answers[winner]!.body.accessToken)).status).toBe(200);
    expect((await storedLogin('agent-race')).token_version).toBe(1);
    expect((await login('agent-race', won, '127.0.0.1')).status).toBe(200);
    expect((await login('agent-race', lost, '127.0.0.1')).status).toBe(401);
  });

  it('wrong current passwords count against the login throttle of that address', async () => {
    await createLogin('agent-guessed', 'agent-guessed-pw-1', 'agent', 'agent-guessed');
    const token = (await login('agent-guessed', 'agent-guessed-pw-1', '127.0.0.9')).body.accessToken as string;
    for (let i = 0; i < 5; i++) expect((await changePassword(token, `stolen-token-guess-${i}`, 'agent-guessed-pw-2', '127.0.0.9')).status).toBe(403);
    const throttled = await changePassword(token, 'agent-guessed-pw-1', 'agent-guessed-pw-2', '127.0.0.9');
    expect(throttled).toMatchObject({ status: 429, body: { code: 'too_many_login_attempts' } });
    expect((await login('agent-guessed', 'agent-guessed-pw-1', '127.0.0.9')).status).toBe(429);
    // the owner elsewhere is not concerned
    expect((await changePassword(token, 'agent-guessed-pw-1', 'agent-guessed-pw-2', '127.0.0.10')).status).toBe(200);
  });

  it('is for logged-in people: 401 without a token, 403 for the switch', async () => {
    expect((await call('POST', '/api/v1/auth/password', '127.0.0.1', { currentPassword: 'x', newPassword: 'yyyyyyyyyyyy' })).status).toBe(401);
    const asSwitch = await call('POST', '/api/v1/auth/password', '127.0.0.1', { currentPassword: 'x', newPassword: 'yyyyyyyyyyyy' }, gw.switchApiKey);
    expect(asSwitch.status).toBe(403);
  });
});
