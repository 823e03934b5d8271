// The standalone composition of accounts' two calls (service-modules.ts): accounts reserves an
// agent-funded initial balance in the in-process wallet (WalletAgentFunds, a ledger command) and
// asks rating (RatingSheetCatalog) before it decides. Through the public API on the run's
// PostgreSQL, the modules wired as the product wires them: a sheet must exist to be given, and an
// agent must be able to fund the customer it opens — also when openings race for its last money.
import type { TestResponse } from '@billing/gateway';
import { jest } from '@jest/globals';
import { asOn, moneyPathAppPerFile } from './__fixtures__/money-path-app.js';

jest.setTimeout(90_000);

const app = moneyPathAppPerFile('sa', { wallet: { projectionPollIntervalMs: 100 } });

const as = asOn(app);
const expectCode = (res: TestResponse, status: number, code: string) => expect({ status: res.status, code: res.body?.code }).toEqual({ status, code });

async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

it('a rate sheet must exist before it is given; a sheet imported a moment ago counts', async () => {
  const agentBody = { name: 'Acme', contactEmail: 'ops@acme.example', commissionPercent: '10', rateSheetId: 'sa-base', username: 'sa-acme', password: 'sa-acme-password-1' };
  expectCode(await as(app.admin)('POST', '/agents', agentBody), 422, 'rate_sheet_not_found');
  const sheet = await as(app.admin)('POST', '/rate-sheets', { sheetId: 'sa-base', name: 'Base', effectiveFrom: '2020-01-01T00:00:00Z', rows: [{ prefix: '1', destination: 'USA', intervals: [{ startSecond: 0, ratePerMinute: '0.06', incrementSeconds: 1 }] }] });
  expect(sheet.status).toBe(201);
  expect((await as(app.admin)('POST', '/agents', agentBody)).status).toBe(201);
});

it("an agent opens a customer it is to fund only when the wallet's ledger holds the money", async () => {
  const agentId = (await as(app.admin)('GET', '/agents')).body.items.find((agent: { username?: string; name: string }) => agent.name === 'Acme').id as string;
  const agent = await app.gw.login('sa-acme', 'sa-acme-password-1');
  const profile = await as(agent)('POST', '/customer-profiles', { name: 'Starts at 25', billingType: 'prepaid', initialBalance: '25' });
  expect(profile.status).toBe(201);
  // the wallet opens the agent's accounts from accounts' event; until then, and with 0, it cannot fund
  expectCode(await as(agent)('POST', '/customers', { profileId: profile.body.id }), 409, 'insufficient_funds');
  await eventually(async () => (await as(app.admin)('POST', `/agents/${agentId}/deposits`, { amount: '30', reference: 'BANK-SA-1' })).status === 201, 'the wallet knowing the agent');
  // the deposit counts at once (the ledger, not the projection, decides the reservation)
  const opened = await as(agent)('POST', '/customers', { profileId: profile.body.id });
  expect(opened.status).toBe(201);
  const customerId = opened.body.customer.id as string;
  await eventually(async () => (await as(agent)('GET', `/customers/${customerId}/balance`)).body?.balance === '25', 'the funded initial balance');
  expect((await as(agent)('GET', `/agents/${agentId}/overview`)).body.balance).toBe('5');
  // 5 left: the next one is refused, and nothing is opened
  const before = (await as(agent)('GET', '/customers')).body.items.length as number;
  expectCode(await as(agent)('POST', '/customers', { profileId: profile.body.id }), 409, 'insufficient_funds');
  expect((await as(agent)('GET', '/customers')).body.items).toHaveLength(before);
});

it('8 openings racing for the 10 an agent holds: one 201, seven 409 insufficient_funds, every 201 funded (issue 12, item 2)', async () => {
  const agentBody = { name: 'Racer', contactEmail: 'ops@racer.example', commissionPercent: '0', rateSheetId: 'sa-base', username: 'sa-racer', password: 'sa-racer-password-1' };
  const agentId = (await as(app.admin)('POST', '/agents', agentBody)).body.id as string;
  const agent = await app.gw.login('sa-racer', 'sa-racer-password-1');
  const profile = await as(agent)('POST', '/customer-profiles', { name: 'Starts at 10', billingType: 'prepaid', initialBalance: '10' });
  await eventually(async () => (await as(app.admin)('POST', `/agents/${agentId}/deposits`, { amount: '10', reference: 'BANK-RACE-1' })).status === 201, 'the wallet knowing the agent');

  const answers = await Promise.all(Array.from({ length: 8 }, () => as(agent)('POST', '/customers', { profileId: profile.body.id })));
  expect(answers.map((res) => res.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
  // read at once after the 201: the 10 is reserved (or already moved to the customer), none of it available
  const overview = (await as(agent)('GET', `/agents/${agentId}/overview`)).body;
  expect(overview.available).toBe('0');
  expect([['10', '10'], ['0', '0']]).toContainEqual([overview.balance, overview.reserved]);
  for (const refused of answers.filter((res) => res.status === 409)) expect(refused.body.code).toBe('insufficient_funds');
  const opened = answers.find((res) => res.status === 201)!.body.customer.id as string;
  expect((await as(agent)('GET', '/customers')).body.items.map((customer: { id: string }) => customer.id)).toEqual([opened]);
  await eventually(async () => (await as(agent)('GET', `/customers/${opened}/balance`)).body?.balance === '10', 'the funded initial balance');
  await eventually(async () => (await as(agent)('GET', `/agents/${agentId}/overview`)).body?.balance === '0', "the agent's balance after the funding");
  // the wallet refused no funding: the reservation made it certain before the 201
  const refused = await app.pool.query(`SELECT count(*)::int AS n FROM "${app.schemas.wallet}".refused_commands`);
  expect(refused.rows[0].n).toBe(0);
});
