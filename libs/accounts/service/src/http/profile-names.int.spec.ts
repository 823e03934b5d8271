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
  expect(again.body.detail).toMatch(/^a profile named "Prepaid basic" already exists \(profile [^)]+\): choose another name$/);
  expect(await app.count('events')).toBe(before);
  const agent = await registerAgent(app);
  expectStatus(await create(agent.token, 'Prepaid basic'), 201); // the agent's own, beside ITC's
  expectProblem(await create(agent.token, 'prepaid basic'), 409, 'name_taken');
});

it('names that look the same are the same: a no-break space or more spaces is taken, an invisible character refused; the normal form is stored', async () => {
  const first = await create(app.adminToken, ' Prepaid\u00a0 look ');
  expectStatus(first, 201);
  expect(first.body.name).toBe('Prepaid look');
  const before = await app.count('events');
  for (const name of ['prepaid\u00a0LOOK', 'Prepaid  look', 'Prepaid\u2003look']) {
    const again = await create(app.adminToken, name);
    expectProblem(again, 409, 'name_taken');
    expect(again.body.detail).toBe(`a profile named "Prepaid look" already exists (profile ${first.body.id}): choose another name`);
  }
  for (const name of ['Prepaid\u200blook', '\ufeffPrepaid look 2', 'Prepaid \u202elook']) expectProblem(await create(app.adminToken, name), 422, 'invalid_name');
  expect(await app.count('events')).toBe(before);
});

it('the 100-character limit is on the normal form, as rating answers a sheet name; lookalikes by NFKC and case folding; default-ignorable characters refused', async () => {
  const padded = await create(app.adminToken, `${' '.repeat(150)}Padded ${'p'.repeat(90)}${' '.repeat(150)}`);
  expectStatus(padded, 201); // was 400 validation: over 100 as sent
  expect(padded.body.name).toBe(`Padded ${'p'.repeat(90)}`);
  const straße = await create(app.adminToken, 'Tarifa Straße');
  expectStatus(straße, 201);
  const before = await app.count('events');
  for (const name of ['x'.repeat(101), '', '  ']) expectProblem(await create(app.adminToken, name), 422, 'invalid_name'); // 101 and '' were 400
  expectProblem(await create(app.adminToken, 'x'.repeat(401)), 400, 'validation');
  for (const name of ['\uff34\uff41\uff52\uff49\uff46\uff41 strasse', 'TARIFA STRA\u1e9eE']) expectProblem(await create(app.adminToken, name), 409, 'name_taken');
  for (const name of ['Tarifa\ufe0f Straße', 'Tarifa \u3164Straße', 'Tari\u034ffa']) expectProblem(await create(app.adminToken, name), 422, 'invalid_name');
  expectProblem(await app.request('PATCH', `/api/v1/customer-profiles/${padded.body.id}`, { token: app.adminToken, body: { name: 'tarifa STRASSE' } }), 409, 'name_taken');
  expect(await app.count('events')).toBe(before);
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
