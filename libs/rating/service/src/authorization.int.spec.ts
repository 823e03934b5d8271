// Call authorization through POST /switch/authorize with real wallet holds: concurrent calls never
// spend more than the balance, each refusal has its reason, open calls count towards the
// customer's limit until their CDR, and the CDR settles the hold with the real cost.
import { parseMoney } from '@billing/money';
import { costForDuration, type RateRow } from '@billing/rating-domain';
import { agentStatusChanged, customerCallerIdsChanged, customerFollowMeChanged, customerStatusChanged } from './__fixtures__/fake-accounts.js';
import { RatingTestApp, waitFor } from './__fixtures__/rating-test-app.js';

const perSecond = { prefix: '1', destination: 'USA', intervals: [{ startSecond: 0, ratePerMinute: '0.60', incrementSeconds: 1 }] };
const perMinute = { prefix: '44', destination: 'United Kingdom', intervals: [{ startSecond: 0, ratePerMinute: '0.10', incrementSeconds: 60 }] };
const free = { prefix: '800', destination: 'Toll free', intervals: [{ startSecond: 0, ratePerMinute: '0', incrementSeconds: 1 }] };
const USA_ROW: RateRow = { prefix: '1', destination: 'USA', connectFeeMicros: 0n, minimumSeconds: 0, intervals: [{ startSecond: 0, ratePerMinuteMicros: parseMoney('0.60'), incrementSeconds: 1 }] };
const UP4 = { decimals: 4, mode: 'up' } as const;

