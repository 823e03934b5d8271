// A rate sheet given to an agent, a profile or a customer must exist: accounts asks rating (the
// RateSheetCatalog port) first, and an unknown sheet is a 422 that changes nothing. The port here
// is a fixed set of sheets standing in for the rating process (the real one is exercised in the
// e2e seed scenario: accounts → RATING_URL → rating's sheets).
import type { RateSheetInfoV1 } from '@billing/contracts';
import { Injectable } from '@nestjs/common';
import { jest } from '@jest/globals';
import { startAccountsTestApp, type AccountsTestApp } from '../__fixtures__/accounts-test-app.js';
import { createProfile, expectProblem, openCustomer, registerAgent } from '../__fixtures__/scenario.js';
import type { RateSheetCatalog } from '../accounts.options.js';

jest.setTimeout(90_000);

const SHEETS = new Set(['itc-base', 'agent-plus-10']);

@Injectable()
class KnownSheets implements RateSheetCatalog {
  async exists(sheetId: string): Promise<boolean> {
    return SHEETS.has(sheetId);
  }

  async info(sheetId: string): Promise<RateSheetInfoV1> {
    return { sheetId, exists: SHEETS.has(sheetId), parentSheetId: null, markupPercent: null, ownerAgentId: null };
  }
}

let app: AccountsTestApp;

beforeAll(async () => {
  app = await startAccountsTestApp({ rateSheets: KnownSheets });
});

afterAll(async () => {
  await app?.close();
});

const unknown = (res: Awaited<ReturnType<AccountsTestApp['request']>>, sheetId: string) => {
  expectProblem(res, 422, 'rate_sheet_not_found');
  expect(res.body.detail).toContain(`rate sheet "${sheetId}" does not exist`);
};

describe('rate sheets given by accounts must exist', () => {
  it('an agent is registered only with an existing sheet, and changed only to one', async () => {
    const before = await app.count('events');
    unknown(await app.request('POST', '/api/v1/agents', { token: app.adminToken, body: { name: 'Typo Ltd', contactEmail: 't@example.com', commissionPercent: '5', rateSheetId: 'itc-bsae', username: 'typo-ltd', password: 'typo-portal-password-1' } }), 'itc-bsae');
    expect(await app.count('events')).toBe(before);
    const agent = await registerAgent(app, { rateSheetId: 'itc-base' });
    unknown(await app.request('PATCH', `/api/v1/agents/${agent.id}`, { token: app.adminToken, body: { rateSheetId: 'does-not-exist' } }), 'does-not-exist');
    expect((await app.request('GET', `/api/v1/agents/${agent.id}`, { token: app.adminToken })).body.rateSheetId).toBe('itc-base');
    expect((await app.request('PATCH', `/api/v1/agents/${agent.id}`, { token: app.adminToken, body: { rateSheetId: 'agent-plus-10' } })).body.rateSheetId).toBe('agent-plus-10');
  });

  it("a profile names an existing sheet or none (the agent's)", async () => {
    const before = await app.count('events');
    unknown(await app.request('POST', '/api/v1/customer-profiles', { token: app.adminToken, body: { name: 'Typo', billingType: 'prepaid', rateSheetId: 'nope-nope' } }), 'nope-nope');
    expect(await app.count('events')).toBe(before);
    const profile = await createProfile(app, app.adminToken, { rateSheetId: null });
    unknown(await app.request('PATCH', `/api/v1/customer-profiles/${profile}`, { token: app.adminToken, body: { rateSheetId: 'nope' } }), 'nope');
    expect((await app.request('PATCH', `/api/v1/customer-profiles/${profile}`, { token: app.adminToken, body: { rateSheetId: 'itc-base' } })).status).toBe(200);
  });

  it('an agent is told what it can do: use its sheet or derive one (it cannot import a sheet)', async () => {
    const agent = await registerAgent(app, { rateSheetId: 'itc-base' });
    const refused = await app.request('POST', '/api/v1/customer-profiles', { token: agent.token, body: { name: 'Typo', billingType: 'prepaid', rateSheetId: 'nope-agent' } });
    unknown(refused, 'nope-agent');
    expect(refused.body.detail).toBe('rate sheet "nope-agent" does not exist: use the sheet ITC assigned to you, or one you derived from it (POST /rate-sheets/{id}/derived)');
  });

  it("a customer's sheet is changed only to an existing one", async () => {
    const agent = await registerAgent(app, { rateSheetId: 'itc-base' });
    const { customer } = await openCustomer(app, app.adminToken, { profileId: await createProfile(app, app.adminToken), agentId: agent.id });
    unknown(await app.request('PATCH', `/api/v1/customers/${customer.id}`, { token: app.adminToken, body: { rateSheetId: 'does-not-exist' } }), 'does-not-exist');
    expect((await app.request('GET', `/api/v1/customers/${customer.id}`, { token: app.adminToken })).body.rateSheetId).toBe('itc-base');
    expect((await app.request('PATCH', `/api/v1/customers/${customer.id}`, { token: app.adminToken, body: { rateSheetId: 'agent-plus-10' } })).body.rateSheetId).toBe('agent-plus-10');
  });
});
