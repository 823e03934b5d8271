// ITC bounds the postpaid credit an agent grants in total, not only per customer: the credit limits
// of the agent's open postpaid customers together stay within its maxTotalCustomerCredit. Every
// path by which the agent grants or raises credit (an opening from any profile, PATCH
// /customers/{id} creditLimit) is refused past it with 403 agent_credit_total_exceeded and what is
// still available, also when the grants race; ITC is not bounded by it.
import { formatMoney, parseMoney } from '@billing/money';
import { jest } from '@jest/globals';
import { accountsTestAppPerFile } from '../__fixtures__/accounts-test-app.js';
import { createProfile, expectProblem, expectStatus, openCustomer, registerAgent } from '../__fixtures__/scenario.js';

jest.setTimeout(60_000);

const app = accountsTestAppPerFile();

const postpaid = (creditLimit: string) => ({ name: `Postpaid ${creditLimit}`, billingType: 'postpaid', creditLimit, initialBalance: '0' });

/** The sum of the agent's customers' credit limits, as the API lists them (open ones only), as a decimal string. */
async function grantedCredit(token: string): Promise<string> {
  const res = await app.request('GET', '/api/v1/customers?limit=100', { token });
  expectStatus(res, 200);
  const open = (res.body.items as { status: string; creditLimit: string | null }[]).filter((customer) => customer.status !== 'closed');
  return formatMoney(open.reduce((sum, customer) => sum + parseMoney(customer.creditLimit ?? '0'), 0n));
}

