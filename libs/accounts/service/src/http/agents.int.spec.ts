// Agents through the public API on a real PostgreSQL: registration with a portal login, every
// kind of bad input refused with problem+json and nothing written, changes with their audit
// trail, who may see an agent, and concurrent registrations of one username.
import { jest } from '@jest/globals';
import { accountsTestAppPerFile } from '../__fixtures__/accounts-test-app.js';
import { agentBody, expectProblem, expectStatus, registerAgent } from '../__fixtures__/scenario.js';

jest.setTimeout(60_000);

const app = accountsTestAppPerFile();

describe('POST /agents', () => {
  it('registers an agent whose portal login works, with money and percent as strings', async () => {
    const agent = await registerAgent(app, { commissionPercent: '7.25', lowBalanceThreshold: '100.5' });
    expect(agent.view).toMatchObject({ commissionPercent: '7.25', lowBalanceThreshold: '100.5', rateSheetId: 'sheet-base', status: 'active', username: agent.username });
    const me = await app.request('GET', '/api/v1/auth/me', { token: agent.token });
    expect(me.body).toMatchObject({ role: 'agent', subjectId: agent.id });
  });

  it.each([
    ['an unknown field', { isVip: true }, '/isVip'],
    ['a JSON number as percent', { commissionPercent: 12.5 }, '/commissionPercent'],
    ['a percent over 100', { commissionPercent: '100.01' }, '/commissionPercent'],
    ['a negative percent', { commissionPercent: '-1' }, '/commissionPercent'],
    ['a bad e-mail', { contactEmail: 'not-an-address' }, '/contactEmail'],
    ['a JSON number as threshold', { lowBalanceThreshold: 50 }, '/lowBalanceThreshold'],
    ['a name of the wrong type', { name: 42 }, '/name'],
    ['a short password', { password: 'short' }, '/password'],
    ['seven decimals', { lowBalanceThreshold: '1.1234567' }, '/lowBalanceThreshold'],
  ])('refuses %s with a 400 problem naming the field, and writes nothing', async (_what, overrides, path) => {
    const before = await app.count('events');
    const res = await app.request('POST', '/api/v1/agents', { token: app.adminToken, body: agentBody(overrides) });
    expectProblem(res, 400, 'validation');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(await app.count('events')).toBe(before);
  });

  it('refuses a malformed or reserved username with 422 and writes nothing', async () => {
    const before = await app.count('events');
    expectProblem(await app.request('POST', '/api/v1/agents', { token: app.adminToken, body: agentBody({ username: 'has space' }) }), 422, 'invalid_username');
    expectProblem(await app.request('POST', '/api/v1/agents', { token: app.adminToken, body: agentBody({ username: '1234567890' }) }), 422, 'username_reserved');
    expect(await app.count('events')).toBe(before);
  });

  it('refuses the admin username (held by a gateway login)', async () => {
    expectProblem(await app.request('POST', '/api/v1/agents', { token: app.adminToken, body: agentBody({ username: 'Admin' }) }), 409, 'username_taken');
  });

  it('is for admins only', async () => {
    const agent = await registerAgent(app);
    expectProblem(await app.request('POST', '/api/v1/agents', { token: agent.token, body: agentBody() }), 403, 'forbidden');
    expectProblem(await app.request('POST', '/api/v1/agents', { body: agentBody() }), 401);
  });

  it('lets exactly one of concurrent registrations of one username through', async () => {
    const body = agentBody();
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => app.request('POST', '/api/v1/agents', { token: app.adminToken, body: { ...body, name: `Twin ${i}` } })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    for (const res of results.filter((r) => r.status === 409)) expectProblem(res, 409, 'username_taken');
    const { rows } = await app.pool.query(`SELECT count(*)::int AS n FROM "${app.schema}".agents WHERE username = $1`, [body.username]);
    expect(rows[0].n).toBe(1);
    const winner = results.find((r) => r.status === 201)!;
    const login = await app.request('POST', '/api/v1/auth/login', { body: { username: body.username, password: body.password } });
    expect(login.body.subjectId).toBe(winner.body.id);
  });

  it('answers a retried request with the same Idempotency-Key with the same agent', async () => {
    const body = agentBody();
    const headers = { 'Idempotency-Key': `register-${body.username}` };
    const first = await app.request('POST', '/api/v1/agents', { token: app.adminToken, body, headers });
    const again = await app.request('POST', '/api/v1/agents', { token: app.adminToken, body, headers });
    expectStatus(first, 201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
  });
});

describe('GET /agents', () => {
  it('pages through agents with a cursor', async () => {
    for (let i = 0; i < 3; i++) await registerAgent(app);
    const seen = new Set<string>();
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor === null ? '?limit=2' : `?limit=2&cursor=${cursor}`;
      const res = await app.request('GET', `/api/v1/agents${query}`, { token: app.adminToken });
      expectStatus(res, 200);
      for (const agent of res.body.items) seen.add(agent.id);
      cursor = res.body.nextCursor;
      pages += 1;
    } while (cursor !== null && pages < 50);
    expect(seen.size).toBe(await app.count('agents'));
    expectProblem(await app.request('GET', '/api/v1/agents?cursor=garbage', { token: app.adminToken }), 400, 'invalid_cursor');
    expectProblem(await app.request('GET', '/api/v1/agents?limit=0', { token: app.adminToken }), 400, 'validation');
  });

  it('shows an agent to itself and to admins only; another agent gets 404', async () => {
    const a = await registerAgent(app);
    const b = await registerAgent(app);
    expectStatus(await app.request('GET', `/api/v1/agents/${a.id}`, { token: a.token }), 200);
    expectProblem(await app.request('GET', `/api/v1/agents/${a.id}`, { token: b.token }), 404, 'not_found');
    expectProblem(await app.request('GET', '/api/v1/agents', { token: a.token }), 403);
  });
});

