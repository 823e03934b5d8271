// The gateway end to end over HTTP on a real PostgreSQL: login, tokens and roles, problem+json
// for every kind of error, validation, idempotency under real concurrency, health, OpenAPI.
import { Controller, Get, HttpCode, Module, Param, Post } from '@nestjs/common';
import { RejectedCommand } from '@billing/decider';
import { WrongExpectedVersionError } from '@billing/event-store';
import { testDatabaseUrl, uniqueName } from '@billing/testing';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import {
  CredentialsService,
  CurrentUser,
  GATEWAY_OPTIONS,
  generatePassword,
  UsernamesTaken,
  type NewLogin,
  type ResolvedGatewayOptions,
  Idempotent,
  IdempotencyKey,
  IdempotencyStore,
  MoneyString,
  REPLAYED_HEADER,
  Roles,
  ValidBody,
  ValidQuery,
  type IdempotencyContext,
  type Principal,
} from './index.js';
import { requestHash } from './idempotency/idempotency.interceptor.js';
import { startGatewayTestApp, type GatewayTestApp } from './testing/gateway-test-app.js';

const Payment = z.strictObject({ amount: MoneyString, reference: z.string().min(1).max(100) });
type Payment = z.infer<typeof Payment>;
const ListQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(100).default(20) });
type ListQuery = z.infer<typeof ListQuery>;

const executions = { payments: 0, rejections: 0 };

@Controller('test')
class TestController {
  @Post('payments')
  @Roles('admin', 'agent')
  @Idempotent()
  async pay(@ValidBody(Payment) body: Payment, @CurrentUser() user: Principal, @IdempotencyKey() idem: IdempotencyContext | undefined) {
    executions.payments += 1;
    await sleep(150);
    return { paymentId: randomUUID(), amount: body.amount, reference: body.reference, by: user.subjectId, scopedKey: idem?.scopedKey ?? null };
  }

  @Post('rejections')
  @Roles('admin')
  @Idempotent()
  @HttpCode(200)
  reject(@ValidBody(z.strictObject({ amount: MoneyString })) _body: unknown) {
    executions.rejections += 1;
    throw new RejectedCommand('insufficient agent balance', 'insufficient_balance', 422);
  }

  @Post('repeatable')
  @Roles('admin')
  @Idempotent()
  repeatable(@ValidBody(z.strictObject({ amount: MoneyString })) body: { amount: string }) {
    return { depositId: randomUUID(), amount: body.amount, repeated: false };
  }

  @Get('admin-only')
  @Roles('admin')
  adminOnly() {
    return { ok: true };
  }

  @Get('switch-only')
  @Roles('switch')
  switchOnly(@CurrentUser() user: Principal) {
    return user;
  }

  @Get('me')
  me(@CurrentUser() user: Principal) {
    return user;
  }

  @Get('list')
  list(@ValidQuery(ListQuery) query: ListQuery) {
    return query;
  }

  @Get('items/:id')
  item(@Param('id') id: string) {
    return { id };
  }

  @Get('boom')
  @Roles('admin')
  boom() {
    throw new Error('secret internal detail: password=hunter2');
  }

  @Get('conflict')
  @Roles('admin')
  conflict() {
    throw new WrongExpectedVersionError('wallet-1', 3, 4);
  }
}

@Module({ controllers: [TestController] })
class TestModule {}

