// A customer account with several SIP users, as rating sees it (accounts.SipUserChanged): a call
// named by any of its users is authorized and rated on the one account, each user's own limit
// holds under the account's, a suspended user is refused, a removed one is unknown, and the CDR
// records which user made the call.
import { parseMoney } from '@billing/money';
import type { AccountsEventDraft } from './__fixtures__/fake-accounts.js';
import { RatingTestApp, waitFor } from './__fixtures__/rating-test-app.js';

const usa = { prefix: '1', destination: 'USA', intervals: [{ startSecond: 0, ratePerMinute: '0.60', incrementSeconds: 1 }] };

function sipUserChanged(
  customerId: string,
  sipUsername: string,
  status: 'active' | 'suspended' | 'removed',
  maxConcurrentCalls: number | null = null,
  occurredAt = new Date().toISOString(),
): AccountsEventDraft<'accounts.SipUserChanged'> {
  return { type: 'accounts.SipUserChanged', aggregateId: customerId, data: { customerId, sipUsername, status, maxConcurrentCalls, actor: 'admin:itc', occurredAt } };
}

describe('SIP users of one account in rating', () => {
  let app: RatingTestApp;
  let n = 0;
  const authorize = (owner: { account?: string; sipUsername?: string }, callId = `su-${(n += 1)}`) =>
    app.switch('POST', '/api/v1/switch/authorize', { callId, ...owner, callerId: '', destination: '+12125550100' });
  const userRow = async (sipUsername: string) =>
    (await app.pool.query<{ status: string; max_concurrent_calls: number | null }>(`SELECT status, max_concurrent_calls FROM ${app.db.table('sip_users')} WHERE sip_username = $1`, [sipUsername])).rows[0];

  beforeAll(async () => {
    app = await RatingTestApp.start();
    expect((await app.admin('POST', '/api/v1/rate-sheets', { sheetId: 'su', name: 'SIP users', effectiveFrom: '2020-01-01T00:00:00Z', rows: [usa] })).status).toBe(201);
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  }, 60_000);

  it('authorizes and rates a call of a further user on the account, records the user, and holds its own limit', async () => {
    const office = await app.openCustomer('office', { rateSheetId: 'su', initialBalance: '500', maxConcurrentCalls: 3 });
    await app.accounts.publish(sipUserChanged('office', 'office-desk', 'active', 1));
    await waitFor(async () => (await userRow('office-desk'))?.max_concurrent_calls === 1, 20_000, 'the user in rating');

    const first = await authorize({ sipUsername: 'office-desk' }, 'desk-1');
    expect(first.body).toMatchObject({ allowed: true, reason: null });
    expect((await app.wallet('office'))!.heldMicros).toBeGreaterThan(0n);
    // the user's own limit (1) while the account (3) still has room (500 covers three 3-hour holds)
    expect((await authorize({ sipUsername: 'office-desk' })).body).toMatchObject({ allowed: false, reason: 'max_concurrent_calls' });
    expect((await authorize({ sipUsername: office.sipUsername })).body).toMatchObject({ allowed: true });
    // account and user of the same account agree
    expect((await authorize({ account: office.accountNumber, sipUsername: 'office-desk' }, 'desk-1')).body).toMatchObject({ allowed: true });

    const cdr = await app.switch('POST', '/api/v1/switch/cdrs', {
      callId: 'desk-1',
      sipUsername: 'office-desk',
      callerId: '',
      destination: '+12125550100',
      startedAt: '2025-03-01T12:00:00Z',
      answeredAt: '2025-03-01T12:00:01Z',
      endedAt: '2025-03-01T12:01:01Z',
      billsec: 60,
      disposition: 'answered',
    });
    expect(cdr.body).toMatchObject({ status: 'rated', cost: '0.6' });
    await waitFor(async () => (await app.wallet('office'))?.balanceMicros === parseMoney('499.4'), 20_000, 'the charge on the one balance');
    const history = await app.admin('GET', '/api/v1/customers/office/calls');
    expect(history.body.items.find((call: { callId: string }) => call.callId === 'desk-1')).toMatchObject({ sipUsername: 'office-desk', cost: '0.6' });
    // the CDR freed the user's slot
    expect((await authorize({ sipUsername: 'office-desk' })).body).toMatchObject({ allowed: true });
  });

  it("refuses a user of another account next to an account (account_mismatch), a suspended user, and a removed one", async () => {
    const a = await app.openCustomer('acct-a', { rateSheetId: 'su', initialBalance: '10' });
    await app.openCustomer('acct-b', { rateSheetId: 'su', initialBalance: '10' });
    await app.accounts.publish(sipUserChanged('acct-b', 'b-phone', 'active'));
    await waitFor(async () => (await userRow('b-phone')) !== undefined, 20_000, 'the user in rating');
    expect((await authorize({ account: a.accountNumber, sipUsername: 'b-phone' })).body).toMatchObject({ allowed: false, reason: 'account_mismatch' });

    await app.accounts.publish(sipUserChanged('acct-b', 'b-phone', 'suspended'));
    await waitFor(async () => (await userRow('b-phone'))?.status === 'suspended', 20_000, 'the suspension');
    expect((await authorize({ sipUsername: 'b-phone' })).body).toMatchObject({ allowed: false, reason: 'sip_user_suspended' });
    // the account's other users still call
    expect((await authorize({ account: a.accountNumber })).body).toMatchObject({ allowed: true });

    await app.accounts.publish(sipUserChanged('acct-b', 'b-phone', 'removed'));
    await waitFor(async () => (await userRow('b-phone'))?.status === 'removed', 20_000, 'the removal');
    expect((await authorize({ sipUsername: 'b-phone' })).body).toMatchObject({ allowed: false, reason: 'unknown_account' });
  });

  it('keeps the latest change of a user whatever order its events arrive in (the catch-up may apply the newest first)', async () => {
    await app.openCustomer('late', { rateSheetId: 'su', initialBalance: '10' });
    await app.accounts.publish(sipUserChanged('late', 'late-phone', 'suspended', null, '2026-01-02T00:00:00.000Z'));
    await waitFor(async () => (await userRow('late-phone'))?.status === 'suspended', 20_000, 'the newer change');
    // an older change delivered afterwards does not undo it
    await app.accounts.publish(sipUserChanged('late', 'late-phone', 'active', 1, '2026-01-01T00:00:00.000Z'), sipUserChanged('late', 'late-probe', 'active'));
    await waitFor(async () => (await userRow('late-probe')) !== undefined, 20_000, 'the later events consumed');
    expect(await userRow('late-phone')).toEqual({ status: 'suspended', max_concurrent_calls: null });
    expect((await authorize({ sipUsername: 'late-phone' })).body).toMatchObject({ allowed: false, reason: 'sip_user_suspended' });
  });

  it("filters a customer's calls and summary by SIP user and groups the summary by user", async () => {
    const shop = await app.openCustomer('shop', { rateSheetId: 'su', initialBalance: '100' });
    await app.accounts.publish(sipUserChanged('shop', 'shop-till', 'active'));
    await waitFor(async () => (await userRow('shop-till')) !== undefined, 20_000, 'the user in rating');
    const cdr = (callId: string, owner: { sipUsername?: string; account?: string }, billsec: number) =>
      app.switch('POST', '/api/v1/switch/cdrs', {
        callId,
        ...owner,
        callerId: '',
        destination: '+12125550100',
        startedAt: '2025-03-02T12:00:00Z',
        answeredAt: '2025-03-02T12:00:01Z',
        endedAt: new Date(Date.parse('2025-03-02T12:00:01Z') + billsec * 1000).toISOString(),
        billsec,
        disposition: 'answered',
      });
    for (const [callId, owner, billsec] of [
      ['shop-1', { sipUsername: 'shop-till' }, 60],
      ['shop-2', { sipUsername: 'shop-till' }, 30],
      ['shop-3', { sipUsername: shop.sipUsername }, 10],
      ['shop-4', { account: shop.accountNumber }, 20],
    ] as const) expect((await cdr(callId, owner, billsec)).body).toMatchObject({ status: 'rated' });

    const tillCalls = await app.admin('GET', '/api/v1/customers/shop/calls?sipUsername=shop-till');
    expect(tillCalls.body.items.map((call: { callId: string }) => call.callId).sort()).toEqual(['shop-1', 'shop-2']);
    const tillSummary = await app.admin('GET', '/api/v1/customers/shop/calls/summary?sipUsername=shop-till');
    expect(tillSummary.body).toMatchObject({ attempts: 2, billedSeconds: 90, revenue: '0.9' });
    expect(tillSummary.body.bySipUsername).toBeUndefined();

    const grouped = await app.admin('GET', '/api/v1/customers/shop/calls/summary?groupBy=sipUsername');
    expect(grouped.body).toMatchObject({ attempts: 4, revenue: '1.2' });
    expect(grouped.body.bySipUsername).toEqual([
      { sipUsername: 'shop-till', attempts: 2, answered: 2, billedSeconds: 90, revenue: '0.9' },
      { sipUsername: null, attempts: 1, answered: 1, billedSeconds: 20, revenue: '0.2' },
      { sipUsername: shop.sipUsername, attempts: 1, answered: 1, billedSeconds: 10, revenue: '0.1' },
    ]);
    expect((await app.admin('GET', '/api/v1/customers/shop/calls/summary?groupBy=destination')).status).toBe(400);
  });
});