describe("the total of an agent's customers' postpaid credit", () => {
  it('is set by ITC at registration (default: one customer at the maximum) and by PATCH; the agent cannot set it', async () => {
    const byDefault = await registerAgent(app, { maxCustomerCreditLimit: '25' });
    expect(byDefault.view).toMatchObject({ maxCustomerCreditLimit: '25', maxTotalCustomerCredit: '25' });
    const agent = await registerAgent(app, { maxCustomerCreditLimit: '25', maxTotalCustomerCredit: '100' });
    expect(agent.view.maxTotalCustomerCredit).toBe('100');

    const refused = await app.request('PATCH', `/api/v1/agents/${agent.id}`, { token: agent.token, body: { maxTotalCustomerCredit: '1000000' } });
    expectProblem(refused, 403, 'itc_only');
    expect(refused.body.detail).toBe("an agent's maximum total customer credit is set by ITC only");
    expectProblem(await app.request('PATCH', `/api/v1/agents/${agent.id}`, { token: app.adminToken, body: { maxTotalCustomerCredit: '-1' } }), 400, 'validation');

    const changed = await app.request('PATCH', `/api/v1/agents/${agent.id}`, { token: app.adminToken, body: { maxTotalCustomerCredit: '300' } });
    expectStatus(changed, 200);
    expect(changed.body.maxTotalCustomerCredit).toBe('300');
    expect((await app.request('GET', `/api/v1/agents/${agent.id}`, { token: agent.token })).body.maxTotalCustomerCredit).toBe('300');
    const audit = await app.request('GET', `/api/v1/agents/${agent.id}/changes`, { token: app.adminToken });
    expect(audit.body.items.map((entry: { type: string }) => entry.type)).toEqual(['AgentRegistered', 'AgentMaxTotalCustomerCreditChanged']);
  });

  it('lets only the concurrent openings that fit succeed', async () => {
    const agent = await registerAgent(app, { maxCustomerCreditLimit: '30', maxTotalCustomerCredit: '100' });
    const profile = await createProfile(app, agent.token, postpaid('30'));
    const answers = await Promise.all(Array.from({ length: 6 }, () => app.request('POST', '/api/v1/customers', { token: agent.token, body: { profileId: profile } })));

    expect(answers.map((res) => res.status).sort()).toEqual([201, 201, 201, 403, 403, 403]);
    for (const res of answers.filter((answer) => answer.status !== 201)) {
      expectProblem(res, 403, 'agent_credit_total_exceeded');
      expect(res.body.available).toBe('10');
    }
    expect(await grantedCredit(agent.token)).toBe('90');
  });

  it('keeps no refusal under an Idempotency-Key: the same key opens once ITC raised the total', async () => {
    const agent = await registerAgent(app, { maxCustomerCreditLimit: '30', maxTotalCustomerCredit: '30' });
    const profile = await createProfile(app, agent.token, postpaid('30'));
    await openCustomer(app, agent.token, { profileId: profile });
    const open = () => app.request('POST', '/api/v1/customers', { token: agent.token, body: { profileId: profile }, headers: { 'Idempotency-Key': `credit-${agent.id}` } });
    expect((await open()).body).toMatchObject({ code: 'agent_credit_total_exceeded', available: '0' });
    expectStatus(await app.request('PATCH', `/api/v1/agents/${agent.id}`, { token: app.adminToken, body: { maxTotalCustomerCredit: '60' } }), 200);
    const retried = await open();
    expectStatus(retried, 201);
    expect(await grantedCredit(agent.token)).toBe('60');
  });

  it('refuses a PATCH that raises a customer past the total; a cut always passes, and a closed customer frees its credit', async () => {
    const agent = await registerAgent(app, { maxCustomerCreditLimit: '60', maxTotalCustomerCredit: '100' });
    const profile = await createProfile(app, agent.token, postpaid('40'));
    const first = (await openCustomer(app, agent.token, { profileId: profile })).customer;
    const second = (await openCustomer(app, agent.token, { profileId: profile })).customer;
    const patch = (id: string, body: Record<string, unknown>, token = agent.token) => app.request('PATCH', `/api/v1/customers/${id}`, { token, body });

    expect((await patch(first.id, { creditLimit: '50' })).body.creditLimit).toBe('50');
    const refused = await patch(second.id, { creditLimit: '50.000001' });
    expectProblem(refused, 403, 'agent_credit_total_exceeded');
    expect(refused.body).toMatchObject({ available: '50', detail: "credit limit 50.000001 is above the 50 left of the 100 ITC allows this agent's open postpaid customers together" });
    expect((await app.request('GET', `/api/v1/customers/${second.id}`, { token: agent.token })).body.creditLimit).toBe('40');
    expectProblem(await app.request('POST', '/api/v1/customers', { token: agent.token, body: { profileId: profile } }), 403, 'agent_credit_total_exceeded');

    // ITC lowers the total below what is granted: no raise passes, a cut does
    expectStatus(await app.request('PATCH', `/api/v1/agents/${agent.id}`, { token: app.adminToken, body: { maxTotalCustomerCredit: '60' } }), 200);
    expect((await patch(second.id, { creditLimit: '41' })).body).toMatchObject({ code: 'agent_credit_total_exceeded', available: '10' });
    expect((await patch(second.id, { creditLimit: '5' })).body.creditLimit).toBe('5');

    expectStatus(await app.request('POST', `/api/v1/customers/${first.id}/close`, { token: agent.token, body: {} }), 200);
    expect((await patch(second.id, { creditLimit: '50' })).body.creditLimit).toBe('50');
    expect(await grantedCredit(agent.token)).toBe('50');
  });

  it('does not bound ITC: its direct customers, and its openings and raises for the agent', async () => {
    const agent = await registerAgent(app, { maxCustomerCreditLimit: '10', maxTotalCustomerCredit: '10' });
    const itcProfile = await createProfile(app, app.adminToken, postpaid('1000'));
    const directProfile = await createProfile(app, app.adminToken, { ...postpaid('1000'), name: 'Postpaid 1000 direct', rateSheetId: 'sheet-direct' });
    const direct = await openCustomer(app, app.adminToken, { profileId: directProfile });
    expect((await app.request('PATCH', `/api/v1/customers/${direct.customer.id}`, { token: app.adminToken, body: { creditLimit: '5000' } })).body.creditLimit).toBe('5000');
    const forAgent = await openCustomer(app, app.adminToken, { profileId: itcProfile, agentId: agent.id });
    expect((await app.request('PATCH', `/api/v1/customers/${forAgent.customer.id}`, { token: app.adminToken, body: { creditLimit: '2000' } })).body.creditLimit).toBe('2000');
    // what ITC granted the agent's customer still counts against the agent's own grants
    const agentProfile = await createProfile(app, agent.token, postpaid('10'));
    expect((await app.request('POST', '/api/v1/customers', { token: agent.token, body: { profileId: agentProfile } })).body).toMatchObject({
      code: 'agent_credit_total_exceeded',
      available: '0',
    });
  });
});
