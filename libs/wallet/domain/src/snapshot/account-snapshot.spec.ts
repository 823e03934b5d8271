import { InvariantViolation } from '@billing/decider';
import { RECENT_CHARGED_CALLS } from '../accounts/account-state.js';
import { accountIn } from '../ledger/ledger.js';
import { A, C, charge, depositToCustomer, history, ledgerAfter, openAgent, openCustomer, placeHold, transfer, depositToAgent } from '../testing/fixtures.js';
import { fromAccountSnapshot, toAccountSnapshot, type AccountSnapshot } from './account-snapshot.js';

describe('account snapshots', () => {
  const ledger = ledgerAfter(
    history(openAgent(A), openCustomer(C, A), depositToAgent(A, '100'), transfer(A, C, '40'), depositToCustomer(C, A, '5'), placeHold(C, 'call-1', '3'), charge(C, 'call-0', '1')),
  );

  it('round-trips through plain data (no Map or Set, which the JSON codec refuses)', () => {
    const customer = accountIn(ledger, 'customer:cust-c');
    const snapshot = toAccountSnapshot(customer);
    expect(JSON.stringify(snapshot, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value))).not.toContain('{}');
    expect(fromAccountSnapshot(snapshot)).toEqual(customer);
  });

  it('stays small however many calls were charged: open holds and a bounded window only', () => {
    const calls = Array.from({ length: 2_000 }, (_, i) => charge(C, `c-${i}`, '0.000001'));
    const customer = accountIn(ledgerAfter(history(openAgent(A), openCustomer(C, A), depositToCustomer(C, A, '5'), ...calls)), 'customer:cust-c');
    const snapshot = toAccountSnapshot(customer);
    expect(snapshot.status !== 'unopened' && snapshot.recentChargedCallIds.length).toBe(RECENT_CHARGED_CALLS);
  });

  it('refuses a snapshot whose holds do not add up', () => {
    const snapshot = toAccountSnapshot(accountIn(ledger, 'customer:cust-c')) as Exclude<AccountSnapshot, { status: 'unopened' }>;
    expect(() => fromAccountSnapshot({ ...snapshot, heldMicros: snapshot.heldMicros + 1n })).toThrow(InvariantViolation);
  });
});
