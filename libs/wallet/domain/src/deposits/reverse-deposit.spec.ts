import { spec } from '@billing/decider/testing';
import { walletDecider } from '../ledger/wallet-decider.js';
import {
  A,
  audit,
  C,
  charge,
  depositToAgent,
  depositToCustomer,
  history,
  micros,
  openAgent,
  openCustomer,
  reverse,
  transfer,
  transferCommission,
} from '../testing/fixtures.js';

const wallet = spec(walletDecider);
// customer C of agent A received 50 with 10 % commission: C = 50, commission = 5
const deposited = [openAgent(A), openCustomer(C, A), depositToCustomer(C, A, '50', { rate: '10' })];

describe('reversing a deposit', () => {
  it('takes the deposit back from the customer and the commission back from the commission balance', () => {
    wallet
      .given(history(...deposited))
      .when(reverse('customer:cust-c', A, 'dep-1', 'refund'))
      .then([
        {
          type: 'DepositReversed',
          accountId: 'customer:cust-c',
          agentId: A,
          depositId: 'dep-1',
          amountMicros: micros('50'),
          reason: 'refund',
          fundingAccount: 'system:funding',
          balanceAfterMicros: 0n,
          ...audit,
        },
        { type: 'CommissionReversed', accountId: 'commission:agent-a', agentId: A, customerId: C, depositId: 'dep-1', amountMicros: micros('5'), balanceAfterMicros: 0n, ...audit },
      ]);
  });

  it('claws back from the main balance what the agent already moved out of commission; commission never goes below zero', () => {
    const events = wallet.given(history(...deposited, transferCommission(A, '3'))).when(reverse('customer:cust-c', A)).events();
    expect(events.slice(1)).toEqual([
      { type: 'CommissionReversed', accountId: 'commission:agent-a', agentId: A, customerId: C, depositId: 'dep-1', amountMicros: micros('2'), balanceAfterMicros: 0n, ...audit },
      { type: 'CommissionClawedBack', accountId: 'agent:agent-a', agentId: A, customerId: C, depositId: 'dep-1', amountMicros: micros('3'), balanceAfterMicros: 0n, ...audit },
    ]);
  });

  it('a clawback the main balance cannot cover is recorded as the agent’s debt (a fact, never refused)', () => {
    // the agent moved its 5 commission to main and transferred it all to the customer
    const given = history(...deposited, transferCommission(A, null), transfer(A, C, '5', { rate: '0' }));
    const events = wallet.given(given).when(reverse('customer:cust-c', A)).events();
    expect(events).toContainEqual(expect.objectContaining({ type: 'CommissionClawedBack', amountMicros: micros('5'), balanceAfterMicros: micros('-5') }));
    expect(events).not.toContainEqual(expect.objectContaining({ type: 'CommissionReversed' }));
  });

  it('a chargeback after the customer spent the money takes a prepaid customer below zero, and says so once', () => {
    const events = wallet.given(history(...deposited, charge(C, 'call-1', '30'))).when(reverse('customer:cust-c', A, 'dep-1', 'chargeback')).events();
    expect(events).toEqual([
      expect.objectContaining({ type: 'DepositReversed', balanceAfterMicros: micros('-30') }),
      expect.objectContaining({ type: 'CommissionReversed', amountMicros: micros('5') }),
      { type: 'LowBalanceCrossed', accountId: 'customer:cust-c', agentId: A, balanceMicros: micros('-30'), lowBalanceThresholdMicros: 0n, ...audit },
    ]);
  });

  it('reverses an agent’s own deposit (no commission)', () => {
    wallet
      .given(history(openAgent(A), depositToAgent(A, '100')))
      .when(reverse('agent:agent-a', A, 'dep-1', 'correction'))
      .then([
        {
          type: 'DepositReversed',
          accountId: 'agent:agent-a',
          agentId: A,
          depositId: 'dep-1',
          amountMicros: micros('100'),
          reason: 'correction',
          fundingAccount: 'system:funding',
          balanceAfterMicros: 0n,
          ...audit,
        },
      ]);
  });

  it('a deposit is reversed once: again changes nothing', () => {
    wallet.given(history(...deposited, reverse('customer:cust-c', A))).when(reverse('customer:cust-c', A)).thenNothing();
  });

  it('refuses a deposit the account never received', () => {
    wallet.given(history(...deposited)).when(reverse('customer:cust-c', A, 'dep-404')).thenRejects('deposit not found', 'deposit_not_found');
  });

  it('refuses a customer of another agent', () => {
    wallet.given(history(...deposited)).when(reverse('customer:cust-c', 'agent-b')).thenRejects('customer does not belong to this agent', 'customer_not_of_agent');
  });

  it('refuses an unknown account', () => {
    wallet.given([]).when(reverse('customer:cust-c', A)).thenRejects('customer account not found', 'account_not_found');
  });
});
