// The OpenAPI document against what the routes really answer (acceptance finding H): the standalone
// wiring on real PostgreSQL, a tour of refusals each route can give (unknown ids, closed customers,
// domain rules, malformed money, cursors and CDRs), and at the end every (method, route, status,
// code) the problem filter answered must be listed in the document of the same app. A route whose
// @ApiProblemResponse forgets a refusal it really gives fails here, unlike in the contract test
// that reads the decorators only.
import { TEST_SWITCH_API_KEY } from '@billing/gateway';
import { jest } from '@jest/globals';
import { asOn, moneyPathAppPerFile } from './__fixtures__/money-path-app.js';

jest.setTimeout(120_000);

const app = moneyPathAppPerFile('pa');

beforeAll(async () => {
  const rows = [{ prefix: '44', destination: 'United Kingdom', intervals: [{ startSecond: 0, ratePerMinute: '0.10', incrementSeconds: 60 }] }];
  expect((await as(app.admin)('POST', '/rate-sheets', { sheetId: 'pa-base', name: 'Base', effectiveFrom: '2020-01-01T00:00:00Z', rows })).status).toBe(201);
});

const as = asOn(app);
const expectCode = (res: { status: number; body: any }, status: number, code: string) => expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });

it('answers the refusals the acceptance run met, and the document lists each of them', async () => {
  const itc = as(app.admin);
  const sw = as(TEST_SWITCH_API_KEY);
  // agents
  const agentBody = { name: 'Agent PA', contactEmail: 'pa@example.com', commissionPercent: '10', rateSheetId: 'pa-base', username: 'agent-pa', password: 'Correct-Horse-9' };
  expectCode(await itc('POST', '/agents', { ...agentBody, rateSheetId: 'no-such-sheet' }), 422, 'rate_sheet_not_found');
  expectCode(await itc('POST', '/agents', { ...agentBody, username: '12345' }), 422, 'username_reserved');
  // a weak password (acceptance G) is refused before the agent exists: the same request with a good one then succeeds
  const weak = await itc('POST', '/agents', { ...agentBody, password: 'aaaaaaaaaa' });
  expectCode(weak, 422, 'weak_password');
  expect(weak.body.detail).toMatch(/at least 5 different characters/);
  const agent = await itc('POST', '/agents', agentBody);
  expect(agent.status).toBe(201);
  expectCode(await itc('PATCH', '/agents/no-such-agent', { name: 'x' }), 404, 'agent_not_found');
  // NUL and lone surrogates (acceptance A: each of these was a 500) are a 400 naming the field, on every route
  const agentId = (agent.body.id ?? agent.body.agentId) as string;
  for (const [method, path, body, field] of [
    ['POST', `/agents/${agentId}/deposits`, { amount: '1', reference: 'x\u0000y' }, '/reference'],
    ['POST', `/agents/${agentId}/deposits`, { amount: '1', reference: '\ud800' }, '/reference'],
    ['POST', '/rate-sheets/pa-base/derived', { sheetId: 'pa-derived', name: 'x\u0000y', markupPercent: '10' }, '/name'],
  ] as const) {
    const refused = await itc(method, path, body);
    expect({ status: refused.status, code: refused.body.code, errors: refused.body.errors }).toEqual({ status: 400, code: 'validation', errors: [{ path: field, message: expect.stringMatching(/NUL|surrogate/) }] });
  }
  const nulCall = await as(TEST_SWITCH_API_KEY)('POST', '/switch/authorize', { callId: 'x\u0000y', account: '1000000001', destination: '+442079460958' });
  expect({ status: nulCall.status, path: nulCall.body.errors?.[0]?.path }).toEqual({ status: 400, path: '/callId' });
  expectCode(await itc('POST', '/agents/no-such-agent/suspend', {}), 404, (await itc('POST', '/agents/no-such-agent/suspend', {})).body.code);

  // profiles
  const profileBody = { name: 'PA prepaid', billingType: 'prepaid', rateSheetId: 'pa-base', initialBalance: '10', maxConcurrentCalls: 2 };
  expectCode(await itc('POST', '/customer-profiles', { ...profileBody, billingType: 'postpaid' }), 422, 'credit_limit_required');
  expectCode(await itc('POST', '/customer-profiles', { ...profileBody, rateSheetId: 'no-such-sheet' }), 422, 'rate_sheet_not_found');
  const profile = await itc('POST', '/customer-profiles', profileBody);
  expect(profile.status).toBe(201);
  expect((await itc('POST', '/customer-profiles/no-such-profile/archive', {})).status).toBe(404);

  // customers
  expectCode(await itc('POST', '/customers', { profileId: 'no-such-profile' }), 404, 'profile_not_found');
  expectCode(await itc('POST', '/customers', { profileId: profile.body.id, portalUsername: '987654' }), 422, 'username_reserved');
  const agentToken = await app.gw.login('agent-pa', 'Correct-Horse-9');
  const agentProfile = await as(agentToken)('POST', '/customer-profiles', profileBody);
  expect(agentProfile.status).toBe(201);
  expectCode(await as(agentToken)('POST', '/customers', { profileId: agentProfile.body.id }), 409, 'insufficient_funds');
  const opened = await itc('POST', '/customers', { profileId: profile.body.id });
  expect(opened.status).toBe(201);
  const { id, accountNumber } = opened.body.customer as { id: string; accountNumber: string };
  expectCode(await itc('GET', '/customers/no-such-customer'), 404, (await itc('GET', '/customers/no-such-customer')).body.code);
  expectCode(await itc('GET', '/customers?cursor=garbage'), 400, 'invalid_cursor');
  // one code for every bad amount (finding D): before, "0.0000001", "01" and full-width digits were invalid_money, "0" and "-1" validation
  for (const amount of ['0.0000001', '01', '１２', '0', '-1']) {
    const deposit = await itc('POST', `/customers/${id}/deposits`, { amount, reference: 'r' });
    expectCode(deposit, 400, 'validation');
    expect(deposit.body.errors).toEqual([{ path: '/amount', message: expect.any(String) }]);
  }
  const noReference = await itc('POST', `/customers/${id}/deposits`, { amount: '1' });
  expectCode(noReference, 400, 'validation');
  expect(noReference.body.detail).toBe('The request body is invalid — reference: is required for a manual deposit.');
  expectCode(await itc('PUT', `/customers/${id}/follow-me`, { enabled: true, targets: [{ destination: '+442079460958', ringSeconds: 20 }, { destination: '+442079460958', ringSeconds: 20 }] }), 422, 'duplicate_follow_me_destination');
  expect((await itc('POST', `/customers/${id}/close`, {})).status).toBeLessThan(300);
  expectCode(await itc('POST', `/customers/${id}/reactivate`, {}), 409, 'customer_closed');
  expectCode(await itc('PATCH', `/customers/${id}/settings`, { language: 'en' }), 409, 'customer_closed');
  expectCode(await itc('POST', `/customers/${id}/sip-password`, {}), 409, 'customer_closed');

  // rating and the switch
  expect((await itc('GET', '/calls/no-such-call')).status).toBe(404);
  expect((await sw('GET', '/switch/directory/no-such-user')).status).toBe(404);
  expectCode(await sw('POST', '/switch/cdrs', { callId: 'pa-1', account: accountNumber, destination: '+442079460958', startedAt: 'yesterday' }), 400, 'invalid_cdr');

  expect(app.gw.undocumentedProblems()).toEqual([]);
});

