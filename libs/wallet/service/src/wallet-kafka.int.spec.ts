// The distributed path on the run's real Kafka broker: accounts' integration events reach the
// wallet through a consumer group, and the wallet's relay publishes its own integration events —
// a low-balance crossing among them, which notifications will turn into an e-mail.
import { topicFor, type IntegrationEvent } from '@billing/contracts';
import { uniqueName } from '@billing/testing';
import { WalletTestApp, waitFor } from './__fixtures__/wallet-test-app.js';

describe('wallet over Kafka', () => {
  let app: WalletTestApp;
  const published: IntegrationEvent[] = [];

  beforeAll(async () => {
    app = await WalletTestApp.start({ transport: 'kafka' });
    // what notifications will do: consume wallet.events.v1 in a group of its own
    await app.bus.consume({
      group: uniqueName('notifications'),
      topics: [topicFor(app.walletService)],
      handler: async (event) => {
        published.push(event);
      },
      store: app.accounts.store,
      checkpoints: app.accounts.store.checkpoints,
    });
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  }, 60_000);

  it('opens and funds accounts from accounts events, and publishes a low-balance crossing once', async () => {
    await app.openAgent('kafka-agent', { commissionPercent: '4' });
    const deposit = await app.request('POST', '/api/v1/agents/kafka-agent/deposits', { token: app.adminToken, body: { amount: '30', reference: 'BANK-K' } });
    expect(deposit.status).toBe(201);
    await app.openCustomer('kafka-cust', 'kafka-agent', { initialBalance: '10', source: 'agent', lowBalanceThreshold: '5' });
    await waitFor(async () => (await app.account('customer:kafka-cust')).balanceMicros === 10_000_000n, 20_000, 'the initial balance');
    expect((await app.account('commission:kafka-agent')).balanceMicros).toBe(400_000n);

    for (const [callId, cost] of [['k-1', 6_000_000n], ['k-2', 1_000_000n]] as const) {
      expect(await app.calls.chargeCall({ customerId: 'kafka-cust', callId, costMicros: cost })).toMatchObject({ charged: true });
    }
    await waitFor(async () => published.filter((event) => event.type === 'wallet.CallCharged').length === 2, 30_000, 'the charges on Kafka');
    const crossings = published.filter((event) => event.type === 'wallet.LowBalanceCrossed');
    expect(crossings).toHaveLength(1);
    expect(crossings[0]!.data).toEqual({ accountKind: 'customer', agentId: 'kafka-agent', customerId: 'kafka-cust', balance: '4', threshold: '5' });
    expect(crossings[0]!.aggregateId).toBe('wallet-customer-kafka-cust');
    const transferred = published.find((event) => event.type === 'wallet.FundsTransferred');
    expect(transferred?.data).toMatchObject({ agentId: 'kafka-agent', customerId: 'kafka-cust', amount: '10', agentBalanceAfter: '20' });
  }, 90_000);
});