describe('PATCH /agents/{id}', () => {
  it('changes commission, rate sheet and contact, and keeps who changed what in the audit trail', async () => {
    const agent = await registerAgent(app, { commissionPercent: '10' });
    const res = await app.request('PATCH', `/api/v1/agents/${agent.id}`, {
      token: app.adminToken,
      body: { commissionPercent: '15.5', rateSheetId: 'sheet-gold', contactEmail: 'New@Agent.Example' },
    });
    expectStatus(res, 200);
    expect(res.body).toMatchObject({ commissionPercent: '15.5', rateSheetId: 'sheet-gold', contactEmail: 'New@agent.example' });

    // the same PATCH again changes nothing and adds nothing to the trail
    expectStatus(await app.request('PATCH', `/api/v1/agents/${agent.id}`, { token: app.adminToken, body: { commissionPercent: '15.5' } }), 200);

    const trail = await app.request('GET', `/api/v1/agents/${agent.id}/changes`, { token: agent.token });
    expectStatus(trail, 200);
    expect(trail.body.items.map((e: { type: string }) => e.type)).toEqual(['AgentRegistered', 'AgentCommissionChanged', 'AgentRateSheetChanged', 'AgentContactUpdated']);
    expect(trail.body.items[1]).toMatchObject({ actor: 'admin:admin', changes: { commissionPercent: { from: '10', to: '15.5' } } });
    expect(trail.body.items[2].changes).toEqual({ rateSheetId: { from: 'sheet-base', to: 'sheet-gold' } });
  });

  it('refuses bad input with problem+json and changes nothing', async () => {
    const agent = await registerAgent(app);
    const before = await app.count('events');
    for (const body of [{}, { commissionPercent: '101' }, { commissionPercent: 5 }, { contactEmail: 'x@' }, { status: 'suspended' }]) {
      expectProblem(await app.request('PATCH', `/api/v1/agents/${agent.id}`, { token: app.adminToken, body }), 400, 'validation');
    }
    expectProblem(await app.request('PATCH', `/api/v1/agents/${agent.id}`, { token: agent.token, body: { commissionPercent: '90' } }), 403);
    expectProblem(await app.request('PATCH', '/api/v1/agents/no-such-agent', { token: app.adminToken, body: { commissionPercent: '9' } }), 404, 'agent_not_found');
    expect(await app.count('events')).toBe(before);
  });

  it('suspends and reactivates an agent', async () => {
    const agent = await registerAgent(app);
    const suspended = await app.request('POST', `/api/v1/agents/${agent.id}/suspend`, { token: app.adminToken, body: { reason: 'unpaid invoice' } });
    expect(suspended.body.status).toBe('suspended');
    const active = await app.request('POST', `/api/v1/agents/${agent.id}/reactivate`, { token: app.adminToken });
    expect(active.body.status).toBe('active');
  });
});
