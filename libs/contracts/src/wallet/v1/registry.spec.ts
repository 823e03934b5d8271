import { isWalletEventTypeV1, parseWalletEventV1, WALLET_EVENTS_TOPIC, walletEventsV1 } from './registry.js';

const deposited = {
  depositId: 'dep-1',
  accountKind: 'customer',
  agentId: 'agent-a',
  customerId: 'cust-c',
  amount: '12.5',
  commission: '1.25',
  source: 'card',
  reference: null,
  paymentIntentId: 'pi_1',
  balanceAfter: '-0.000001',
  actor: 'customer:cust-c',
};

describe('wallet v1 contracts', () => {
  it('publishes on wallet.events.v1, one schema per event type', () => {
    expect(WALLET_EVENTS_TOPIC).toBe('wallet.events.v1');
    expect(Object.keys(walletEventsV1).every((type) => /^wallet\.[A-Z][A-Za-z]+$/.test(type))).toBe(true);
  });

  it('parses a valid event', () => {
    expect(parseWalletEventV1('wallet.FundsDeposited', deposited)).toEqual({ type: 'wallet.FundsDeposited', data: deposited });
  });

  it.each([
    ['a JSON number for money', { amount: 12.5 }],
    ['seven decimals', { amount: '1.0000001' }],
    ['a zero deposit', { amount: '0' }],
    ['a negative commission', { commission: '-1' }],
    ['an unknown source', { source: 'cash' }],
    ['an empty id', { depositId: '' }],
  ])('refuses %s', (_what, change) => {
    expect(() => parseWalletEventV1('wallet.FundsDeposited', { ...deposited, ...change })).toThrow();
  });

  it('refuses an unknown type', () => {
    expect(isWalletEventTypeV1('wallet.Nope')).toBe(false);
    expect(isWalletEventTypeV1('toString')).toBe(false);
    expect(() => parseWalletEventV1('wallet.Nope', {})).toThrow('not a wallet v1 event type: "wallet.Nope"');
  });

  it('a low-balance crossing may report a negative balance, never a negative threshold', () => {
    const crossed = { accountKind: 'agent-main', agentId: 'agent-a', customerId: null, balance: '-3', threshold: '10' };
    expect(walletEventsV1['wallet.LowBalanceCrossed'].parse(crossed)).toEqual(crossed);
    expect(() => walletEventsV1['wallet.LowBalanceCrossed'].parse({ ...crossed, threshold: '-1' })).toThrow();
  });

  it('a hold grants a positive amount and expires at an ISO instant', () => {
    const hold = { customerId: 'c', agentId: null, callId: 'call-1', requested: '5', granted: '2.5', expiresAt: '2025-03-01T12:05:00.000Z' };
    expect(walletEventsV1['wallet.HoldPlaced'].parse(hold)).toEqual(hold);
    expect(() => walletEventsV1['wallet.HoldPlaced'].parse({ ...hold, expiresAt: 'soon' })).toThrow();
  });
});
