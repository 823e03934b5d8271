import { auditWallet, WalletAuditor } from './wallet-auditor.js';
import { formatAuditReport } from './format-audit-report.js';
import type { WalletCommand } from '../commands.js';
import type { WalletEvent } from '../events.js';
import { A, C, card, charge, D, depositToAgent, depositToCustomer, expireHolds, history, meta, micros, openAgent, openCustomer, placeHold, release, transfer } from '../testing/fixtures.js';

// agent A: deposit 100, transfer 40 to C (10 % commission = 4); C: card top-up 10 (commission 1), call 2.5, a hold of 3
const events = history(
  openAgent(A),
  openCustomer(C, A),
  depositToAgent(A, '100'),
  transfer(A, C, '40'),
  depositToCustomer(C, A, '10', { depositId: 'dep-2', source: card() }),
  charge(C, 'call-1', '2.5'),
  placeHold(C, 'call-2', '3'),
);
const live = new Map<string, bigint>([
  ['agent:agent-a', micros('60')],
  ['commission:agent-a', micros('5')],
  ['customer:cust-c', micros('47.5')],
  ['system:funding', micros('-100')],
  ['system:card-clearing', micros('-10')],
  ['system:commission-expense', micros('-5')],
  ['system:call-revenue', micros('2.5')],
  ['system:transfer-clearing', 0n],
]);

