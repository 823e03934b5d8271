// The same service over the real Kafka broker (the distributed mode): the fake producers' relays
// publish real envelopes to their topics, the reports consumer group reads the three of them. A
// message produced twice is counted once; the live feed pushes what the consumer committed.
import { dlqTopicFor, topicFor } from '@billing/contracts';
import { KafkaBus, silentLogger } from '@billing/messaging';
import { deleteTopics, testKafkaBrokers } from '@billing/testing';
import { jest } from '@jest/globals';
import { AGENT_A, AGENT_B, openScenario, type Scenario } from './__fixtures__/scenario.js';
import { waitFor } from './__fixtures__/wait.js';

jest.setTimeout(120_000);

const backoff = { initialDelayMs: 20, maxDelayMs: 300, multiplier: 2 };
let scenario: Scenario | undefined;

afterEach(async () => {
  if (scenario === undefined) return;
  const { accounts, wallet, rating } = scenario.world;
  const topics = [accounts.service, wallet.service, rating.service].map(topicFor);
  await scenario.cleanup();
  await deleteTopics(testKafkaBrokers(), [...topics, ...topics.map(dlqTopicFor)]);
  scenario = undefined;
});

it('reports what the three topics carry, once, and streams it live', async () => {
  const bus = new KafkaBus({
    brokers: testKafkaBrokers(),
    clientId: 'reports-test',
    logger: silentLogger,
    partitions: 2,
    relay: { pollIntervalMs: 100, backoff },
    consumer: { backoff, sessionTimeoutMs: 6_000, heartbeatIntervalMs: 1_000, maxWaitTimeMs: 100 },
  });
  scenario = await openScenario({ bus });
  const { world } = scenario;
  const live = await scenario.live('agentA');

  await world.agent(AGENT_A, 'Acme Telecom');
  await world.agent(AGENT_B, 'Beta Voice');
  await world.customer('cust-a1', AGENT_A);
  const deposit = await world.agentDeposit(AGENT_A, '100', '100');
  // the broker gets the same event twice (a relay retry, a DLQ replay): counted once
  await world.wallet.publish('wallet.FundsDeposited', deposit.data, { eventId: deposit.eventId, aggregateId: deposit.aggregateId, occurredAt: deposit.occurredAt });
  await world.transfer(AGENT_A, 'cust-a1', '40', { agentAfter: '60', customerAfter: '40' }, { amount: '4', balanceAfter: '4' });
  await world.ratedCall({ customerId: 'cust-a1', agentId: AGENT_A, destinationName: 'Italy', billsec: 90, cost: '0.3' }, '39.7');
  await world.ratedCall({ customerId: 'cust-a1', agentId: AGENT_A, destinationName: 'Italy', billsec: 30, billedSeconds: 60, cost: '0.2' }, '39.5');
  await world.unansweredCall('cust-a1', AGENT_A);
  await world.agentDeposit(AGENT_B, '55', '55');

  const pushed = await live.next((m) => m.id === deposit.eventId, 45_000, 'the deposit over Kafka');
  expect(pushed.json).toMatchObject({ amount: '100', agentId: AGENT_A });

  const body = await waitFor(
    () => scenario!.summary('agentA'),
    (b) => b.totals.calls.attempts === 3 && b.totals.transfers.count === 1 && b.totals.balances.customers.total === '39.5' && b.agents[0]?.name === 'Acme Telecom',
    'the summary over Kafka',
    45_000,
  );
  expect(body.totals.deposits).toMatchObject({ count: 1, amount: '100' });
  expect(body.totals.commissions.accrued).toEqual({ count: 1, amount: '4' });
  expect(body.totals.calls).toMatchObject({ attempts: 3, answered: 2, asr: '66.67', acdSeconds: '60.00', billedSeconds: 150, billedMinutes: '2.50', revenue: '0.5' });
  expect(body.totals.topDestinations).toEqual([{ destination: 'Italy', calls: 2, billedSeconds: 150, billedMinutes: '2.50', revenue: '0.5' }]);
  expect(body.totals.balances).toEqual({ agentMain: '60', agentCommission: '4', customers: { count: 1, total: '39.5' } });
  // agent B's deposit reached the admin's report, never agent A's stream
  await waitFor(() => scenario!.summary('admin'), (b) => b.totals.deposits.count === 2, "B's deposit", 45_000);
  expect(live.messages.filter((m) => m.id === deposit.eventId)).toHaveLength(1);
  expect(live.messages.every((m) => m.json.agentId === AGENT_A)).toBe(true);
});
