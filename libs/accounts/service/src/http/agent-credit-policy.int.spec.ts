// The postpaid credit an agent grants is bounded by the limit ITC sets on that agent
// (maxCustomerCreditLimit, default 0 = none), on every path: the agent's profiles (create, PATCH),
// its openings (whichever profile they come from) and PATCH /customers/{id}. ITC is not bounded.
// A refusal is a 403 with a code that says why, and changes nothing.
import { jest } from '@jest/globals';
import { accountsTestAppPerFile, type AccountsTestApp } from '../__fixtures__/accounts-test-app.js';
import { createProfile, expectProblem, expectStatus, openCustomer, registerAgent } from '../__fixtures__/scenario.js';

jest.setTimeout(60_000);

const app = accountsTestAppPerFile();

const postpaid = (creditLimit: string) => ({ name: `Postpaid ${creditLimit}`, billingType: 'postpaid', creditLimit, initialBalance: '0' });
const aboveMaximum = (res: Awaited<ReturnType<AccountsTestApp['request']>>, limit: string, maximum: string) => {
  expectProblem(res, 403, 'credit_limit_above_agent_maximum');
  expect(res.body.detail).toBe(`credit limit ${limit} is above the ${maximum} ITC allows this agent to grant a customer`);
};

describe("an agent's postpaid credit", () => {
  it('is none until ITC sets a limit: the reported 1 000 000 profile is refused and nothing is created', async () => {
    const agent = await registerAgent(app);
    expect(agent.view).toMatchObject({ maxCustomerCreditLimit: '0', customersMayAddCallerIds: true });
    const before = await app.count('events');
    aboveMaximum(await app.request('POST', '/api/v1/customer-profiles', { token: agent.token, body: postpaid('1000000') }), '1000000', '0');
    expect(await app.count('events')).toBe(before);
    expect(await app.count('customer_profiles')).toBe(0);
    // a postpaid profile without credit is still fine
    expectStatus(await app.request('POST', '/api/v1/customer-profiles', { token: agent.token, body: postpaid('0') }), 201);
  });

  it('is bounded by the limit ITC sets, on profiles, openings and customer changes', async () => {
    const agent = await registerAgent(app, { maxCustomerCreditLimit: '50' });
    expect(agent.view.maxCustomerCreditLimit).toBe('50');
    const profile = await createProfile(app, agent.token, postpaid('50'));
    aboveMaximum(await app.request('POST', '/api/v1/customer-profiles', { token: agent.token, body: postpaid('50.000001') }), '50.000001', '50');
    aboveMaximum(await app.request('PATCH', `/api/v1/customer-profiles/${profile}`, { token: agent.token, body: { creditLimit: '75' } }), '75', '50');
    expect((await app.request('GET', `/api/v1/customer-profiles/${profile}`, { token: agent.token })).body.creditLimit).toBe('50');

    const { customer } = await openCustomer(app, agent.token, { profileId: profile });
    const patch = (creditLimit: string) => app.request('PATCH', `/api/v1/customers/${customer.id}`, { token: agent.token, body: { creditLimit } });
    expect((await patch('40')).body.creditLimit).toBe('40');
    aboveMaximum(await patch('60'), '60', '50');
    expect((await app.request('GET', `/api/v1/customers/${customer.id}`, { token: agent.token })).body.creditLimit).toBe('40');

    // ITC lowers the limit: the agent's older profile no longer opens customers above it
    expectStatus(await app.request('PATCH', `/api/v1/agents/${agent.id}`, { token: app.adminToken, body: { maxCustomerCreditLimit: '20' } }), 200);
    const customers = await app.count('customers');
    aboveMaximum(await app.request('POST', '/api/v1/customers', { token: agent.token, body: { profileId: profile } }), '50', '20');
    expect(await app.count('customers')).toBe(customers);
  });

  it("applies to ITC's profiles too when the agent opens from them; ITC itself is not bounded", async () => {
    const agent = await registerAgent(app, { maxCustomerCreditLimit: '10' });
    const itcProfile = await createProfile(app, app.adminToken, postpaid('100'));
    aboveMaximum(await app.request('POST', '/api/v1/customers', { token: agent.token, body: { profileId: itcProfile } }), '100', '10');
    const { customer } = await openCustomer(app, app.adminToken, { profileId: itcProfile, agentId: agent.id });
    expect((await app.request('PATCH', `/api/v1/customers/${customer.id}`, { token: app.adminToken, body: { creditLimit: '1000' } })).body.creditLimit).toBe('1000');
  });

  it('is set by ITC only: the agent cannot raise its own limit', async () => {
    const agent = await registerAgent(app);
    const res = await app.request('PATCH', `/api/v1/agents/${agent.id}`, { token: agent.token, body: { maxCustomerCreditLimit: '1000000' } });
    expectProblem(res, 403, 'itc_only');
    expect(res.body.detail).toBe("an agent's maximum customer credit limit is set by ITC only");
    expect((await app.request('GET', `/api/v1/agents/${agent.id}`, { token: agent.token })).body.maxCustomerCreditLimit).toBe('0');
    const audit = await app.request('GET', `/api/v1/agents/${agent.id}/changes`, { token: app.adminToken });
    expect(audit.body.items.map((entry: { type: string }) => entry.type)).toEqual(['AgentRegistered']);
  });

  it('refuses a negative maximum and a JSON number (nothing changes)', async () => {
    const agent = await registerAgent(app);
    expectProblem(await app.request('PATCH', `/api/v1/agents/${agent.id}`, { token: app.adminToken, body: { maxCustomerCreditLimit: '-1' } }), 400, 'validation');
    expectProblem(await app.request('PATCH', `/api/v1/agents/${agent.id}`, { token: app.adminToken, body: { maxCustomerCreditLimit: 5 } }), 400, 'validation');
    expect((await app.request('GET', `/api/v1/agents/${agent.id}`, { token: app.adminToken })).body.maxCustomerCreditLimit).toBe('0');
  });
});
