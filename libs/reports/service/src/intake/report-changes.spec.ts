import { agentLookupOf, liveItemOf, withAgent } from '../live/live-item.js';
import { changesOf } from './report-changes.js';
import { parseReportsEvent } from './source-event.js';

const envelope = (type: string, data: Record<string, unknown>, schemaVersion = 1) => ({
  eventId: '7d3c8f9e-2b1a-4c5d-9e8f-0a1b2c3d4e5f',
  type,
  schemaVersion,
  aggregateId: 'x',
  occurredAt: '2025-03-10T10:00:00.000Z',
  data: data as never,
});

const of = (type: string, data: Record<string, unknown>) => {
  const event = parseReportsEvent(envelope(type, data));
  if (event === null) throw new Error('not parsed');
  return { changes: changesOf(event), live: liveItemOf(event, envelope(type, data)) };
};

describe('report changes', () => {
  it('a card deposit into a customer: a deposit fact, the balance, a live deposit', () => {
    const { changes, live } = of('wallet.FundsDeposited', {
      depositId: 'dep-1',
      accountKind: 'customer',
      agentId: 'agent-a',
      customerId: 'cust-1',
      amount: '12.5',
      commission: '1.25',
      source: 'card',
      reference: null,
      paymentIntentId: 'pi_1',
      balanceAfter: '20.000001',
      actor: 'customer:cust-1',
    });
    expect(changes).toEqual([
      { type: 'ledger', kind: 'deposit', agentId: 'agent-a', customerId: 'cust-1', accountKind: 'customer', amountMicros: 12_500_000n, detail: 'card' },
      { type: 'balance', account: 'customer', holderId: 'cust-1', agentId: 'agent-a', balanceMicros: 20_000_001n },
    ]);
    expect(live).toMatchObject({ event: 'deposit', agentId: 'agent-a', data: { amount: '12.5', balance: '20.000001', occurredAt: '2025-03-10T10:00:00.000Z' } });
  });

  it('a commission taken back from the main balance moves the main balance', () => {
    const { changes, live } = of('wallet.CommissionReversed', { agentId: 'agent-a', customerId: 'cust-1', depositId: 'dep-1', from: 'main', amount: '2', balanceAfter: '-1.5' });
    expect(changes).toEqual([
      { type: 'ledger', kind: 'commission-reversed', agentId: 'agent-a', customerId: 'cust-1', accountKind: 'agent-main', amountMicros: 2_000_000n, detail: 'main' },
      { type: 'balance', account: 'agent-main', holderId: 'agent-a', agentId: 'agent-a', balanceMicros: -1_500_000n },
    ]);
    expect(live).toMatchObject({ event: 'commission', data: { kind: 'reversed', account: 'agent-main', balance: '-1.5' } });
  });

  it('a settled hold is a customer balance change of minus the cost', () => {
    const { changes, live } = of('wallet.HoldSettled', { customerId: 'cust-1', agentId: null, callId: 'call-1', held: '5', cost: '0.1017', balanceAfter: '9.8983' });
    expect(changes).toEqual([{ type: 'balance', account: 'customer', holderId: 'cust-1', agentId: null, balanceMicros: 9_898_300n }]);
    expect(live).toMatchObject({ event: 'balance', agentId: null, data: { change: '-0.1017', cause: 'call', causeId: 'call-1' } });
  });

  it('calls: rated with price and destination, unanswered as a bare attempt, no live item for it', () => {
    const rated = of('rating.CallRated', {
      callId: 'call-1',
      customerId: 'cust-1',
      agentId: 'agent-a',
      destination: '442079460958',
      destinationName: 'United Kingdom',
      prefix: '44',
      startedAt: '2025-03-10T09:59:00.000Z',
      billsec: 61,
      billedSeconds: 120,
      cost: '0.2',
      sheetId: 's',
      versionId: 'v',
    });
    expect(rated.changes).toEqual([
      {
        type: 'call',
        callId: 'call-1',
        agentId: 'agent-a',
        customerId: 'cust-1',
        startedAt: '2025-03-10T09:59:00.000Z',
        status: 'rated',
        billsecSeconds: 61,
        billedSeconds: 120,
        costMicros: 200_000n,
        // an event from before rating recorded the agent's cost: unknown, not 0
        agentCostMicros: null,
        destinationName: 'United Kingdom',
        prefix: '44',
        // absent on an event from before rating published it: no SIP user known
        sipUsername: null,
      },
    ]);
    expect(rated.live).toMatchObject({ event: 'call', data: { cost: '0.2', reRated: false } });
    const withAgentCost = of('rating.CallRated', { callId: 'call-3', customerId: 'cust-1', agentId: 'agent-a', destination: '44', destinationName: 'UK', prefix: '44', startedAt: '2025-03-10T09:59:00.000Z', billsec: 61, billedSeconds: 120, cost: '0.3', sheetId: 's', versionId: 'v', agentCost: '0.24' });
    expect(withAgentCost.changes).toMatchObject([{ costMicros: 300_000n, agentCostMicros: 240_000n }]);
    expect(of('rating.CallRated', { callId: 'call-4', customerId: 'cust-1', agentId: null, destination: '44', destinationName: 'UK', prefix: '44', startedAt: '2025-03-10T09:59:00.000Z', billsec: 1, billedSeconds: 1, cost: '0.3', sheetId: 's', versionId: 'v', agentCost: null }).changes).toMatchObject([{ agentCostMicros: null }]);
    const unanswered = of('rating.CallUnanswered', { callId: 'call-2', customerId: null, agentId: null, destination: '123', startedAt: '2025-03-10T09:59:00.000Z', disposition: 'busy' });
    expect(unanswered.changes).toMatchObject([{ status: 'unanswered', billsecSeconds: 0, costMicros: 0n, customerId: null }]);
    // an attempt on no known account (a SIP scanner): counted in the summary, never a live item (it would flood ITC's stream)
    expect(unanswered.live).toBeNull();
    const ownUnanswered = of('rating.CallUnanswered', { callId: 'call-5', customerId: 'cust-1', agentId: 'agent-a', destination: '123', startedAt: '2025-03-10T09:59:00.000Z', disposition: 'busy' });
    expect(ownUnanswered.live).toMatchObject({ event: 'call-unanswered', agentId: 'agent-a', customerId: 'cust-1', data: { callId: 'call-5', disposition: 'busy', startedAt: '2025-03-10T09:59:00.000Z' } });
  });

  it("a customer's CallerID requested or refused is the same live `caller-ids` item (its pending list), scoped to its agent by the projection", () => {
    const data = { customerId: 'cust-1', callerId: '+442079460958', change: 'refused', pendingCallerIds: [], actor: 'agent:agent-a', occurredAt: '2025-03-10T10:00:00.000Z' };
    const { changes, live } = of('accounts.CustomerCallerIdRequestsChanged', data);
    expect(changes).toEqual([]);
    expect(live).toMatchObject({ event: 'caller-ids', agentId: null, customerId: 'cust-1', data: { customerId: 'cust-1', callerId: '+442079460958', change: 'refused', pendingCallerIds: [] } });
    expect(agentLookupOf(parseReportsEvent(envelope('accounts.CustomerCallerIdRequestsChanged', data))!)).toBe('cust-1');
  });

  it("a customer's CallerIDs are a live `caller-ids` item of its own (no read-model change), scoped to its agent by the projection", () => {
    const data = { customerId: 'cust-1', callerIds: ['+442079460958'], defaultCallerId: '+442079460958', actor: 'agent:agent-a', occurredAt: '2025-03-10T10:00:00.000Z' };
    const { changes, live } = of('accounts.CustomerCallerIdsChanged', data);
    expect(changes).toEqual([]);
    expect(live).toMatchObject({ event: 'caller-ids', agentId: null, customerId: 'cust-1', data: { customerId: 'cust-1', callerIds: ['+442079460958'], defaultCallerId: '+442079460958' } });
    expect(agentLookupOf(parseReportsEvent(envelope('accounts.CustomerCallerIdsChanged', data))!)).toBe('cust-1');
    expect(withAgent(live!, 'agent-a')).toMatchObject({ agentId: 'agent-a', data: { agentId: 'agent-a', customerId: 'cust-1' } });
  });

  it('a hold placed, released or expired is a live `hold` item (a call in progress) of its customer, and no read-model change', () => {
    const placed = of('wallet.HoldPlaced', { customerId: 'cust-1', agentId: 'agent-a', callId: 'call-9', requested: '6', granted: '5', expiresAt: '2025-03-10T11:00:00.000Z' });
    expect(placed.changes).toEqual([]);
    expect(placed.live).toMatchObject({ event: 'hold', agentId: 'agent-a', customerId: 'cust-1', data: { state: 'placed', callId: 'call-9', held: '5' } });
    expect(of('wallet.HoldExpired', { customerId: 'cust-1', agentId: null, callId: 'call-9', held: '5', expiresAt: '2025-03-10T11:00:00.000Z' }).live).toMatchObject({ event: 'hold', agentId: null, data: { state: 'expired' } });
  });

  it('ignores types it has no use for without parsing them, refuses other schema versions and bad data', () => {
    expect(parseReportsEvent(envelope('rating.DerivedSheetCreated', { garbage: true }))).toBeNull();
    expect(parseReportsEvent(envelope('accounts.CustomerFollowMeChanged', {}))).toBeNull();
    expect(() => parseReportsEvent(envelope('wallet.LowBalanceCrossed', {}, 2))).toThrow('wallet.LowBalanceCrossed schema version 2 is not understood (only 1)');
    expect(() => parseReportsEvent(envelope('wallet.LowBalanceCrossed', { accountKind: 'customer', agentId: null, customerId: 'c', balance: 4.5, threshold: '5' }))).toThrow();
  });
});
