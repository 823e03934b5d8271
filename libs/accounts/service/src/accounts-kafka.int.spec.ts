// The scenario end to end, published on the REAL broker: ITC opens an agent and a batch
// of 10 (a batch of 9 is refused), the agent logs in and sees exactly its customers, and every
// fact other services need arrives on accounts.events.v1 with the documented headers.
import { jest } from '@jest/globals';
import { ACCOUNTS_EVENTS_TOPIC, parseAccountsEventV1 } from '@billing/contracts';
import { KafkaBus, silentLogger } from '@billing/messaging';
import { testKafkaBrokers } from '@billing/testing';
import { startAccountsTestApp, type AccountsTestApp } from './__fixtures__/accounts-test-app.js';
import { createProfile, expectProblem, expectStatus, registerAgent } from './__fixtures__/scenario.js';
import { TopicReader } from './__fixtures__/topic-reader.js';

jest.setTimeout(120_000);

let app: AccountsTestApp;

beforeAll(async () => {
  app = await startAccountsTestApp({ bus: new KafkaBus({ brokers: testKafkaBrokers(), clientId: 'accounts-test', logger: silentLogger }) });
});

afterAll(async () => {
  await app?.close();
});

it('publishes what ITC, the agent and the customers did to accounts.events.v1', async () => {
  const agent = await registerAgent(app);
  const profile = await createProfile(app, app.adminToken);
  expectProblem(await app.request('POST', '/api/v1/customers/batch', { token: app.adminToken, body: { profileId: profile, agentId: agent.id, count: 9 } }), 422, 'batch_too_small');
  const opened = await app.request('POST', '/api/v1/customers/batch', {
    token: app.adminToken,
    body: { profileId: profile, agentId: agent.id, count: 10 },
    headers: { 'X-Correlation-Id': 'itc-batch-request-1' },
  });
  expectStatus(opened, 201);
  const customerIds: string[] = opened.body.customers.map((c: { customerId: string }) => c.customerId);
  const seen = await app.request('GET', '/api/v1/customers', { token: agent.token });
  expect(seen.body.items.map((c: { id: string }) => c.id).sort()).toEqual([...customerIds].sort());
  expectStatus(await app.request('PATCH', `/api/v1/agents/${agent.id}`, { token: app.adminToken, body: { commissionPercent: '20' } }), 200);
  expectStatus(await app.request('POST', `/api/v1/customers/${customerIds[0]}/suspend`, { token: agent.token }), 200);

  const reader = await TopicReader.start(testKafkaBrokers(), ACCOUNTS_EVENTS_TOPIC, [agent.id, opened.body.batchId, profile, ...customerIds]);
  try {
    // 1 agent + 1 commission change + 1 batch + 10 customers + 1 suspension
    const messages = await reader.waitFor((m) => m.length >= 14, 60_000);
    const types = messages.map((m) => m.headers['event-type']);
    expect(types.filter((t) => t === 'accounts.AgentRegistered')).toHaveLength(1);
    expect(types.filter((t) => t === 'accounts.AgentCommissionChanged')).toHaveLength(1);
    expect(types.filter((t) => t === 'accounts.BatchOpened')).toHaveLength(1);
    expect(types.filter((t) => t === 'accounts.CustomerOpened')).toHaveLength(10);
    expect(types.filter((t) => t === 'accounts.CustomerStatusChanged')).toHaveLength(1);
    // profiles are internal: no message is keyed by the profile
    expect(messages.some((m) => m.key === profile)).toBe(false);

    for (const message of messages) {
      expect(message.headers).toMatchObject({ 'event-id': message.value.eventId, 'event-type': message.value.type, 'schema-version': '1' });
      expect(message.headers['causation-id']).toEqual(expect.any(String));
      expect(message.key).toBe(message.value.aggregateId);
      // every message is valid against the published contract
      parseAccountsEventV1(String(message.value.type), message.value.data);
    }
    const customerOpened = messages.filter((m) => m.headers['event-type'] === 'accounts.CustomerOpened');
    expect(customerOpened.every((m) => m.headers['correlation-id'] === 'itc-batch-request-1')).toBe(true);
    expect(customerOpened[0]!.value.data).toMatchObject({
      agentId: agent.id,
      batchId: opened.body.batchId,
      billingType: 'prepaid',
      initialBalance: '5',
      initialBalanceSource: 'operator',
      actor: 'admin:admin',
    });
    // credentials never leave the accounts service
    expect(JSON.stringify(customerOpened)).not.toMatch(/sipHa1|portalUsername|password/i);
    const commission = messages.find((m) => m.headers['event-type'] === 'accounts.AgentCommissionChanged');
    expect(commission?.value.data).toMatchObject({ previousCommissionPercent: '12.5', commissionPercent: '20', actor: 'admin:admin' });
  } finally {
    await reader.stop();
  }
});
