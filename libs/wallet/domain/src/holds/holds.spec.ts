import { spec } from '@billing/decider/testing';
import { RECENT_CHARGED_CALLS } from '../accounts/account-state.js';
import { walletDecider } from '../ledger/wallet-decider.js';
import {
  A,
  C,
  charge,
  depositToCustomer,
  expireHolds,
  history,
  LATER,
  meta,
  micros,
  NOW,
  openAgent,
  openCustomer,
  placeHold,
  release,
} from '../testing/fixtures.js';

const wallet = spec(walletDecider);
const rating = { actor: 'system:rating', occurredAt: NOW } as const;
const customer = 'customer:cust-c' as const;
// prepaid customer C of agent A with 10 on its balance
const prepaid = [openAgent(A), openCustomer(C, A), depositToCustomer(C, A, '10', { rate: '0' })];
// postpaid customer C with 10 on its balance and a credit limit of 5
const postpaid = [openAgent(A), openCustomer(C, A, { billingType: 'postpaid', creditLimit: '5' }), depositToCustomer(C, A, '10', { rate: '0' })];

describe('placing a hold (call authorization)', () => {
  it('grants what was requested when the balance covers it', () => {
    wallet
      .given(history(...prepaid))
      .when(placeHold(C, 'call-1', '4'))
      .then([{ type: 'HoldPlaced', accountId: customer, agentId: A, callId: 'call-1', requestedMicros: micros('4'), grantedMicros: micros('4'), expiresAt: LATER, ...rating }]);
  });

  it('grants only balance − holds when less than requested', () => {
    const [placed] = wallet.given(history(...prepaid, placeHold(C, 'call-1', '7'))).when(placeHold(C, 'call-2', '7')).events();
    expect(placed).toMatchObject({ requestedMicros: micros('7'), grantedMicros: micros('3') });
  });

  it('a postpaid customer may use its credit limit', () => {
    const [placed] = wallet.given(history(...postpaid)).when(placeHold(C, 'call-1', '100')).events();
    expect(placed).toMatchObject({ grantedMicros: micros('15') });
  });

  it('refuses when nothing is available (rating answers 0 seconds with this reason)', () => {
    wallet.given(history(...prepaid, placeHold(C, 'call-1', '10'))).when(placeHold(C, 'call-2', '0.01')).thenRejects('insufficient customer balance: 0 available', 'insufficient_funds');
  });

  it('the same call authorized again while its hold is open changes nothing', () => {
    wallet.given(history(...prepaid, placeHold(C, 'call-1', '4'))).when(placeHold(C, 'call-1', '4')).thenNothing();
  });

  it('refuses to authorize a call that was already charged', () => {
    wallet.given(history(...prepaid, charge(C, 'call-1', '1'))).when(placeHold(C, 'call-1', '4')).thenRejects('call already charged', 'call_already_charged');
  });

  it('refuses a hold that expires before now', () => {
    wallet.given(history(...prepaid)).when(placeHold(C, 'call-1', '4', NOW)).thenRejects('hold expiry must be an ISO 8601 instant after now', 'invalid_expiry');
    wallet.given(history(...prepaid)).when(placeHold(C, 'call-1', '4', 'tomorrow')).thenRejects('hold expiry must be an ISO 8601 instant after now', 'invalid_expiry');
  });

  it('refuses a non-positive request', () => {
    wallet.given(history(...prepaid)).when(placeHold(C, 'call-1', '0')).thenRejects('amount must be positive', 'invalid_amount');
  });

  it('refuses a closed customer', () => {
    wallet.given(history(...prepaid, { type: 'CloseAccount', accountId: customer, meta: meta() })).when(placeHold(C, 'call-1', '1')).thenRejects('customer account is closed', 'account_closed');
  });

  it('refuses an unknown customer', () => {
    wallet.given([]).when(placeHold(C, 'call-1', '1')).thenRejects('customer account not found', 'account_not_found');
  });
});

