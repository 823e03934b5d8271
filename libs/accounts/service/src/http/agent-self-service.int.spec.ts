// An agent edits its own contact details (name, contactEmail) with PATCH /agents/{id}, the route ITC
// uses; the role rule is the domain's: everything else on the agent is ITC's (403 itc_only), and
// another agent does not exist for it (404). The change is in its audit trail with the agent as actor.
import { jest } from '@jest/globals';
import { accountsTestAppPerFile } from '../__fixtures__/accounts-test-app.js';
import { expectProblem, expectStatus, registerAgent } from '../__fixtures__/scenario.js';

jest.setTimeout(60_000);

const app = accountsTestAppPerFile();

describe('an agent and its own record', () => {
  it('changes its name and contact e-mail; reads and the audit trail show it at once', async () => {
    const agent = await registerAgent(app);
    const res = await app.request('PATCH', `/api/v1/agents/${agent.id}`, { token: agent.token, body: { name: ' Acme Telecom Ltd ', contactEmail: 'billing@ACME.example' } });
    expectStatus(res, 200);
    expect(res.body).toMatchObject({ name: 'Acme Telecom Ltd', contactEmail: 'billing@acme.example', commissionPercent: '12.5' });
    expect((await app.request('GET', `/api/v1/agents/${agent.id}`, { token: agent.token })).body).toMatchObject({ name: 'Acme Telecom Ltd', contactEmail: 'billing@acme.example' });
    const audit = await app.request('GET', `/api/v1/agents/${agent.id}/changes`, { token: agent.token });
    expect(audit.body.items.at(-1)).toMatchObject({
      type: 'AgentContactUpdated',
      actor: `agent:${agent.id}`,
      changes: { name: 'Acme Telecom Ltd', contactEmail: 'billing@acme.example' },
    });
    // the same again decides nothing
    const events = await app.count('events');
    expectStatus(await app.request('PATCH', `/api/v1/agents/${agent.id}`, { token: agent.token, body: { name: 'Acme Telecom Ltd' } }), 200);
    expect(await app.count('events')).toBe(events);
  });

  it.each([
    ['its commission', { commissionPercent: '99' }, "an agent's commission is set by ITC only"],
    ['its rate sheet', { rateSheetId: 'sheet-cheap' }, "an agent's rate sheet is set by ITC only"],
    ['its low-balance threshold', { lowBalanceThreshold: '0' }, "an agent's low-balance threshold is set by ITC only"],
    ['its CallerID policy', { customersMayAddCallerIds: false }, "an agent's CallerID policy is set by ITC only"],
    ['its contact together with its commission', { name: 'Sneaky', commissionPercent: '99' }, "an agent's commission is set by ITC only"],
  ])('cannot change %s (403 itc_only), and nothing changes', async (_what, body, detail) => {
    const agent = await registerAgent(app);
    const events = await app.count('events');
    const res = await app.request('PATCH', `/api/v1/agents/${agent.id}`, { token: agent.token, body });
    expectProblem(res, 403, 'itc_only');
    expect(res.body.detail).toBe(detail);
    expect(await app.count('events')).toBe(events);
    expect((await app.request('GET', `/api/v1/agents/${agent.id}`, { token: agent.token })).body).toMatchObject({ name: agent.view.name, commissionPercent: '12.5' });
  });

  it('cannot touch another agent (404, as for every read), nor can a customer', async () => {
    const agent = await registerAgent(app);
    const other = await registerAgent(app);
    expectProblem(await app.request('PATCH', `/api/v1/agents/${other.id}`, { token: agent.token, body: { name: 'Hijacked' } }), 404);
    expect((await app.request('GET', `/api/v1/agents/${other.id}`, { token: app.adminToken })).body.name).toBe(other.view.name);
  });

  it('gets validation errors like ITC does', async () => {
    const agent = await registerAgent(app);
    expectProblem(await app.request('PATCH', `/api/v1/agents/${agent.id}`, { token: agent.token, body: { contactEmail: 'not-an-address' } }), 400, 'validation');
    expectProblem(await app.request('PATCH', `/api/v1/agents/${agent.id}`, { token: agent.token, body: {} }), 400, 'validation');
  });
});
