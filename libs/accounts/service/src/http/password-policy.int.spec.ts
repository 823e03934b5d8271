// One password rule (the gateway's passwordWeakness) wherever a password is set (acceptance H9: an
// agent created with "1234567890" could log in with it, while "set password" refused "password123").
// Chosen passwords: registering an agent, ITC setting an agent's password, anyone changing their
// own. Customers' passwords (opening, batch, portal reset) are generated (≈140 bits), never chosen.
import { jest } from '@jest/globals';
import { accountsTestAppPerFile } from '../__fixtures__/accounts-test-app.js';
import { agentBody, createProfile, expectProblem, openCustomer, registerAgent } from '../__fixtures__/scenario.js';

jest.setTimeout(60_000);

const WEAK = ['1234567890', '0987654321', 'password123', 'aaaaaaaaaa'];

const app = accountsTestAppPerFile();

it('refuses a weak password when ITC registers an agent: 422 weak_password, no agent, no login', async () => {
  for (const password of WEAK) {
    const body = agentBody({ password });
    const before = await app.count('events');
    const res = await app.request('POST', '/api/v1/agents', { token: app.adminToken, body });
    expectProblem(res, 422, 'weak_password');
    expect(await app.count('events')).toBe(before);
    expect((await app.request('POST', '/api/v1/auth/login', { body: { username: body.username, password } })).status).toBe(401);
  }
});

it("refuses a weak password when ITC sets an agent's password, and the old one still works", async () => {
  const agent = await registerAgent(app);
  for (const password of WEAK) expectProblem(await app.request('PUT', `/api/v1/agents/${agent.id}/password`, { token: app.adminToken, body: { password } }), 422, 'weak_password');
  await app.gw.login(agent.username, agent.password);
});

it('refuses a weak password when an agent or a customer changes their own', async () => {
  const agent = await registerAgent(app);
  const profile = await createProfile(app, agent.token);
  const opened = await openCustomer(app, app.adminToken, { profileId: profile, agentId: agent.id });
  const customer = { username: opened.credentials.portalUsername!, password: opened.credentials.portalPassword! };
  for (const login of [{ username: agent.username, password: agent.password }, customer]) {
    const token = await app.gw.login(login.username, login.password);
    for (const newPassword of WEAK) {
      expectProblem(await app.request('POST', '/api/v1/auth/password', { token, body: { currentPassword: login.password, newPassword } }), 422, 'weak_password');
    }
    await app.gw.login(login.username, login.password);
  }
});