it('a CDR dated in the future is refused (422 cdr_in_future, nothing charged); a replayed CDR says duplicate: true as its header says', async () => {
  const itc = as(app.admin);
  const sw = as(TEST_SWITCH_API_KEY);
  const profile = await itc('POST', '/customer-profiles', { name: 'PA cdrs', billingType: 'prepaid', rateSheetId: 'pa-base', initialBalance: '10', maxConcurrentCalls: 2 });
  const opened = await itc('POST', '/customers', { profileId: profile.body.id });
  const { id, accountNumber } = opened.body.customer as { id: string; accountNumber: string };
  const cdr = (callId: string, start: Date) => ({
    callId,
    account: accountNumber,
    callerId: '',
    destination: '+442079460958',
    startedAt: start.toISOString(),
    answeredAt: new Date(start.getTime() + 5_000).toISOString(),
    endedAt: new Date(start.getTime() + 65_000).toISOString(),
    billsec: 60,
    disposition: 'answered',
  });
  const future = await sw('POST', '/switch/cdrs', cdr('pa-future', new Date('2030-01-01T00:00:00Z')));
  expectCode(future, 422, 'cdr_in_future');
  expect(future.body.detail).toMatch(/later than now .* plus the 300 s/);
  const batch = await sw('POST', '/switch/cdrs', { cdrs: [cdr('pa-future-2', new Date('2030-01-01T00:00:00Z'))] });
  expect(batch.body.results[0]).toMatchObject({ status: 'rejected', code: 'cdr_in_future', duplicate: false });
  expect((await itc('GET', `/customers/${id}/balance`)).body).toMatchObject({ balance: '10' });

  const key = { 'idempotency-key': 'pa-cdr-key-1' };
  const body = cdr('pa-now', new Date(Date.now() - 120_000));
  const first = await app.gw.request('POST', '/api/v1/switch/cdrs', { token: TEST_SWITCH_API_KEY, headers: key, body });
  const again = await app.gw.request('POST', '/api/v1/switch/cdrs', { token: TEST_SWITCH_API_KEY, headers: key, body });
  expect([first.status, first.headers.get('idempotent-replayed'), first.body.duplicate]).toEqual([200, null, false]);
  expect([again.status, again.headers.get('idempotent-replayed'), again.body.duplicate]).toEqual([200, 'true', true]);
  expect({ ...again.body, duplicate: false }).toEqual(first.body);
  // without a key the same CDR is a duplicate too: both paths agree
  expect((await sw('POST', '/switch/cdrs', body)).body.duplicate).toBe(true);
  const batchKey = { 'idempotency-key': 'pa-cdr-key-2' };
  const batchBody = { cdrs: [cdr('pa-b1', new Date(Date.now() - 120_000)), { callId: 'pa-b2' }] };
  const firstBatch = await app.gw.request('POST', '/api/v1/switch/cdrs', { token: TEST_SWITCH_API_KEY, headers: batchKey, body: batchBody });
  const againBatch = await app.gw.request('POST', '/api/v1/switch/cdrs', { token: TEST_SWITCH_API_KEY, headers: batchKey, body: batchBody });
  expect(firstBatch.body.results.map((r: { duplicate: boolean }) => r.duplicate)).toEqual([false, false]);
  expect(againBatch.body.results.map((r: { status: string; duplicate: boolean }) => [r.status, r.duplicate])).toEqual([['rated', true], ['invalid', false]]);
  expect(againBatch.body.counts).toEqual({ duplicate: 1, invalid: 1 });
  expect(app.gw.undocumentedProblems()).toEqual([]);
});
