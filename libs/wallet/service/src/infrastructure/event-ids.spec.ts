// Event ids come from the business identity of each fact, so the store refuses a second copy.
import type { WalletEvent } from '@billing/wallet-domain';
import { eventIdsFor } from './event-ids.js';

const base = { agentId: null, actor: 'system', occurredAt: '2025-03-01T12:00:00.000Z' };
const charged = (callId: string): WalletEvent => ({ type: 'CallCharged', accountId: 'customer:c', callId, costMicros: 5n, balanceAfterMicros: -5n, ...base });
const settled = (callId: string): WalletEvent => ({ type: 'HoldSettled', accountId: 'customer:c', callId, heldMicros: 9n, costMicros: 5n, balanceAfterMicros: -5n, ...base });
const crossed: WalletEvent = { type: 'LowBalanceCrossed', accountId: 'customer:c', balanceMicros: -5n, lowBalanceThresholdMicros: 0n, ...base };
const stream = () => 'wallet-customer-c';

describe('event ids', () => {
  it('one charge per call, whether it settled a hold or not, whatever command charged it', () => {
    expect(eventIdsFor([charged('x')], 'cmd-1', stream)).toEqual(eventIdsFor([settled('x')], 'cmd-2', stream));
    expect(eventIdsFor([charged('x')], 'k', stream)).not.toEqual(eventIdsFor([charged('y')], 'k', stream));
  });

  it('a low-balance crossing belongs to the debit that caused it', () => {
    const [, first] = eventIdsFor([charged('x'), crossed], 'a', stream);
    const [, second] = eventIdsFor([charged('x'), crossed], 'b', stream);
    const [, other] = eventIdsFor([charged('y'), crossed], 'a', stream);
    expect(first).toBe(second);
    expect(first).not.toBe(other);
  });

  it('settings changes take the command key: the same integration event, the same id', () => {
    const changed: WalletEvent = { type: 'LowBalanceThresholdChanged', accountId: 'customer:c', lowBalanceThresholdMicros: 1n, ...base };
    expect(eventIdsFor([changed], 'evt-1:0', stream)).toEqual(eventIdsFor([changed], 'evt-1:0', stream));
    expect(eventIdsFor([changed], 'evt-1:0', stream)).not.toEqual(eventIdsFor([changed], 'evt-2:0', stream));
  });
});
