// Issue 13, "at once to rating", the distributed path made deterministic: rating runs WITHOUT its
// accounts consumer (background: false), so the only way it learns of a change to a customer it
// knows is accounts' call after the commit — RemoteRatingCatchUp → POST
// /api/v1/internal/rating/accounts-catch-up (internal service key) — and rating's catch-up through accounts'
// history API over HTTP, as the accounts and rating processes call each other.
import { TEST_SWITCH_API_KEY } from '@billing/gateway';
import { jest } from '@jest/globals';
import { AccountsHistoryOverHttp, RatingCatchUpOverHttp } from './__fixtures__/over-http.js';
import { asOn, moneyPathAppPerFile } from './__fixtures__/money-path-app.js';

jest.setTimeout(120_000);

const app = moneyPathAppPerFile('aor', { overHttp: true, accounts: { catchUps: [RatingCatchUpOverHttp] }, rating: { background: false, accountsHistory: AccountsHistoryOverHttp } });

beforeAll(async () => {
  const rows = [
    { prefix: '44', destination: 'United Kingdom', intervals: [{ startSecond: 0, ratePerMinute: '0.10', incrementSeconds: 60 }] },
    { prefix: '1', destination: 'USA', intervals: [{ startSecond: 0, ratePerMinute: '0.05', incrementSeconds: 60 }] },
  ];
  expect((await as(app.admin)('POST', '/rate-sheets', { sheetId: 'aor-base', name: 'Base', effectiveFrom: '2020-01-01T00:00:00Z', rows })).status).toBe(201);
});

const as = asOn(app);
const itc = (method: string, path: string, body?: unknown) => as(app.admin)(method, path, body);
let calls = 0;
const authorize = async (request: { account?: string; sipUsername?: string; sourceIp?: string; destination: string }) => {
  const res = await as(TEST_SWITCH_API_KEY)('POST', '/switch/authorize', { callId: `aor-${(calls += 1)}`, callerId: '', ...request });
  expect(res.status).toBe(200);
  return res.body as { allowed: boolean; reason: string | null };
};

it('without rating\'s accounts consumer: features, trunk addresses, a SIP user\'s and the customer\'s status reach rating with the 2xx', async () => {
  const profile = await itc('POST', '/customer-profiles', { name: 'AOR', billingType: 'prepaid', rateSheetId: 'aor-base', initialBalance: '5000', maxConcurrentCalls: 200 });
  expect(profile.status).toBe(201);
  const opened = await itc('POST', '/customers', { profileId: profile.body.id });
  expect(opened.status).toBe(201);
  const { id, accountNumber } = opened.body.customer as { id: string; accountNumber: string };
  // the miss makes rating know the customer
  expect(await authorize({ account: accountNumber, destination: '+12125550100' })).toMatchObject({ allowed: true });
  for (let round = 1; round <= 5; round += 1) {
    expect((await itc('PATCH', `/customers/${id}/features`, { internationalCalls: false, homeCountryCode: '44' })).status).toBe(200);
    expect({ round, ...(await authorize({ account: accountNumber, destination: '+12125550100' })) }).toMatchObject({ round, allowed: false, reason: 'feature_international_calls_not_assigned' });
    expect((await itc('PATCH', `/customers/${id}/features`, { internationalCalls: true })).status).toBe(200);
    expect({ round, ...(await authorize({ account: accountNumber, destination: '+12125550100' })) }).toMatchObject({ round, allowed: true });

    const sourceIp = `203.0.113.${round}`;
    expect((await itc('POST', `/customers/${id}/trunk-addresses`, { address: sourceIp })).status).toBe(201);
    expect({ round, ...(await authorize({ sourceIp, destination: '+442079460958' })) }).toMatchObject({ round, allowed: true });

    const sipUsername = `aor-user-${round}`;
    expect((await itc('POST', `/customers/${id}/sip-users`, { sipUsername })).status).toBe(201);
    expect((await itc('POST', `/customers/${id}/sip-users/${sipUsername}/suspend`)).status).toBe(200);
    expect({ round, ...(await authorize({ account: accountNumber, sipUsername, destination: '+442079460958' })) }).toMatchObject({ round, allowed: false, reason: 'sip_user_suspended' });

    expect((await itc('POST', `/customers/${id}/suspend`, {})).status).toBe(200);
    expect({ round, ...(await authorize({ account: accountNumber, destination: '+442079460958' })) }).toMatchObject({ round, allowed: false, reason: 'account_suspended' });
    expect((await itc('POST', `/customers/${id}/reactivate`)).status).toBe(200);
  }
  // every event of the customer's stream rating uses is in its consumer's inbox: the later delivery is a duplicate
  const { rows } = await app.pool.query<{ missing: string }>(
    `SELECT count(*)::text AS missing FROM "${app.schemas.accounts}".events e WHERE e.stream_id = $1 AND e.type IN ('CustomerFeaturesChanged', 'TrunkAddressAdded', 'CustomerSuspended')
       AND NOT EXISTS (SELECT 1 FROM "${app.schemas.rating}".inbox i WHERE i.message_id = e.event_id::text)`,
    [`customer-${id}`],
  );
  expect(rows[0]!.missing).toBe('0');
});