describe('call authorization', () => {
  let app: RatingTestApp;
  let n = 0;
  const authorize = (owner: { account?: string; sipUsername?: string }, destination: string, callId = `auth-${(n += 1)}`, callerId = '') =>
    app.switch('POST', '/api/v1/switch/authorize', { callId, ...owner, callerId, destination });

  beforeAll(async () => {
    app = await RatingTestApp.start();
    expect((await app.admin('POST', '/api/v1/rate-sheets', { sheetId: 'auth', name: 'Auth', effectiveFrom: '2020-01-01T00:00:00Z', rows: [perSecond, perMinute, free] })).status).toBe(201);
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  }, 60_000);

  it('two concurrent authorizations on a balance that covers 60 s never get more than 60 s between them', async () => {
    // 60 s at 0.60/min, per second = 0.60
    const customer = await app.openCustomer('p60', { rateSheetId: 'auth', initialBalance: '0.6' });
    const answers = await Promise.all(['race-1', 'race-2'].map((callId) => authorize({ account: customer.accountNumber }, '+12125550100', callId)));
    expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
    const granted = answers.map((answer) => answer.body.maxDurationSeconds as number);
    const cost = granted.reduce((sum, seconds) => sum + costForDuration(USA_ROW, UP4, seconds), 0n);
    expect(cost).toBeLessThanOrEqual(parseMoney('0.6'));
    expect(granted.sort((a, b) => a - b)).toEqual([0, 60]);
    const refused = answers.find((answer) => !answer.body.allowed)!;
    expect(refused.body).toMatchObject({ allowed: false, maxDurationSeconds: 0, reason: 'insufficient_balance', ratePerMinute: '0.6' });
    const allowed = answers.find((answer) => answer.body.allowed)!;
    expect(allowed.body).toMatchObject({ allowed: true, maxDurationSeconds: 60, reason: null, ratePerMinute: '0.6', granted: '0.6' });
    expect(await app.wallet('p60')).toEqual({ balanceMicros: parseMoney('0.6'), heldMicros: parseMoney('0.6') });

    // the switch retries the authorization: the same answer, no second hold
    const callId = allowed.body === answers[0]!.body ? 'race-1' : 'race-2';
    expect((await authorize({ account: customer.accountNumber }, '+12125550100', callId)).body).toMatchObject({ allowed: true, maxDurationSeconds: 60 });
    expect((await app.wallet('p60'))!.heldMicros).toBe(parseMoney('0.6'));
    // the same call id for another number is another call: its grant was priced for the first
    // number, so it is refused (the 60 s of a USA call must not be handed out at the UK's rate)
    expect((await authorize({ account: customer.accountNumber }, '442071234567', callId)).body).toMatchObject({ allowed: false, maxDurationSeconds: 0, reason: 'call_already_authorized' });
    expect((await app.wallet('p60'))!.heldMicros).toBe(parseMoney('0.6'));

    // the CDR settles the hold with the real cost (30 s = 0.30) and releases the rest
    const cdr = await app.switch('POST', '/api/v1/switch/cdrs', {
      callId,
      account: customer.accountNumber,
      callerId: '',
      destination: '+12125550100',
      startedAt: '2025-03-01T12:00:00Z',
      answeredAt: '2025-03-01T12:00:02Z',
      endedAt: '2025-03-01T12:00:32Z',
      billsec: 30,
      disposition: 'answered',
    });
    expect(cdr.body).toMatchObject({ status: 'rated', cost: '0.3' });
    await waitFor(async () => (await app.wallet('p60'))!.heldMicros === 0n, 20_000, 'the hold to be settled');
    expect((await app.wallet('p60'))!.balanceMicros).toBe(parseMoney('0.3'));
    expect((await app.db.store.readStream(`call-${callId}`)).map((event) => event.type)).toEqual(['CallAuthorized', 'CallRated']);
  });

  it('grants whole blocks, at most the customer\'s longest call, and nothing is held for a free destination', async () => {
    // 0.25 at 0.10/min in 60 s blocks buys two blocks
    const blocks = await app.openCustomer('blocks', { rateSheetId: 'auth', initialBalance: '0.25', maxCallDurationSeconds: 3600 });
    expect((await authorize({ account: blocks.accountNumber }, '442079460958')).body).toMatchObject({ allowed: true, maxDurationSeconds: 120, granted: '0.25' });
    const rich = await app.openCustomer('rich', { rateSheetId: 'auth', initialBalance: '1000', maxCallDurationSeconds: 3600 });
    expect((await authorize({ account: rich.accountNumber }, '442079460958')).body).toMatchObject({ allowed: true, maxDurationSeconds: 3600, granted: '6' });
    const broke = await app.openCustomer('broke', { rateSheetId: 'auth', initialBalance: '0' });
    expect((await authorize({ account: broke.accountNumber }, '8001234567')).body).toMatchObject({ allowed: true, maxDurationSeconds: 10_800, granted: '0' });
    expect((await authorize({ account: broke.accountNumber }, '442079460958')).body).toMatchObject({ allowed: false, reason: 'insufficient_balance' });
  });

  it('a customer whose calls took it below zero is refused with in_debt (the debt policy of the wallet)', async () => {
    // 0.6 = 60 s at 0.60/min; a CDR of 120 s without authorization is charged in full: -0.6
    const debtor = await app.openCustomer('debtor', { rateSheetId: 'auth', initialBalance: '0.6' });
    const cdr = await app.switch('POST', '/api/v1/switch/cdrs', {
      callId: 'unauthorized-1',
      account: debtor.accountNumber,
      callerId: '',
      destination: '+12125550100',
      startedAt: '2025-03-01T12:00:00Z',
      answeredAt: '2025-03-01T12:00:02Z',
      endedAt: '2025-03-01T12:02:02Z',
      billsec: 120,
      disposition: 'answered',
    });
    expect(cdr.body).toMatchObject({ status: 'rated', cost: '1.2' });
    await waitFor(async () => (await app.wallet('debtor'))?.balanceMicros === parseMoney('-0.6'), 20_000, 'the charge');
    expect((await authorize({ account: debtor.accountNumber }, '+12125550100')).body).toMatchObject({ allowed: false, maxDurationSeconds: 0, reason: 'in_debt' });
  });

  it('refuses unknown, suspended and closed accounts, suspended agents, and destinations it cannot rate, each with its reason', async () => {
    await app.openAgent('auth-agent', 'auth');
    const customer = await app.openCustomer('reasons', { rateSheetId: 'auth', initialBalance: '10', agentId: 'auth-agent' });
    const owner = { sipUsername: customer.sipUsername };
    expect((await authorize({ account: '1234567890' }, '12125550100')).body).toMatchObject({ allowed: false, maxDurationSeconds: 0, reason: 'unknown_account' });
    expect((await authorize(owner, '999123')).body).toMatchObject({ allowed: false, reason: 'no_rate', ratePerMinute: null });
    expect((await authorize(owner, '*97')).body).toMatchObject({ allowed: false, reason: 'invalid_destination' });

    // one call id while waiting for the directory: an allowed try and its retries share one hold
    const probe = async () => (await authorize(owner, '12125550100', 'reasons-probe')).body;
    await app.accounts.publish(agentStatusChanged('auth-agent', 'suspended'));
    await waitFor(async () => (await probe()).reason === 'agent_suspended', 20_000, 'the agent suspension');
    await app.accounts.publish(agentStatusChanged('auth-agent', 'active'));
    await waitFor(async () => (await probe()).allowed === true, 20_000, 'the agent reactivation');

    await app.accounts.publish(customerStatusChanged('reasons', 'suspended'));
    await waitFor(async () => (await probe()).reason === 'account_suspended', 20_000, 'the suspension');
    await app.accounts.publish(customerStatusChanged('reasons', 'closed'));
    await waitFor(async () => (await probe()).reason === 'account_closed', 20_000, 'the closure');

    // validation: neither account nor SIP username
    const invalid = await app.switch('POST', '/api/v1/switch/authorize', { callId: 'x', destination: '1' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.detail).toBe('The request body is invalid — account: give an account, a sipUsername or a sourceIp.');
    // only the switch
    expect((await app.admin('POST', '/api/v1/switch/authorize', { callId: 'x', account: '1', destination: '1' })).status).toBe(403);
  });

  it('counts open authorizations towards maxConcurrentCalls until their CDR arrives', async () => {
    // each hold is 3 h at 0.60/min = 108
    const customer = await app.openCustomer('busy', { rateSheetId: 'auth', initialBalance: '1000', maxConcurrentCalls: 2 });
    const owner = { account: customer.accountNumber };
    const [a, b] = await Promise.all([authorize(owner, '12125550100', 'busy-a'), authorize(owner, '12125550100', 'busy-b')]);
    expect([a.body.allowed, b.body.allowed]).toEqual([true, true]);
    expect((await authorize(owner, '12125550100', 'busy-c')).body).toMatchObject({ allowed: false, reason: 'max_concurrent_calls' });
    // a retry of an open call is still that call, not a third one
    expect((await authorize(owner, '12125550100', 'busy-a')).body.allowed).toBe(true);
    const ended = await app.switch('POST', '/api/v1/switch/cdrs', {
      callId: 'busy-a',
      account: customer.accountNumber,
      callerId: '',
      destination: '12125550100',
      startedAt: '2025-03-01T12:00:00Z',
      answeredAt: null,
      endedAt: '2025-03-01T12:00:20Z',
      billsec: 0,
      disposition: 'busy',
    });
    expect(ended.body).toMatchObject({ status: 'unanswered', cost: '0' });
    expect((await authorize(owner, '12125550100', 'busy-c')).body.allowed).toBe(true);
    // the unanswered call's hold is released by the wallet
    await waitFor(async () => (await app.wallet('busy'))!.heldMicros === 2n * parseMoney('108'), 20_000, 'the release of busy-a');
    // an authorization after the call's CDR is refused
    expect((await authorize(owner, '12125550100', 'busy-a')).body).toMatchObject({ allowed: false, reason: 'call_already_ended' });
  });

  it('presents one of the customer\'s CallerIDs, else the default, and its FollowMe', async () => {
    const customer = await app.openCustomer('callerid', { rateSheetId: 'auth', initialBalance: '10' });
    // one call id throughout: its retries share one hold, so the balance never runs out while polling
    const call = (callerId = '') => authorize({ account: customer.accountNumber }, '12125550100', 'callerid-call', callerId);
    await app.accounts.publish(customerCallerIdsChanged('callerid', ['+442071234567', '+442071234568']));
    await waitFor(async () => (await call()).body.callerId === '+442071234567', 20_000, 'the caller ids');
    expect((await call('00442071234568')).body).toMatchObject({ allowed: true, callerId: '+442071234568' });
    expect((await call('+15550000000')).body.callerId).toBe('+442071234567');
    await app.accounts.publish(customerFollowMeChanged('callerid', [{ destination: '+447700900123', ringSeconds: 20 }]));
    await waitFor(async () => (await call()).body.followMe !== null, 20_000, 'the FollowMe');
    expect((await call()).body.followMe).toEqual({ enabled: true, targets: [{ destination: '+447700900123', ringSeconds: 20 }] });
  });

  it('refuses an account and a SIP username of two different customers (account_mismatch): nothing is held on either', async () => {
    const holder = await app.openCustomer('mm-holder', { rateSheetId: 'auth', initialBalance: '10' });
    const caller = await app.openCustomer('mm-caller', { rateSheetId: 'auth', initialBalance: '10' });
    const mismatch = await authorize({ account: holder.accountNumber, sipUsername: caller.sipUsername }, '+12125550100', 'mm-1');
    expect(mismatch.status).toBe(200);
    expect(mismatch.body).toMatchObject({ allowed: false, maxDurationSeconds: 0, reason: 'account_mismatch', granted: '0' });
    // a SIP username that names no customer does not vouch for the account either
    expect((await authorize({ account: holder.accountNumber, sipUsername: 'nobody-sip' }, '+12125550100', 'mm-2')).body).toMatchObject({ allowed: false, reason: 'account_mismatch' });
    expect((await authorize({ account: 'no-such-account', sipUsername: caller.sipUsername }, '+12125550100', 'mm-3')).body).toMatchObject({ allowed: false, reason: 'account_mismatch' });
    expect(await app.wallet('mm-holder')).toEqual({ balanceMicros: parseMoney('10'), heldMicros: 0n });
    expect(await app.wallet('mm-caller')).toEqual({ balanceMicros: parseMoney('10'), heldMicros: 0n });
    expect(await app.db.store.readStream('call-mm-1')).toEqual([]);
    // both names of one customer (by account number or by customer id) agree: granted
    expect((await authorize({ account: holder.accountNumber, sipUsername: holder.sipUsername }, '+12125550100', 'mm-4')).body).toMatchObject({ allowed: true, reason: null });
    // (the first grant holds the whole balance: the second call is to a free number)
    expect((await authorize({ account: 'mm-holder', sipUsername: holder.sipUsername }, '8001234567', 'mm-5')).body).toMatchObject({ allowed: true, reason: null });
  });
});
