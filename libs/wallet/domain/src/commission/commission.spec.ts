import { spec } from '@billing/decider/testing';
import { walletDecider } from '../ledger/wallet-decider.js';
import { A, audit, C, depositToCustomer, history, meta, micros, microPercent, openAgent, openCustomer, transferCommission } from '../testing/fixtures.js';
import { COMMISSION_ROUNDING, commissionOf } from './commission-of.js';

const wallet = spec(walletDecider);
// A's commission balance is 5 (10 % of a 50 deposit into its customer C)
const earned = [openAgent(A), openCustomer(C, A), depositToCustomer(C, A, '50', { rate: '10' })];

describe('the commission rule', () => {
  it('is amount × rate, rounded down to the micro-unit', () => {
    expect(COMMISSION_ROUNDING).toBe('down');
    expect(commissionOf(micros('10'), microPercent('12.5'))).toBe(micros('1.25'));
    expect(commissionOf(micros('0.000019'), microPercent('10'))).toBe(micros('0.000001'));
    expect(commissionOf(micros('99.99'), microPercent('0'))).toBe(0n);
    expect(commissionOf(micros('99.99'), microPercent('100'))).toBe(micros('99.99'));
  });
});

describe('moving commission to the main balance', () => {
  it('moves part of it: two streams, one decision', () => {
    wallet
      .given(history(...earned))
      .when(transferCommission(A, '2', 'ct-7'))
      .then([
        { type: 'CommissionTransferredOut', accountId: 'commission:agent-a', agentId: A, commissionTransferId: 'ct-7', amountMicros: micros('2'), balanceAfterMicros: micros('3'), ...audit },
        { type: 'CommissionTransferredIn', accountId: 'agent:agent-a', agentId: A, commissionTransferId: 'ct-7', amountMicros: micros('2'), balanceAfterMicros: micros('2'), ...audit },
      ]);
  });

  it('moves all of it when no amount is given', () => {
    const [out] = wallet.given(history(...earned)).when(transferCommission(A, null)).events();
    expect(out).toMatchObject({ type: 'CommissionTransferredOut', amountMicros: micros('5'), balanceAfterMicros: 0n });
  });

  it('refuses more than the commission balance', () => {
    wallet.given(history(...earned)).when(transferCommission(A, '5.000001')).thenRejects('insufficient commission balance: 5 available', 'insufficient_commission');
  });

  it('refuses when there is no commission at all', () => {
    wallet.given(history(openAgent(A))).when(transferCommission(A, null)).thenRejects('no commission available', 'no_commission');
  });

  it.each(['0', '-1'])('refuses an amount of %s', (amount) => {
    wallet.given(history(...earned)).when(transferCommission(A, amount)).thenRejects('amount must be positive', 'invalid_amount');
  });

  it('the same commission transfer again changes nothing', () => {
    wallet.given(history(...earned, transferCommission(A, '2'))).when(transferCommission(A, '2')).thenNothing();
  });

  it('"all" again changes nothing, though the balance is now empty', () => {
    wallet.given(history(...earned, transferCommission(A, null))).when(transferCommission(A, null)).thenNothing();
  });

  it('the same id with another amount is refused', () => {
    wallet.given(history(...earned, transferCommission(A, '2'))).when(transferCommission(A, '3')).thenRejects('commission transfer id already used for another amount', 'id_reused');
  });

  it('refuses an unknown agent', () => {
    wallet.given([]).when(transferCommission(A, null)).thenRejects('agent commission account not found', 'account_not_found');
  });

  it('refuses a closed agent', () => {
    wallet.given(history(...earned, { type: 'CloseAccount', accountId: 'agent:agent-a', meta: meta() })).when(transferCommission(A, null)).thenRejects('agent account is closed', 'account_closed');
  });
});
