import { clearingMovementOf, postingsOf } from './postings-of.js';
import { A, C, card, charge, depositToAgent, depositToCustomer, history, micros, openAgent, openCustomer, placeHold, reverse, transfer, transferCommission } from '../testing/fixtures.js';
import type { WalletEvent } from '../events.js';

const postingsOfAll = (events: WalletEvent[]) => events.map((event) => [event.type, postingsOf(event)]);

describe('double entry', () => {
  it('a card deposit into a customer: customer ← card clearing, commission ← commission expense', () => {
    const events = history(openAgent(A), openCustomer(C, A), depositToCustomer(C, A, '50', { rate: '10', source: card() })).slice(3);
    expect(postingsOfAll(events)).toEqual([
      ['FundsDeposited', [{ account: 'system:card-clearing', amountMicros: micros('-50') }, { account: 'customer:cust-c', amountMicros: micros('50') }]],
      ['CommissionAccrued', [{ account: 'system:commission-expense', amountMicros: micros('-5') }, { account: 'commission:agent-a', amountMicros: micros('5') }]],
    ]);
  });

  it('a transfer: both legs meet in transfer clearing, which nets to zero for the movement', () => {
    const events = history(openAgent(A), openCustomer(C, A), depositToAgent(A, '100'), transfer(A, C, '40', { rate: '0' })).slice(4);
    expect(postingsOfAll(events)).toEqual([
      ['TransferredOut', [{ account: 'agent:agent-a', amountMicros: micros('-40') }, { account: 'system:transfer-clearing', amountMicros: micros('40') }]],
      ['TransferredIn', [{ account: 'system:transfer-clearing', amountMicros: micros('-40') }, { account: 'customer:cust-c', amountMicros: micros('40') }]],
    ]);
    expect(new Set(events.map(clearingMovementOf))).toEqual(new Set(['transfer:agent-a:tr-1']));
  });

  it('a commission transfer, a reversal with a clawback and a call charge', () => {
    const events = history(
      openAgent(A),
      openCustomer(C, A),
      depositToCustomer(C, A, '50', { rate: '10' }),
      transferCommission(A, '3'),
      placeHold(C, 'call-1', '5'),
      charge(C, 'call-1', '1'),
      reverse('customer:cust-c', A),
    ).slice(5);
    expect(postingsOfAll(events)).toEqual([
      ['CommissionTransferredOut', [{ account: 'commission:agent-a', amountMicros: micros('-3') }, { account: 'system:transfer-clearing', amountMicros: micros('3') }]],
      ['CommissionTransferredIn', [{ account: 'system:transfer-clearing', amountMicros: micros('-3') }, { account: 'agent:agent-a', amountMicros: micros('3') }]],
      ['HoldPlaced', []],
      ['HoldSettled', [{ account: 'customer:cust-c', amountMicros: micros('-1') }, { account: 'system:call-revenue', amountMicros: micros('1') }]],
      ['DepositReversed', [{ account: 'customer:cust-c', amountMicros: micros('-50') }, { account: 'system:funding', amountMicros: micros('50') }]],
      ['CommissionReversed', [{ account: 'commission:agent-a', amountMicros: micros('-2') }, { account: 'system:commission-expense', amountMicros: micros('2') }]],
      ['CommissionClawedBack', [{ account: 'agent:agent-a', amountMicros: micros('-3') }, { account: 'system:commission-expense', amountMicros: micros('3') }]],
      ['LowBalanceCrossed', []],
    ]);
  });

  it('an event’s posting to its own account is exactly its balance change', () => {
    const events = history(openAgent(A), openCustomer(C, A), depositToAgent(A, '100'), transfer(A, C, '40'), charge(C, 'call-1', '2.5'));
    const balances = new Map<string, bigint>();
    for (const event of events) {
      if (!('balanceAfterMicros' in event)) continue;
      const own = postingsOf(event).find((posting) => posting.account === event.accountId)?.amountMicros ?? 0n;
      expect((balances.get(event.accountId) ?? 0n) + own).toBe(event.balanceAfterMicros);
      balances.set(event.accountId, event.balanceAfterMicros);
    }
  });
});