describe('charging a call', () => {
  it('settles the hold with the real cost, releasing the rest', () => {
    wallet
      .given(history(...prepaid, placeHold(C, 'call-1', '4')))
      .when(charge(C, 'call-1', '1.25'))
      .then([{ type: 'HoldSettled', accountId: customer, agentId: A, callId: 'call-1', heldMicros: micros('4'), costMicros: micros('1.25'), balanceAfterMicros: micros('8.75'), ...rating }]);
  });

  it('charges the full cost even above the hold: the call happened (a prepaid balance may go below zero)', () => {
    const events = wallet.given(history(...prepaid, placeHold(C, 'call-1', '10'))).when(charge(C, 'call-1', '10.5')).events();
    expect(events).toEqual([
      expect.objectContaining({ type: 'HoldSettled', heldMicros: micros('10'), costMicros: micros('10.5'), balanceAfterMicros: micros('-0.5') }),
      { type: 'LowBalanceCrossed', accountId: customer, agentId: A, balanceMicros: micros('-0.5'), lowBalanceThresholdMicros: 0n, ...rating },
    ]);
  });

  it('charges a call without a hold (a CDR without authorization)', () => {
    wallet
      .given(history(...prepaid))
      .when(charge(C, 'call-1', '2'))
      .then([{ type: 'CallCharged', accountId: customer, agentId: A, callId: 'call-1', costMicros: micros('2'), balanceAfterMicros: micros('8'), ...rating }]);
  });

  it('charges a call whose hold already expired', () => {
    const [charged] = wallet.given(history(...prepaid, placeHold(C, 'call-1', '4'), expireHolds(C, LATER))).when(charge(C, 'call-1', '2')).events();
    expect(charged).toMatchObject({ type: 'CallCharged', costMicros: micros('2') });
  });

  it('a free call settles its hold at zero cost', () => {
    const [settled] = wallet.given(history(...prepaid, placeHold(C, 'call-1', '4'))).when(charge(C, 'call-1', '0')).events();
    expect(settled).toMatchObject({ type: 'HoldSettled', costMicros: 0n, balanceAfterMicros: micros('10') });
  });

  it('a free call without a hold records nothing', () => {
    wallet.given(history(...prepaid)).when(charge(C, 'call-1', '0')).thenNothing();
  });

  it('the same call is never charged twice (settled, then charged again)', () => {
    wallet.given(history(...prepaid, placeHold(C, 'call-1', '4'), charge(C, 'call-1', '1'))).when(charge(C, 'call-1', '1')).thenNothing();
  });

  it('the same call is never charged twice (charged without hold, then again)', () => {
    wallet.given(history(...prepaid, charge(C, 'call-1', '1'))).when(charge(C, 'call-1', '1')).thenNothing();
  });

  it(`remembers the last ${RECENT_CHARGED_CALLS} charged calls: older duplicates are the call stream's to stop`, () => {
    const calls = Array.from({ length: RECENT_CHARGED_CALLS + 1 }, (_, i) => charge(C, `call-${i}`, '0.000001'));
    const given = history(...prepaid, ...calls);
    wallet.given(given).when(charge(C, 'call-1', '0.000001')).thenNothing();
    expect(wallet.given(given).when(charge(C, 'call-0', '0.000001')).events()).toHaveLength(1);
  });

  it('a closed customer is still charged: the call may have ended before it was closed', () => {
    const [charged] = wallet.given(history(...prepaid, { type: 'CloseAccount', accountId: customer, meta: meta() })).when(charge(C, 'call-1', '1')).events();
    expect(charged).toMatchObject({ type: 'CallCharged' });
  });

  it('refuses a negative cost', () => {
    wallet.given(history(...prepaid)).when(charge(C, 'call-1', '-1')).thenRejects('cost must not be negative', 'invalid_amount');
  });

  it('refuses an unknown customer', () => {
    wallet.given([]).when(charge(C, 'call-1', '1')).thenRejects('customer account not found', 'account_not_found');
  });
});

describe('releasing and expiring holds', () => {
  it('releases an open hold', () => {
    wallet
      .given(history(...prepaid, placeHold(C, 'call-1', '4')))
      .when(release(C, 'call-1'))
      .then([{ type: 'HoldReleased', accountId: customer, agentId: A, callId: 'call-1', heldMicros: micros('4'), ...rating }]);
  });

  it('releasing a hold that is not open changes nothing', () => {
    wallet.given(history(...prepaid, placeHold(C, 'call-1', '4'), release(C, 'call-1'))).when(release(C, 'call-1')).thenNothing();
    wallet.given(history(...prepaid)).when(release(C, 'call-x')).thenNothing();
  });

  it('expires every hold whose time has passed, and only those', () => {
    const soon = '2025-03-01T12:01:00.000Z';
    wallet
      .given(history(...prepaid, placeHold(C, 'call-1', '1', soon), placeHold(C, 'call-2', '1', LATER), placeHold(C, 'call-3', '1', soon)))
      .when(expireHolds(C, soon))
      .then([
        { type: 'HoldExpired', accountId: customer, agentId: A, callId: 'call-1', heldMicros: micros('1'), expiresAt: soon, actor: 'system', occurredAt: soon },
        { type: 'HoldExpired', accountId: customer, agentId: A, callId: 'call-3', heldMicros: micros('1'), expiresAt: soon, actor: 'system', occurredAt: soon },
      ]);
  });

  it('nothing due, nothing expires', () => {
    wallet.given(history(...prepaid, placeHold(C, 'call-1', '1'))).when(expireHolds(C, NOW)).thenNothing();
  });

  it('a released hold gives its money back to later holds', () => {
    const [placed] = wallet.given(history(...prepaid, placeHold(C, 'call-1', '10'), release(C, 'call-1'))).when(placeHold(C, 'call-2', '10')).events();
    expect(placed).toMatchObject({ grantedMicros: micros('10') });
  });

  it('refuses an unknown customer', () => {
    wallet.given([]).when(release(C, 'call-1')).thenRejects('customer account not found', 'account_not_found');
    wallet.given([]).when(expireHolds(C, NOW)).thenRejects('customer account not found', 'account_not_found');
  });
});