describe('gateway (HTTP, real PostgreSQL)', () => {
  let gw: GatewayTestApp;
  let adminToken: string;
  let agentToken: string;

  beforeAll(async () => {
    gw = await startGatewayTestApp({
      databaseUrl: testDatabaseUrl(),
      schema: uniqueName('gw'),
      imports: [TestModule],
      gateway: { loginThrottle: { perAccountAndSource: { freeFailures: 3 } } },
    });
    await gw.app.get(CredentialsService).createLogin({ username: 'Agent-7', password: 'agent-password-1', role: 'agent', subjectId: 'agent-7' });
    adminToken = await gw.login('admin', gw.adminPassword!);
    agentToken = await gw.login('agent-7', 'agent-password-1');
  }, 60_000);

  afterAll(async () => {
    await gw?.close();
  }, 60_000);

  const expectProblem = (res: { status: number; contentType: string; body: any }, status: number, code: string) => {
    expect(res.status).toBe(status);
    expect(res.contentType).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ type: `urn:itc-billing:problem:${code}`, status, code });
    expect(typeof res.body.title).toBe('string');
    expect(typeof res.body.instance).toBe('string');
  };

  describe('login', () => {
    it('answers a token, the role and the subject for the right password', async () => {
      const res = await gw.request('POST', '/api/v1/auth/login', { body: { username: 'admin', password: gw.adminPassword! } });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ role: 'admin', subjectId: 'admin', tokenType: 'Bearer' });
      expect(res.body.accessToken.split('.')).toHaveLength(3);
    });

    it('is case-insensitive on the username', async () => {
      const res = await gw.request('POST', '/api/v1/auth/login', { body: { username: 'AGENT-7', password: 'agent-password-1' } });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ role: 'agent', subjectId: 'agent-7' });
    });

    it('answers 401 problem+json for a wrong password and the same for an unknown user', async () => {
      const wrong = await gw.request('POST', '/api/v1/auth/login', { body: { username: 'admin', password: 'not-the-password' } });
      expectProblem(wrong, 401, 'invalid_credentials');
      const unknown = await gw.request('POST', '/api/v1/auth/login', { body: { username: 'nobody', password: 'whatever-password' } });
      expectProblem(unknown, 401, 'invalid_credentials');
      expect(unknown.body.detail).toBe(wrong.body.detail);
    });

    it('makes an address wait after repeated failures for a username (429 with Retry-After), even with the right password', async () => {
      await gw.app.get(CredentialsService).createLogin({ username: 'victim', password: 'victim-password', role: 'customer', subjectId: 'c-1' });
      for (let i = 0; i < 3; i++) {
        expectProblem(await gw.request('POST', '/api/v1/auth/login', { body: { username: 'victim', password: `guess-${i}-xxxx` } }), 401, 'invalid_credentials');
      }
      const locked = await gw.request('POST', '/api/v1/auth/login', { body: { username: 'victim', password: 'victim-password' } });
      expectProblem(locked, 429, 'too_many_login_attempts');
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    });

    it('refuses a disabled login and revokes its tokens; a new password revokes old tokens', async () => {
      const credentials = gw.app.get(CredentialsService);
      await credentials.createLogin({ username: 'cust-9', password: 'customer-pass-1', role: 'customer', subjectId: 'customer-9' });
      const token = await gw.login('cust-9', 'customer-pass-1');
      expect((await gw.request('GET', '/api/v1/test/me', { token })).body).toEqual({ role: 'customer', subjectId: 'customer-9', username: 'cust-9' });

      await credentials.changePassword('cust-9', 'customer-pass-2');
      expectProblem(await gw.request('GET', '/api/v1/test/me', { token }), 401, 'unauthorized');
      const token2 = await gw.login('cust-9', 'customer-pass-2');
      expect((await gw.request('GET', '/api/v1/test/me', { token: token2 })).status).toBe(200);

      await credentials.disable('cust-9');
      expectProblem(await gw.request('GET', '/api/v1/test/me', { token: token2 }), 401, 'unauthorized');
      expectProblem(await gw.request('POST', '/api/v1/auth/login', { body: { username: 'cust-9', password: 'customer-pass-2' } }), 401, 'invalid_credentials');
    });

    it('refuses a second login with the same username (409)', async () => {
      await expect(
        gw.app.get(CredentialsService).createLogin({ username: 'AGENT-7', password: 'another-password', role: 'agent', subjectId: 'agent-8' }),
      ).rejects.toMatchObject({ code: 'username_taken', status: 409, usernames: ['agent-7'] });
    });
  });

  describe('bulk logins (createLogins)', () => {
    const hashesOf = async (pattern: string): Promise<Map<string, string>> => {
      const { rows } = await gw.pool.query<{ username: string; password_hash: string }>(
        `SELECT username, password_hash FROM ${gw.schema}.credentials WHERE username LIKE $1`,
        [pattern],
      );
      return new Map(rows.map((row) => [row.username, row.password_hash]));
    };
    /** `$scrypt$ln=…,r=…,p=…$`: the gateway's configured (full) cost. */
    const fullCost = () => {
      const { logN, blockSize, parallelization } = gw.app.get<ResolvedGatewayOptions>(GATEWAY_OPTIONS).scryptParams;
      return `$scrypt$ln=${logN},r=${blockSize},p=${parallelization}$`;
    };
    const customers = (prefix: string, count: number): NewLogin[] =>
      Array.from({ length: count }, (_, i) => ({ username: `${prefix}-${i}`, password: generatePassword(), role: 'customer' as const, subjectId: `${prefix}-c${i}` }));

    it('stores generated passwords with a cheap salted hash; they log in, wrong ones do not, a change gets the full cost', async () => {
      const credentials = gw.app.get(CredentialsService);
      const logins = customers('gen', 50);
      const created = await credentials.createLogins(logins, { generated: true });
      expect(created.map((login) => [login.username, login.subjectId])).toEqual(logins.map((login) => [login.username, login.subjectId]));
      const hashes = await hashesOf('gen-%');
      expect(hashes.size).toBe(50);
      for (const hash of hashes.values()) expect(hash).toMatch(/^\$sha256\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
      expect(new Set(hashes.values()).size).toBe(50);

      for (const login of [logins[0]!, logins[17]!, logins[49]!]) {
        const token = await gw.login(login.username, login.password);
        expect((await gw.request('GET', '/api/v1/test/me', { token })).body).toEqual({ role: 'customer', subjectId: login.subjectId, username: login.username });
      }
      expectProblem(await gw.request('POST', '/api/v1/auth/login', { body: { username: 'gen-3', password: logins[4]!.password } }), 401, 'invalid_credentials');
      expect((await hashesOf('gen-17')).get('gen-17')).toMatch(/^\$sha256\$/); // a login does not re-hash it

      await credentials.changePassword('gen-0', 'a password a person chose');
      expect((await hashesOf('gen-0')).get('gen-0')!.startsWith(fullCost())).toBe(true);
      await gw.login('gen-0', 'a password a person chose');
    });

    it('hashes chosen passwords at full cost, in bulk as one by one', async () => {
      const logins = customers('chosen', 3).map((login, i) => ({ ...login, password: `chosen-password-${i}` }));
      await gw.app.get(CredentialsService).createLogins(logins);
      const hashes = [...(await hashesOf('chosen-%')).values(), (await hashesOf('agent-7')).get('agent-7')!];
      expect(hashes).toHaveLength(4);
      for (const hash of hashes) expect(hash.startsWith(fullCost())).toBe(true);
      await gw.login('chosen-1', 'chosen-password-1');
    });

    it('creates all or none: a taken name is a 409 naming it, and nothing else is created', async () => {
      const logins = [...customers('allornone', 3), { username: 'AGENT-7', password: generatePassword(), role: 'agent' as const, subjectId: 'agent-x' }];
      const error = await gw.app.get(CredentialsService).createLogins(logins, { generated: true }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UsernamesTaken);
      expect(error).toMatchObject({ status: 409, code: 'username_taken', usernames: ['agent-7'] });
      expect((await hashesOf('allornone-%')).size).toBe(0);
    });

    it('two concurrent calls sharing a name: one creates all of its logins, the other none', async () => {
      const credentials = gw.app.get(CredentialsService);
      const shared = { username: 'race-shared', password: generatePassword(), role: 'customer' as const, subjectId: 'race-shared' };
      const results = await Promise.allSettled([
        credentials.createLogins([...customers('race-a', 200), shared], { generated: true }),
        credentials.createLogins([shared, ...customers('race-b', 200)], { generated: true }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      const sizes = [(await hashesOf('race-a-%')).size, (await hashesOf('race-b-%')).size].sort((a, b) => a - b);
      expect(sizes).toEqual([0, 200]);
    });

    it('refuses duplicates, short generated passwords and oversized lists (422) before writing anything', async () => {
      const credentials = gw.app.get(CredentialsService);
      const [a] = customers('dup', 1);
      await expect(credentials.createLogins([a!, { ...a!, username: 'DUP-0' }], { generated: true })).rejects.toMatchObject({ status: 422, code: 'duplicate_username' });
      await expect(credentials.createLogins([{ ...a!, password: 'only-16-chars-xx' }], { generated: true })).rejects.toMatchObject({ status: 422, code: 'weak_password' });
      await expect(credentials.createLogins(customers('big', 1001), { generated: true })).rejects.toMatchObject({ status: 422, code: 'too_many_logins' });
      await expect(credentials.createLogins([])).resolves.toEqual([]);
      expect((await hashesOf('dup-%')).size + (await hashesOf('big-%')).size).toBe(0);
    });
  });

  describe('authentication and roles', () => {
    it('needs a token (401 problem+json with WWW-Authenticate)', async () => {
      const res = await gw.request('GET', '/api/v1/test/me');
      expectProblem(res, 401, 'unauthorized');
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
    });

    it('refuses a forged or garbled token (401)', async () => {
      const [header, payload] = adminToken.split('.');
      expectProblem(await gw.request('GET', '/api/v1/test/me', { token: `${header}.${payload}.forged-signature` }), 401, 'unauthorized');
      expectProblem(await gw.request('GET', '/api/v1/test/me', { headers: { authorization: 'Basic abc' } }), 401, 'unauthorized');
    });

    it('answers 403 for a role the route does not admit', async () => {
      expect((await gw.request('GET', '/api/v1/test/admin-only', { token: adminToken })).status).toBe(200);
      expectProblem(await gw.request('GET', '/api/v1/test/admin-only', { token: agentToken }), 403, 'forbidden');
    });

    it('lets the switch in with its API key only where @Roles names it', async () => {
      const res = await gw.request('GET', '/api/v1/test/switch-only', { token: gw.switchApiKey! });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ role: 'switch', subjectId: 'switch', username: 'switch' });
      expectProblem(await gw.request('GET', '/api/v1/test/me', { token: gw.switchApiKey! }), 403, 'forbidden');
      expectProblem(await gw.request('GET', '/api/v1/test/switch-only', { token: agentToken }), 403, 'forbidden');
      expectProblem(await gw.request('GET', '/api/v1/test/switch-only', { token: `${gw.switchApiKey!}x` }), 401, 'unauthorized');
    });

    describe('the switch key as HTTP Basic (FreeSWITCH mod_xml_curl)', () => {
      const basic = (user: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` });

      it('bearer and Basic user "switch" both open a switch route', async () => {
        for (const options of [{ token: gw.switchApiKey! }, { headers: basic('switch', gw.switchApiKey!) }]) {
          const res = await gw.request('GET', '/api/v1/test/switch-only', options);
          expect(res.status).toBe(200);
          expect(res.body).toEqual({ role: 'switch', subjectId: 'switch', username: 'switch' });
        }
        // any route whose @Roles names the switch
        expect((await gw.request('GET', '/api/v1/auth/me', { headers: basic('switch', gw.switchApiKey!) })).body).toMatchObject({ role: 'switch' });
      });

      it('a wrong key or user is a 401 whose challenge offers Basic', async () => {
        for (const headers of [basic('switch', `${gw.switchApiKey!}x`), basic('admin', gw.switchApiKey!), basic('switch', 'x'), { authorization: 'Basic' }]) {
          const res = await gw.request('GET', '/api/v1/test/switch-only', { headers });
          expectProblem(res, 401, 'unauthorized');
          expect(res.headers.get('www-authenticate')).toMatch(/^Bearer, Basic realm="/);
        }
        expect((await gw.request('GET', '/api/v1/test/switch-only')).headers.get('www-authenticate')).toMatch(/Basic realm=/);
      });

      it('is no credential on any other route, not even the right key (401), nor for a person\'s password', async () => {
        for (const path of ['/api/v1/test/me', '/api/v1/test/admin-only']) {
          const res = await gw.request('GET', path, { headers: basic('switch', gw.switchApiKey!) });
          expectProblem(res, 401, 'unauthorized');
          expect(res.headers.get('www-authenticate')).toBe('Bearer');
        }
        expectProblem(await gw.request('GET', '/api/v1/test/admin-only', { headers: basic('admin', gw.adminPassword!) }), 401, 'unauthorized');
        expectProblem(await gw.request('GET', '/api/v1/test/switch-only', { headers: basic('admin', gw.adminPassword!) }), 401, 'unauthorized');
      });
    });
  });

  describe('problem+json for every error', () => {
    it('malformed JSON is a 400, not a 500', async () => {
      const res = await gw.request('POST', '/api/v1/auth/login', { rawBody: '{"username": "admin", ' });
      expectProblem(res, 400, 'malformed_json');
      expect(res.body.detail).toBe('The request body is not valid JSON (it ends too early).');
      const at = await gw.request('POST', '/api/v1/auth/login', { rawBody: '{x}' });
      expect(at.body.detail).toBe('The request body is not valid JSON (at character 2).');
    });

    it('a body that is not what its Content-Encoding says is a 400 in plain words, not zlib\'s', async () => {
      const res = await gw.request('POST', '/api/v1/auth/login', { rawBody: '{"username":"a","password":"b"}', headers: { 'content-encoding': 'gzip' } });
      expectProblem(res, 400, 'bad_request');
      expect(res.body.detail).toBe('The request body cannot be decompressed: it is not valid for its Content-Encoding (gzip, deflate or br).');
      const unknown = await gw.request('POST', '/api/v1/auth/login', { rawBody: '{}', headers: { 'content-encoding': 'xz' } });
      expectProblem(unknown, 415, 'unsupported_media_type');
      expect(unknown.body.detail).toBe('The Content-Encoding "xz" is not supported: send the body as is, or gzip, deflate or br.');
    });

    it('valid JSON that is not an object is a 400 that says so', async () => {
      const res = await gw.request('POST', '/api/v1/auth/login', { rawBody: 'null' });
      expectProblem(res, 400, 'malformed_json');
      expect(res.body.detail).toBe('The request body must be a JSON object, not null.');
      // a list passes the strict parser; it was a 400 `validation` "must be an object", not what docs/API.md §1 says
      for (const rawBody of ['[1]', '[]', '[{"amount":"1","reference":"r"}]']) {
        const list = await gw.request('POST', '/api/v1/test/payments', { token: adminToken, rawBody });
        expectProblem(list, 400, 'malformed_json');
        expect(list.body.detail).toBe('The request body must be a JSON object, not a list.');
      }
    });

    it('unknown fields are refused with their path', async () => {
      const res = await gw.request('POST', '/api/v1/test/payments', { token: adminToken, body: { amount: '1.00', reference: 'r', extra: 1, more: 2 } });
      expectProblem(res, 400, 'validation');
      expect(res.body.errors).toEqual([
        { path: '/extra', message: 'unknown field' },
        { path: '/more', message: 'unknown field' },
      ]);
    });

    it('a JSON number where money is expected is a 400 that says so', async () => {
      const res = await gw.request('POST', '/api/v1/test/payments', { token: adminToken, body: { amount: 12.5, reference: 'r' } });
      expectProblem(res, 400, 'validation');
      expect(res.body.errors).toHaveLength(1);
      expect(res.body.errors[0].path).toBe('/amount');
      expect(res.body.errors[0].message).toMatch(/decimal string.*got number/);
    });

    it('a malformed money string and wrong types are listed with paths', async () => {
      const res = await gw.request('POST', '/api/v1/test/payments', { token: adminToken, body: { amount: '1.0000001', reference: 7 } });
      expectProblem(res, 400, 'validation');
      expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/amount', '/reference']);
      expect(res.body.errors.find((e: { path: string }) => e.path === '/amount').message).toMatch(/6 decimal places/);
    });

    it('a missing field is "required" in plain words, not the validation library\'s text', async () => {
      const res = await gw.request('POST', '/api/v1/test/payments', { token: adminToken, body: { reference: 'r' } });
      expectProblem(res, 400, 'validation');
      expect(res.body.errors).toEqual([{ path: '/amount', message: 'is required' }]);
      expect(res.body.detail).toBe('The request body is invalid — amount: is required.');
      const wrong = await gw.request('POST', '/api/v1/test/payments', { token: adminToken, body: { amount: '1', reference: '' } });
      expect(wrong.body.errors).toEqual([{ path: '/reference', message: 'must be at least 1 character long' }]);
    });

    it('text with NUL or a lone surrogate is a 400 naming the field, in a body, a query or a path (before: accepted, then a 500 from the store)', async () => {
      const nul = await gw.request('POST', '/api/v1/test/payments', { token: adminToken, body: { amount: '1', reference: 'x\u0000y' } });
      expectProblem(nul, 400, 'validation');
      expect(nul.body.errors).toEqual([{ path: '/reference', message: 'must not contain the NUL character (U+0000)' }]);
      expect(nul.body.detail).toBe('The request body is invalid — reference: must not contain the NUL character (U+0000).');
      for (const text of ['\\ud800', 'a\\udfffb', '\\udc00\\ud800']) {
        const lone = await gw.request('POST', '/api/v1/test/payments', { token: adminToken, rawBody: `{"amount":"1","reference":"${text}"}` });
        expectProblem(lone, 400, 'validation');
        expect(lone.body.errors).toEqual([{ path: '/reference', message: expect.stringMatching(/unpaired UTF-16 surrogate/) }]);
      }
      const nested = await gw.request('POST', '/api/v1/test/payments', { token: adminToken, rawBody: '{"amount":"1","reference":"r","rows":[{"n\\u0000":1}]}' });
      expect(nested.body.errors).toEqual([{ path: '/rows/0', message: 'has a field name that must not contain the NUL character (U+0000)' }]);
      const query = await gw.request('GET', '/api/v1/test/list?limit=5&q=a%00b', { token: adminToken });
      expectProblem(query, 400, 'validation');
      expect(query.body.errors).toEqual([{ path: '/q', message: 'must not contain the NUL character (U+0000)' }]);
      const path = await gw.request('GET', '/api/v1/test/items/a%00b', { token: adminToken });
      expectProblem(path, 400, 'validation');
      expect(path.body.detail).toBe('The path is invalid — the segment "a%00b" must not contain the NUL character (U+0000).');
      const text = await gw.request('POST', '/api/v1/test/payments', { token: adminToken, rawBody: 'a\u0000b', headers: { 'content-type': 'text/plain' } });
      expectProblem(text, 400, 'validation');
      // a surrogate pair (an emoji) is text like any other
      const emoji = await gw.request('POST', '/api/v1/test/payments', { token: adminToken, body: { amount: '1', reference: 'ok \u{1F600}' } });
      expect(emoji.status).toBe(201);
      expect((await gw.request('GET', '/api/v1/test/items/abc', { token: adminToken })).body).toEqual({ id: 'abc' });
    });

    it('a missing body is a 400', async () => {
      expectProblem(await gw.request('POST', '/api/v1/test/payments', { token: adminToken }), 400, 'validation');
    });

    it('a text body sent to a JSON endpoint is a 415 that names the content type', async () => {
      const res = await gw.request('POST', '/api/v1/test/payments', { token: adminToken, rawBody: '{"amount":"1.00","reference":"r"}', headers: { 'content-type': 'text/plain' } });
      expectProblem(res, 415, 'unsupported_media_type');
      expect(res.body.detail).toMatch(/Content-Type: application\/json/);
    });

    it('query strings are validated too (strict, coerced)', async () => {
      expect((await gw.request('GET', '/api/v1/test/list?limit=5', { token: adminToken })).body).toEqual({ limit: 5 });
      expect((await gw.request('GET', '/api/v1/test/list', { token: adminToken })).body).toEqual({ limit: 20 });
      const res = await gw.request('GET', '/api/v1/test/list?limit=500&sort=x', { token: adminToken });
      expectProblem(res, 400, 'validation');
      expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['/limit', '/sort']);
    });

    it('an unknown route is a 404 problem that names the method and the path, with or without a token', async () => {
      for (const [method, path, token] of [['GET', '/api/v1/no-such-thing', adminToken], ['DELETE', '/api/v1/no-such-thing', undefined], ['GET', '/nowhere', undefined]] as const) {
        const res = await gw.request(method, `${path}?q=secret`, token === undefined ? {} : { token });
        expectProblem(res, 404, 'not_found');
        expect(res.body).toMatchObject({ detail: `There is no route ${method} ${path}; the API's routes are listed at /api/docs.`, method, path, instance: path });
      }
    });

    it('an oversized body is a 413 problem', async () => {
      const res = await gw.request('POST', '/api/v1/auth/login', { rawBody: JSON.stringify({ username: 'a', password: 'x'.repeat(1_100_000) }) });
      expectProblem(res, 413, 'payload_too_large');
      expect(res.body.detail).toBe('The request body is larger than 1 MiB.');
    });

    it('an unexpected error is a 500 that leaks nothing', async () => {
      const res = await gw.request('GET', '/api/v1/test/boom', { token: adminToken });
      expectProblem(res, 500, 'internal');
      expect(res.text).not.toMatch(/hunter2|secret internal/);
      expect(res.body.errorId).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('a concurrency conflict of the event store is a 409', async () => {
      expectProblem(await gw.request('GET', '/api/v1/test/conflict', { token: adminToken }), 409, 'concurrent_modification');
    });

    it('a rejected command keeps its status and code', async () => {
      const res = await gw.request('POST', '/api/v1/test/rejections', { token: adminToken, body: { amount: '5' } });
      expectProblem(res, 422, 'insufficient_balance');
      expect(res.body.detail).toBe('insufficient agent balance');
    });
  });

  describe('Idempotency-Key', () => {
    it('20 concurrent requests with one key and one body: executed once, 20 identical answers', async () => {
      const before = executions.payments;
      const key = randomUUID();
      const responses = await Promise.all(
        Array.from({ length: 20 }, () =>
          gw.request('POST', '/api/v1/test/payments', { token: adminToken, headers: { 'idempotency-key': key }, body: { amount: '10.50', reference: 'dep-1' } }),
        ),
      );
      expect(executions.payments - before).toBe(1);
      for (const res of responses) {
        expect(res.status).toBe(201);
        expect(res.text).toBe(responses[0]!.text);
      }
      expect(responses.filter((r) => r.headers.get(REPLAYED_HEADER) === 'true')).toHaveLength(19);
      expect(responses[0]!.body).toMatchObject({ amount: '10.50', by: 'admin', scopedKey: `admin:admin:${key}` });
    }, 30_000);

    it('holds across two gateway replicas (separate pools) sharing the database', async () => {
      const replica = await startGatewayTestApp({ databaseUrl: testDatabaseUrl(), schema: gw.schema, imports: [TestModule], dropSchemaOnClose: false });
      try {
        const before = executions.payments;
        const key = randomUUID();
        const responses = await Promise.all(
          Array.from({ length: 20 }, (_, i) =>
            (i % 2 === 0 ? gw : replica).request('POST', '/api/v1/test/payments', {
              token: agentToken,
              headers: { 'idempotency-key': key },
              body: { amount: '7', reference: 'replicas' },
            }),
          ),
        );
        expect(executions.payments - before).toBe(1);
        expect(new Set(responses.map((r) => `${r.status} ${r.text}`)).size).toBe(1);
      } finally {
        await replica.close();
      }
    }, 60_000);

    it('a later retry gets the first answer again; the same key with another body is a 422', async () => {
      const key = randomUUID();
      const first = await gw.request('POST', '/api/v1/test/payments', { token: agentToken, headers: { 'idempotency-key': key }, body: { amount: '1', reference: 'a' } });
      expect(first.status).toBe(201);
      const again = await gw.request('POST', '/api/v1/test/payments', { token: agentToken, headers: { 'idempotency-key': key }, body: { reference: 'a', amount: '1' } });
      expect(again.status).toBe(201);
      expect(again.text).toBe(first.text);
      const other = await gw.request('POST', '/api/v1/test/payments', { token: agentToken, headers: { 'idempotency-key': key }, body: { amount: '2', reference: 'a' } });
      expectProblem(other, 422, 'idempotency_key_reused');
    });

    it('keys are per caller: the same key from another caller runs again', async () => {
      const before = executions.payments;
      const key = randomUUID();
      const body = { amount: '3', reference: 'x' };
      const a = await gw.request('POST', '/api/v1/test/payments', { token: adminToken, headers: { 'idempotency-key': key }, body });
      const b = await gw.request('POST', '/api/v1/test/payments', { token: agentToken, headers: { 'idempotency-key': key }, body });
      expect([a.status, b.status]).toEqual([201, 201]);
      expect(a.body.paymentId).not.toBe(b.body.paymentId);
      expect(executions.payments - before).toBe(2);
    });

    it('a replayed body that says whether it is a repeat says so, as the Idempotent-Replayed header does', async () => {
      const key = randomUUID();
      const send = () => gw.request('POST', '/api/v1/test/repeatable', { token: adminToken, headers: { 'idempotency-key': key }, body: { amount: '2' } });
      const first = await send();
      const again = await send();
      expect([first.status, first.headers.get(REPLAYED_HEADER), first.body.repeated]).toEqual([201, null, false]);
      expect([again.status, again.headers.get(REPLAYED_HEADER), again.body.repeated]).toEqual([201, 'true', true]);
      expect({ ...again.body, repeated: false }).toEqual(first.body);
    });

    it('a rejection is the answer too: replayed, not re-executed', async () => {
      const before = executions.rejections;
      const key = randomUUID();
      const first = await gw.request('POST', '/api/v1/test/rejections', { token: adminToken, headers: { 'idempotency-key': key }, body: { amount: '5' } });
      const again = await gw.request('POST', '/api/v1/test/rejections', { token: adminToken, headers: { 'idempotency-key': key }, body: { amount: '5' } });
      expectProblem(first, 422, 'insufficient_balance');
      expectProblem(again, 422, 'insufficient_balance');
      expect(again.headers.get(REPLAYED_HEADER)).toBe('true');
      expect(again.body).toEqual(first.body);
      expect(executions.rejections - before).toBe(1);
    });

    it('an invalid body does not use up the key', async () => {
      const key = randomUUID();
      expectProblem(
        await gw.request('POST', '/api/v1/test/payments', { token: adminToken, headers: { 'idempotency-key': key }, body: { amount: 5, reference: 'r' } }),
        400,
        'validation',
      );
      const fixed = await gw.request('POST', '/api/v1/test/payments', { token: adminToken, headers: { 'idempotency-key': key }, body: { amount: '5', reference: 'r' } });
      expect(fixed.status).toBe(201);
    });

    it('a claim left by a crashed executor is taken over once its lease ran out', async () => {
      const key = randomUUID();
      const body = { amount: '4', reference: 'crash' };
      const requestHashOf = requestHash({ method: 'POST', originalUrl: '/api/v1/test/payments', body });
      await gw.pool.query(
        `INSERT INTO ${gw.schema}.idempotency_keys (subject, key, request_hash, method, path, state, owner_token, lease_until)
         VALUES ('admin:admin', $1, $2, 'POST', '/api/v1/test/payments', 'in_progress', $3, now() - interval '1 second')`,
        [key, requestHashOf, randomUUID()],
      );
      const before = executions.payments;
      const res = await gw.request('POST', '/api/v1/test/payments', { token: adminToken, headers: { 'idempotency-key': key }, body });
      expect(res.status).toBe(201);
      expect(executions.payments - before).toBe(1);
    });

    it('expired keys are deleted after the retention', async () => {
      const key = randomUUID();
      await gw.request('POST', '/api/v1/test/payments', { token: adminToken, headers: { 'idempotency-key': key }, body: { amount: '1', reference: 'old' } });
      await gw.pool.query(`UPDATE ${gw.schema}.idempotency_keys SET created_at = now() - interval '25 hours' WHERE key = $1`, [key]);
      expect(await gw.app.get(IdempotencyStore).deleteExpired()).toBeGreaterThanOrEqual(1);
      const reused = await gw.request('POST', '/api/v1/test/payments', { token: adminToken, headers: { 'idempotency-key': key }, body: { amount: '2', reference: 'new' } });
      expect(reused.status).toBe(201);
    });

    it('refuses an overlong key', async () => {
      const res = await gw.request('POST', '/api/v1/test/payments', { token: adminToken, headers: { 'idempotency-key': 'k'.repeat(256) }, body: { amount: '1', reference: 'r' } });
      expectProblem(res, 400, 'invalid_idempotency_key');
    });
  });

  describe('health and OpenAPI', () => {
    it('GET /health is public and ok', async () => {
      const res = await gw.request('GET', '/health');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'ok', database: { status: 'up' }, transport: { mode: 'in-process', status: 'up' } });
    });

    it('serves the UI and a document with bearer auth and the zod-derived login body', async () => {
      const ui = await gw.request('GET', '/api/docs');
      expect(ui.status).toBe(200);
      expect(ui.contentType).toMatch(/text\/html/);
      const doc = (await gw.request('GET', '/api/docs-json')).body;
      expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
      expect(doc.components.securitySchemes.switchBasic).toMatchObject({ type: 'http', scheme: 'basic' });
      expect(doc.paths['/api/v1/test/switch-only'].get.security).toEqual(expect.arrayContaining([{ switchBasic: [] }]));
      expect(JSON.stringify(doc.paths['/api/v1/test/admin-only'].get.security)).not.toContain('switchBasic');
      const login = doc.paths['/api/v1/auth/login'].post;
      expect(login.security).toEqual([{}]);
      const schema = login.requestBody.content['application/json'].schema;
      expect(schema).toMatchObject({ type: 'object', required: ['username', 'password'], additionalProperties: false });
      const payment = doc.paths['/api/v1/test/payments'].post;
      expect(payment.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Idempotency-Key', in: 'header' })]));
      expect(doc.paths['/health'].get).toBeDefined();
      expect(doc.paths['/api/v1/test/list'].get.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'limit', in: 'query' })]));
    });
  });
});
