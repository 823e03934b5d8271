// One owner's customer profiles have different names, trimmed and in any case (acceptance H9: two ITC
// profiles "Prepaid basic" made the pickers show identical choices): 409 name_taken on creation and
// on a rename, checked in the append transaction so that of concurrent creations exactly one wins.
import { jest } from '@jest/globals';
import { accountsTestAppPerFile } from '../__fixtures__/accounts-test-app.js';
import { expectProblem, expectStatus, registerAgent } from '../__fixtures__/scenario.js';

jest.setTimeout(60_000);

const app = accountsTestAppPerFile();

const create = (token: string, name: string) =>
  app.request('POST', '/api/v1/customer-profiles', { token, body: { name, billingType: 'prepaid', initialBalance: '5' } });

it('refuses a second profile of the same name for the same owner (trimmed, any case), not for another owner', async () => {
  expectStatus(await create(app.adminToken, 'Prepaid basic'), 201);
  const before = await app.count('events');
  const again = await create(app.adminToken, '  PREPAID Basic ');
  expectProblem(again, 409, 'name_taken');
  expect(again.body.detail).toMatch(/already exists/);
  expect(await app.count('events')).toBe(before);
  const agent = await registerAgent(app);
  expectStatus(await create(agent.token, 'Prepaid basic'), 201); // the agent's own, beside ITC's
  expectProblem(await create(agent.token, 'prepaid basic'), 409, 'name_taken');
});

it('of concurrent creations of one name exactly one wins', async () => {
  const answers = await Promise.all(Array.from({ length: 8 }, () => create(app.adminToken, 'Race to the name')));
  expect(answers.map((res) => res.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
  for (const res of answers.filter((r) => r.status === 409)) expect(res.body.code).toBe('name_taken');
  const listed = await app.request('GET', '/api/v1/customer-profiles?limit=200', { token: app.adminToken });
  expect((listed.body.items as { name: string }[]).filter((p) => p.name === 'Race to the name')).toHaveLength(1);
});

it("refuses a rename to another profile's name; a profile may change its own name's case; an archived profile's name is free", async () => {
  const first = await create(app.adminToken, 'Postpaid gold');
  const second = await create(app.adminToken, 'Postpaid silver');
  expectProblem(await app.request('PATCH', `/api/v1/customer-profiles/${second.body.id}`, { token: app.adminToken, body: { name: 'postpaid GOLD' } }), 409, 'name_taken');
  expectStatus(await app.request('PATCH', `/api/v1/customer-profiles/${second.body.id}`, { token: app.adminToken, body: { name: 'Postpaid Silver' } }), 200);
  expectStatus(await app.request('POST', `/api/v1/customer-profiles/${first.body.id}/archive`, { token: app.adminToken }), 200);
  expectStatus(await create(app.adminToken, 'Postpaid gold'), 201);
});
