// Issue 13, "at once to rating": after the 2xx of an accounts command on a customer rating already
// knows, rating decides with the change — a feature set, a trunk address, a SIP user suspended or
// reactivated, the customer suspended, a CallerID approved. Not a directory miss (the customer is
// known), so it is accounts that waits before it answers until rating has applied the command's
// events (ConsumersAtOnce → RatingAccountsCatchUp). Each step is fired immediately after the
// answer before it — no sleep, no polling — many times, with the real accounts consumer running.
import { TEST_SWITCH_API_KEY } from '@billing/gateway';
import { jest } from '@jest/globals';
import { uniqueName } from '@billing/testing';
import { asOn, moneyPathAppPerFile } from './__fixtures__/money-path-app.js';

jest.setTimeout(180_000);

const ROUNDS = 20;
const app = moneyPathAppPerFile('ao');

beforeAll(async () => {
  const rows = [
    { prefix: '44', destination: 'United Kingdom', intervals: [{ startSecond: 0, ratePerMinute: '0.10', incrementSeconds: 60 }] },
    { prefix: '1', destination: 'USA', intervals: [{ startSecond: 0, ratePerMinute: '0.05', incrementSeconds: 60 }] },
  ];
  expect((await as(app.admin)('POST', '/rate-sheets', { sheetId: 'ao-base', name: 'Base', effectiveFrom: '2020-01-01T00:00:00Z', rows })).status).toBe(201);
});

const as = asOn(app);
const itc = (method: string, path: string, body?: unknown) => as(app.admin)(method, path, body);
let calls = 0;
const authorize = async (request: { account?: string; sipUsername?: string; sourceIp?: string; callerId?: string; destination: string }) => {
  const res = await as(TEST_SWITCH_API_KEY)('POST', '/switch/authorize', { callId: `ao-${(calls += 1)}`, callerId: '', ...request });
  expect(res.status).toBe(200);
  return res.body as { allowed: boolean; reason: string | null; callerId: string | null };
};

/** A customer rating has seen (one authorization made it known) with plenty of balance. */
async function knownCustomer(): Promise<{ id: string; accountNumber: string; sipUsername: string }> {
  const profile = await itc('POST', '/customer-profiles', { name: `AO ${uniqueName('p')}`, billingType: 'prepaid', rateSheetId: 'ao-base', initialBalance: '5000', maxConcurrentCalls: 200 });
  expect(profile.status).toBe(201);
  const opened = await itc('POST', '/customers', { profileId: profile.body.id });
  expect(opened.status).toBe(201);
  const customer = opened.body.customer as { id: string; accountNumber: string; sipUsername: string };
  expect(await authorize({ account: customer.accountNumber, destination: '+442079460958' })).toMatchObject({ allowed: true });
  return customer;
}

it(`a feature change decides the next call (${ROUNDS}×)`, async () => {
  const { id, accountNumber } = await knownCustomer();
  for (let round = 1; round <= ROUNDS; round += 1) {
    const international = round % 2 === 0;
    expect((await itc('PATCH', `/customers/${id}/features`, { internationalCalls: international, homeCountryCode: '44' })).status).toBe(200);
    const abroad = await authorize({ account: accountNumber, destination: '+12125550100' });
    expect({ round, allowed: abroad.allowed, reason: abroad.reason }).toEqual({ round, allowed: international, reason: international ? null : 'feature_international_calls_not_assigned' });
  }
});

it(`a trunk address just added authorizes and rates its calls, and one just removed no longer does (${ROUNDS}×)`, async () => {
  const { id } = await knownCustomer();
  for (let round = 1; round <= ROUNDS; round += 1) {
    const sourceIp = `198.51.100.${round}`;
    expect((await itc('POST', `/customers/${id}/trunk-addresses`, { address: sourceIp })).status).toBe(201);
    const start = new Date(Date.now() - 120_000);
    const cdr = await as(TEST_SWITCH_API_KEY)('POST', '/switch/cdrs', {
      callId: `ao-trunk-${round}`,
      sourceIp,
      callerId: '',
      destination: '+442079460958',
      startedAt: start.toISOString(),
      answeredAt: new Date(start.getTime() + 5_000).toISOString(),
      endedAt: new Date(start.getTime() + 65_000).toISOString(),
      billsec: 60,
      disposition: 'answered',
    });
    expect({ round, status: cdr.status, callStatus: cdr.body.status, reason: cdr.body.reason }).toEqual({ round, status: 200, callStatus: 'rated', reason: null });
    expect({ round, ...(await authorize({ sourceIp, destination: '+442079460958' })) }).toMatchObject({ round, allowed: true });
    expect((await itc('DELETE', `/customers/${id}/trunk-addresses?address=${sourceIp}`)).status).toBe(204);
    expect({ round, ...(await authorize({ sourceIp, destination: '+442079460958' })) }).toMatchObject({ round, allowed: false, reason: 'unknown_source_address' });
  }
});

it(`a SIP user suspended a moment ago is refused, also by authorizations fired together, and one reactivated calls again (${ROUNDS}×)`, async () => {
  const { id, accountNumber } = await knownCustomer();
  const sipUsername = `ao-${uniqueName('u').slice(-12)}`.toLowerCase();
  expect((await itc('POST', `/customers/${id}/sip-users`, { sipUsername })).status).toBe(201);
  const call = () => authorize({ account: accountNumber, sipUsername, destination: '+442079460958' });
  for (let round = 1; round <= ROUNDS; round += 1) {
    expect((await itc('POST', `/customers/${id}/sip-users/${sipUsername}/reactivate`)).status).toBe(200);
    expect({ round, ...(await call()) }).toMatchObject({ round, allowed: true });
    expect((await itc('POST', `/customers/${id}/sip-users/${sipUsername}/suspend`)).status).toBe(200);
    const together = await Promise.all([call(), call(), call(), call()]);
    expect({ round, answers: together.map((answer) => answer.reason) }).toEqual({ round, answers: Array(4).fill('sip_user_suspended') });
  }
});

it(`a customer suspended a moment ago is refused, and calls again once reactivated (${ROUNDS}×)`, async () => {
  const { id, accountNumber } = await knownCustomer();
  for (let round = 1; round <= ROUNDS; round += 1) {
    expect((await itc('POST', `/customers/${id}/suspend`, {})).status).toBe(200);
    expect({ round, ...(await authorize({ account: accountNumber, destination: '+442079460958' })) }).toMatchObject({ round, allowed: false, reason: 'account_suspended' });
    expect((await itc('POST', `/customers/${id}/reactivate`)).status).toBe(200);
    expect({ round, ...(await authorize({ account: accountNumber, destination: '+442079460958' })) }).toMatchObject({ round, allowed: true });
  }
});

it(`a CallerID added by ITC is presented on the next call, one removed no longer (${ROUNDS}×)`, async () => {
  const { id, accountNumber } = await knownCustomer();
  for (let round = 1; round <= ROUNDS; round += 1) {
    const callerId = `+4420794600${String(round).padStart(2, '0')}`;
    expect((await itc('POST', `/customers/${id}/caller-ids`, { callerId })).status).toBe(200);
    expect({ round, ...(await authorize({ account: accountNumber, callerId, destination: '+442079460958' })) }).toMatchObject({ round, allowed: true, callerId });
    expect((await itc('DELETE', `/customers/${id}/caller-ids/${encodeURIComponent(callerId)}`)).status).toBe(200);
    expect({ round, ...(await authorize({ account: accountNumber, callerId, destination: '+442079460958' })) }).toMatchObject({ round, allowed: true, callerId: null });
  }
});
