// PBX features end to end in the standalone wiring (issue 13 §3): ITC gives a profile its feature
// set, a customer opened from it is refused an international call from its first authorization
// (the features travel with accounts.CustomerOpened, applied on rating's directory miss), a home
// call goes through, and ITC's later change reaches rating through the real accounts consumer.
import { TEST_SWITCH_API_KEY } from '@billing/gateway';
import { jest } from '@jest/globals';
import { asOn, moneyPathAppPerFile } from './__fixtures__/money-path-app.js';

jest.setTimeout(120_000);

const app = moneyPathAppPerFile('pf');

beforeAll(async () => {
  const rows = [
    { prefix: '44', destination: 'United Kingdom', intervals: [{ startSecond: 0, ratePerMinute: '0.10', incrementSeconds: 60 }] },
    { prefix: '1', destination: 'USA', intervals: [{ startSecond: 0, ratePerMinute: '0.05', incrementSeconds: 60 }] },
  ];
  expect((await as(app.admin)('POST', '/rate-sheets', { sheetId: 'pf-base', name: 'Base', effectiveFrom: '2020-01-01T00:00:00Z', rows })).status).toBe(201);
});

const as = asOn(app);
let call = 0;
const authorize = (account: string, destination: string) => as(TEST_SWITCH_API_KEY)('POST', '/switch/authorize', { callId: `pf-${(call += 1)}`, account, callerId: '', destination });

it('a customer opened from a profile without international calls is refused abroad from its first call, until ITC gives them', async () => {
  const profile = await as(app.admin)('POST', '/customer-profiles', { name: 'UK only', billingType: 'prepaid', rateSheetId: 'pf-base', initialBalance: '100', maxConcurrentCalls: 10 });
  expect(profile.status).toBe(201);
  expect((await as(app.admin)('PATCH', `/customer-profiles/${profile.body.id}/features`, { internationalCalls: false, homeCountryCode: '44' })).status).toBe(200);
  const opened = await as(app.admin)('POST', '/customers', { profileId: profile.body.id });
  expect(opened.status).toBe(201);
  const { id, accountNumber } = opened.body.customer as { id: string; accountNumber: string };
  expect(opened.body.customer.features).toMatchObject({ internationalCalls: false, homeCountryCode: '44' });

  // at once: no sleep between the 201 and the authorization
  const abroad = await authorize(accountNumber, '+12125550100');
  expect(abroad.body).toMatchObject({ allowed: false, reason: 'feature_international_calls_not_assigned', feature: 'internationalCalls' });
  expect((await authorize(accountNumber, '+442079460958')).body).toMatchObject({ allowed: true, reason: null, feature: null });

  // ITC gives international calls: the change reaches rating through the accounts consumer
  expect((await as(app.admin)('PATCH', `/customers/${id}/features`, { internationalCalls: true })).status).toBe(200);
  const deadline = Date.now() + 10_000;
  let answer = await authorize(accountNumber, '+12125550100');
  while (!answer.body.allowed && Date.now() < deadline) answer = await authorize(accountNumber, '+12125550100');
  expect(answer.body).toMatchObject({ allowed: true, reason: null });
});