describe('the audit', () => {
  it('recomputes every balance, system accounts included, and finds nothing wrong', () => {
    const report = auditWallet(events, { balances: live, heldMicros: new Map([['customer:cust-c', micros('3')]]) });
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.postingsTotalMicros).toBe(0n);
    expect(Object.fromEntries(report.balances)).toEqual(Object.fromEntries(live));
    expect(report.commissionBalances).toEqual(new Map([[A, micros('5')]]));
    expect(report.heldMicros).toEqual(new Map([['customer:cust-c', micros('3')]]));
  });

  it('reports a projection that drifted, a missing row and an account nobody opened', () => {
    const drifted = new Map(live);
    drifted.set('customer:cust-c', micros('47.4'));
    drifted.delete('agent:agent-a');
    drifted.set('customer:ghost', 0n);
    expect(auditWallet(events, { balances: drifted }).problems).toEqual([
      { kind: 'balance-mismatch', accountId: 'agent:agent-a', auditedMicros: micros('60'), projectedMicros: null },
      { kind: 'balance-mismatch', accountId: 'customer:cust-c', auditedMicros: micros('47.5'), projectedMicros: micros('47.4') },
      { kind: 'unknown-account', accountId: 'customer:ghost', projectedMicros: 0n },
    ]);
  });

  it('reports projected holds that disagree', () => {
    expect(auditWallet(events, { balances: live, heldMicros: new Map() }).problems).toEqual([{ kind: 'held-mismatch', accountId: 'customer:cust-c', auditedMicros: micros('3'), projectedMicros: null }]);
  });

  it('reports a movement with a missing leg', () => {
    const halfTransfer = events.filter((event) => event.type !== 'TransferredIn');
    const report = auditWallet(halfTransfer);
    expect(report.ok).toBe(false);
    expect(report.problems).toContainEqual({ kind: 'half-movement', movement: 'transfer:agent-a:tr-1', clearingMicros: micros('40') });
  });

  it('reports a tampered event and stops replaying that account, but keeps auditing the rest', () => {
    const tampered = events.map((event) => (event.type === 'CallCharged' ? ({ ...event, balanceAfterMicros: micros('1000') } as WalletEvent) : event));
    const report = auditWallet(tampered);
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'invalid-event', eventType: 'CallCharged', accountId: 'customer:cust-c' })]);
  });

  describe('catches every tampered call event (replayed in place, judged by evolveAccount)', () => {
    // C: a settled call (hold 3, cost 1.25), a released hold, an expired hold, one left open
    const calls = history(
      ...[openAgent(A), openCustomer(C, A), depositToAgent(A, '100'), transfer(A, C, '40')],
      placeHold(C, 'call-s', '3'),
      charge(C, 'call-s', '1.25'),
      placeHold(C, 'call-r', '2'),
      release(C, 'call-r'),
      placeHold(C, 'call-x', '1', '2025-03-01T12:01:00.000Z'),
      expireHolds(C, '2025-03-01T12:02:00.000Z'),
      placeHold(C, 'call-o', '4'),
      charge(C, 'call-c', '0.5'),
    );
    const tamper = (type: WalletEvent['type'], change: Record<string, unknown>, nth = 0): WalletEvent[] => {
      let seen = -1;
      return calls.map((event) => (event.type === type && ++seen === nth ? ({ ...event, ...change } as WalletEvent) : event));
    };
    const expectCaught = (log: WalletEvent[], eventType: string, message: RegExp): void => {
      const report = auditWallet(log);
      expect(report.ok).toBe(false);
      expect(report.problems).toContainEqual(expect.objectContaining({ kind: 'invalid-event', eventType, accountId: 'customer:cust-c', message: expect.stringMatching(message) }));
    };

    it('a sound call history audits clean', () => {
      const report = auditWallet(calls);
      expect(report.problems).toEqual([]);
      expect(report.heldMicros).toEqual(new Map([['customer:cust-c', micros('4')]]));
      expect(report.balances.get('customer:cust-c')).toBe(micros('40') - micros('1.25') - micros('0.5'));
    });

    it.each([
      ['HoldPlaced', { grantedMicros: micros('1000'), requestedMicros: micros('1000') }, /below its floor/],
      ['HoldPlaced', { grantedMicros: micros('5'), requestedMicros: micros('4') }, /grants more than requested/],
      ['HoldPlaced', { expiresAt: 'tomorrow' }, /expires at "tomorrow"/],
      ['HoldPlaced', { agentId: 'agent-b' }, /names agent agent-b/],
      ['HoldSettled', { heldMicros: micros('2') }, /held 2000000, the hold granted 3000000/],
      ['HoldSettled', { balanceAfterMicros: micros('40') }, /balance after is/],
      ['HoldSettled', { callId: 'call-nope' }, /no open hold call-nope/],
      ['HoldReleased', { heldMicros: 1n }, /held 1, the hold granted/],
      ['HoldExpired', { expiresAt: '2025-03-01T12:05:00.000Z' }, /HoldExpired call-x at 2025-03-01T12:05:00.000Z/],
      ['CallCharged', { callId: 'call-o' }, /CallCharged call-o while its hold is open/],
      ['CallCharged', { costMicros: 0n, balanceAfterMicros: micros('38.75') }, /non-positive amount/],
      ['CallCharged', { costMicros: 10n ** 30n, balanceAfterMicros: micros('38.75') - 10n ** 30n }, /out of range/],
    ] as const)('%s with %p', (type, change, message) => {
      expectCaught(tamper(type, change), type, message);
    });

    it('a hold settled twice, or a charge moved to an account it does not belong to', () => {
      const settled = calls.find((event) => event.type === 'HoldSettled')!;
      expectCaught([...calls, settled], 'HoldSettled', /no open hold call-s/);
      const charged = calls.find((event) => event.type === 'CallCharged')!;
      const moved = auditWallet([...calls, { ...charged, accountId: 'customer:ghost' } as WalletEvent]);
      expect(moved.problems).toContainEqual(expect.objectContaining({ kind: 'invalid-event', accountId: 'customer:ghost', message: 'CallCharged on customer:ghost before AccountOpened' }));
    });
  });

  it('reports an event whose postings do not balance (a corrupt amount)', () => {
    const corrupt = [...events, { type: 'CallCharged', accountId: 'customer:cust-c', agentId: A, callId: 'x', costMicros: 5 as unknown as bigint, balanceAfterMicros: 0n, actor: 'a', occurredAt: 'b' } as WalletEvent];
    expect(auditWallet(corrupt).problems).toContainEqual(expect.objectContaining({ kind: 'invalid-event', eventType: 'CallCharged', position: 11 }));
  });

  it('reports an event stored on another account’s stream', () => {
    const auditor = new WalletAuditor();
    events.forEach((event, i) => auditor.add(event, i === 3 ? 'wallet-customer-cust-c' : undefined));
    expect(auditor.report().problems).toEqual([expect.objectContaining({ kind: 'wrong-stream', position: 3, accountId: 'agent:agent-a', streamId: 'wallet-customer-cust-c' })]);
  });

  describe('initial-balance reservations (no postings; evolve judges them)', () => {
    const reserve = (customerId: string, amount: string): WalletCommand => ({
      type: 'ReserveInitialBalance',
      agentId: A,
      customerId,
      amountMicros: micros(amount),
      expiresAt: '2025-03-01T12:30:00.000Z',
      meta: meta(),
    });
    // A: deposit 100, reserves 30 for C, the funding transfer spends it; reserves 20 for D, released
    const reserved = history(
      openAgent(A),
      depositToAgent(A, '100'),
      reserve(C, '30'),
      openCustomer(C, A),
      transfer(A, C, '30', { transferId: 'initial-cust-c' }),
      reserve(D, '20'),
      { type: 'ReleaseInitialBalance', agentId: A, customerId: D, meta: meta() },
    );

    it('a reservation history audits clean and leaves the balances to the movements', () => {
      const report = auditWallet(reserved);
      expect(report.problems).toEqual([]);
      expect(report.balances.get('agent:agent-a')).toBe(micros('70'));
      expect(report.balances.get('customer:cust-c')).toBe(micros('30'));
    });

    it('catches a reservation that ends twice or for another amount', () => {
      const ended = reserved.filter((event) => event.type === 'InitialBalanceReservationEnded');
      expect(auditWallet([...reserved, ended[1]!]).problems).toEqual([expect.objectContaining({ kind: 'invalid-event', eventType: 'InitialBalanceReservationEnded' })]);
      const wrongAmount = reserved.map((event) => (event === ended[0] ? ({ ...event, amountMicros: micros('29') } as WalletEvent) : event));
      expect(auditWallet(wrongAmount).problems).toEqual([expect.objectContaining({ kind: 'invalid-event', eventType: 'InitialBalanceReservationEnded' })]);
    });
  });

  it('prints a readable report', () => {
    const drifted = new Map(live);
    drifted.set('customer:cust-c', micros('47.4'));
    const text = formatAuditReport(auditWallet(events, { balances: drifted }));
    expect(text).toContain('wallet audit: FAILED');
    expect(text).toContain('system:call-revenue');
    expect(text).toContain('customer:cust-c: events say 47.5, projection says 47.4');
    expect(formatAuditReport(auditWallet(events, { balances: live }))).toMatch(/^wallet audit: OK: 11 events, 14 postings, postings total 0/);
  });
});
