// The projection's rules on the real database, through the in-process bus: an event delivered
// twice counts once, reversals are reported and move balances, an unrated call re-rated becomes
// rated (never demoted again), an older balance replayed late does not overwrite a newer one.
import { jest } from '@jest/globals';
import { AGENT_A, openScenario, type Scenario } from './__fixtures__/scenario.js';
import { pause, waitFor } from './__fixtures__/wait.js';

jest.setTimeout(60_000);

let scenario: Scenario | undefined;
afterEach(async () => {
  await scenario?.cleanup();
  scenario = undefined;
});

const DAY = 'from=2025-04-01&to=2025-04-01';

it('counts an event delivered twice once', async () => {
  scenario = await openScenario();
  const { world } = scenario;
  world.at('2025-04-01T09:00:00.000Z');
  const deposit = await world.agentDeposit(AGENT_A, '10', '10');
  await world.wallet.publish('wallet.FundsDeposited', deposit.data, { eventId: deposit.eventId, aggregateId: deposit.aggregateId, occurredAt: deposit.occurredAt });
  const marker = await world.agentDeposit('agent-marker', '1', '1'); // after both copies on the same topic
  await waitFor(() => scenario!.summary('admin', DAY), (b) => b.agents.some((a: { agentId: string }) => a.agentId === 'agent-marker'), 'the marker');
  const body = await scenario.summary('admin', `${DAY}&agentId=${AGENT_A}`);
  expect(body.totals.deposits).toMatchObject({ count: 1, amount: '10' });
  const { rows } = await scenario.pool.query(`SELECT count(*)::int AS n FROM "${scenario.schema}".ledger_facts WHERE event_id = $1`, [deposit.eventId]);
  expect(rows[0].n).toBe(1);
  expect(marker.eventId).not.toBe(deposit.eventId);
});

it('reports a reversed deposit and its reversed commission, and moves the balances', async () => {
  scenario = await openScenario();
  const { world } = scenario;
  world.at('2025-04-01T09:00:00.000Z');
  await world.agent(AGENT_A);
  await world.customer('cust-a1', AGENT_A);
  await world.agentDeposit(AGENT_A, '100', '100');
  const deposit = await world.customerDeposit('cust-a1', AGENT_A, '50', '50', { amount: '5', balanceAfter: '5' });
  const depositId = String(deposit.data.depositId);
  world.at('2025-04-01T10:00:00.000Z');
  await world.wallet.publish(
    'wallet.DepositReversed',
    { depositId, accountKind: 'customer', agentId: AGENT_A, customerId: 'cust-a1', amount: '50', reason: 'chargeback', balanceAfter: '0', actor: 'system' },
    { aggregateId: 'wallet-customer-cust-a1', occurredAt: '2025-04-01T10:00:00.000Z' },
  );
  await world.wallet.publish(
    'wallet.CommissionReversed',
    { agentId: AGENT_A, customerId: 'cust-a1', depositId, from: 'commission', amount: '3', balanceAfter: '0' },
    { aggregateId: `wallet-commission-${AGENT_A}`, occurredAt: '2025-04-01T10:00:00.000Z' },
  );
  await world.wallet.publish(
    'wallet.CommissionReversed',
    { agentId: AGENT_A, customerId: 'cust-a1', depositId, from: 'main', amount: '2', balanceAfter: '98' },
    { aggregateId: `wallet-agent-${AGENT_A}`, occurredAt: '2025-04-01T10:00:00.000Z' },
  );
  const body = await waitFor(() => scenario!.summary('agentA', DAY), (b) => b.totals.commissions.reversed.count === 2 && b.totals.deposits.reversed.count === 1, 'the reversals');
  expect(body.totals.deposits).toMatchObject({ count: 2, amount: '150', reversed: { count: 1, amount: '50' } });
  expect(body.totals.commissions).toEqual({ accrued: { count: 1, amount: '5' }, moved: { count: 0, amount: '0' }, reversed: { count: 2, amount: '5' } });
  expect(body.totals.balances).toEqual({ agentMain: '98', agentCommission: '0', customers: { count: 1, total: '0' } });
});

it('turns an unrated call into a rated one when it is re-rated, and never back', async () => {
  scenario = await openScenario();
  const { world } = scenario;
  world.at('2025-04-01T12:00:00.000Z');
  await world.unratedCall('call-x', 'cust-a1', AGENT_A, 40);
  const unrated = await waitFor(() => scenario!.summary('agentA', DAY), (b) => b.totals.calls.attempts === 1, 'the unrated call');
  expect(unrated.totals.calls).toMatchObject({ attempts: 1, answered: 1, rated: 0, unrated: 1, asr: '100.00', acdSeconds: '40.00', billedSeconds: 0, revenue: '0' });
  expect(unrated.totals.topDestinations).toEqual([]);

  const reRated = {
    callId: 'call-x',
    customerId: 'cust-a1',
    agentId: AGENT_A,
    destination: '39061234567',
    destinationName: 'Italy',
    prefix: '39',
    startedAt: '2025-04-01T12:00:00.000Z',
    billsec: 40,
    billedSeconds: 60,
    cost: '0.4',
    sheetId: 'rs-base',
    versionId: 'v2',
    previousReason: 'no_rate',
  };
  await world.rating.publish('rating.CallReRated', reRated, { aggregateId: 'call-call-x' });
  const rated = await waitFor(() => scenario!.summary('agentA', DAY), (b) => b.totals.calls.rated === 1, 'the re-rated call');
  expect(rated.totals.calls).toMatchObject({ attempts: 1, answered: 1, rated: 1, unrated: 0, billedSeconds: 60, billedMinutes: '1.00', revenue: '0.4' });
  expect(rated.totals.topDestinations).toEqual([{ destination: 'Italy', calls: 1, billedSeconds: 60, billedMinutes: '1.00', revenue: '0.4' }]);

  // a stale "unrated" for the same call (another event id) arriving late changes nothing
  await world.unratedCall('call-x', 'cust-a1', AGENT_A, 40);
  await world.unansweredCall('cust-a1', AGENT_A); // a marker after it on the same topic
  const after = await waitFor(() => scenario!.summary('agentA', DAY), (b) => b.totals.calls.attempts === 2, 'the marker call');
  expect(after.totals.calls).toMatchObject({ attempts: 2, answered: 1, rated: 1, unrated: 0, revenue: '0.4', asr: '50.00' });
});

it('keeps the newer balance when an older event is applied after it', async () => {
  scenario = await openScenario();
  const { world } = scenario;
  const change = (balanceAfter: string, occurredAt: string) =>
    world.wallet.publish(
      'wallet.BalanceChanged',
      { accountKind: 'customer', agentId: AGENT_A, customerId: 'cust-a1', cause: 'transfer-in', causeId: `tr-${balanceAfter}`, change: '1', balanceAfter },
      { aggregateId: 'wallet-customer-cust-a1', occurredAt },
    );
  await change('30', '2025-04-01T12:00:00.000Z');
  await change('10', '2025-04-01T11:00:00.000Z'); // e.g. replayed from the dead letters after a fix
  await world.agentDeposit('agent-marker', '1', '1');
  await waitFor(() => scenario!.summary('admin'), (b) => b.totals.balances.agentMain === '1', 'the marker');
  await pause(100);
  const body = await scenario.summary('agentA');
  expect(body.totals.balances.customers).toEqual({ count: 0, total: '30' });
});
