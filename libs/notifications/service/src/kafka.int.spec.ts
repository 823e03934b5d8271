// The same service over the real Kafka broker (the distributed mode): the fake producers' relays
// publish real envelopes to their topics, the notifications consumer groups read them. One event
// produced twice to Kafka is mailed once.
import { KafkaBus, silentLogger } from '@billing/messaging';
import { dlqTopicFor, topicFor } from '@billing/contracts';
import { deleteTopics, testKafkaBrokers } from '@billing/testing';
import { jest } from '@jest/globals';
import { notificationIdFor } from './intake/notification-intake.js';
import { openScenario, type Scenario } from './__fixtures__/scenario.js';
import { pause, waitFor } from './__fixtures__/wait.js';

jest.setTimeout(90_000);

const backoff = { initialDelayMs: 20, maxDelayMs: 300, multiplier: 2 };
let scenario: Scenario | undefined;

afterEach(async () => {
  if (scenario === undefined) return;
  const topics = [scenario.world.accounts.service, scenario.world.wallet.service].map(topicFor);
  await scenario.cleanup();
  await deleteTopics(testKafkaBrokers(), [...topics, ...topics.map(dlqTopicFor)]);
  scenario = undefined;
});

it('mails a low-balance crossing consumed from Kafka once, also when the broker delivers it twice', async () => {
  const bus = new KafkaBus({
    brokers: testKafkaBrokers(),
    clientId: 'notifications-test',
    logger: silentLogger,
    partitions: 2,
    relay: { pollIntervalMs: 100, backoff },
    consumer: { backoff, sessionTimeoutMs: 6_000, heartbeatIntervalMs: 1_000, maxWaitTimeMs: 100 },
  });
  scenario = await openScenario({ bus });
  const { world, smtp } = scenario;
  const app = await scenario.start();
  await world.agent('agent-1', { contactEmail: 'ops@acme.example' });
  await world.customer('cust-1', { agentId: 'agent-1', language: 'es' });
  const crossing = await world.customerLowBalance('cust-1', 'agent-1');
  await world.customerLowBalance('cust-1', 'agent-1', undefined, { eventId: crossing.eventId });

  const [mail] = await smtp!.waitForMessages(1, 45_000);
  const id = notificationIdFor(`${crossing.eventId}/low-balance/customer:cust-1`);
  expect(mail).toMatchObject({ to: ['cust-1@customers.example'], subject: expect.stringMatching(/^Saldo bajo en la cuenta \d{10}$/) });
  expect(mail!.headers['message-id']).toBe(`<${id}@itc.example>`);
  await waitFor(() => app.listAll(), (items) => items.length === 1 && items[0]!.status === 'sent', 'recorded as sent');
  // Both copies share a partition (same key): the second was read right after the first.
  await pause(1_500);
  expect(smtp!.messages).toHaveLength(1);
  expect(await scenario.streamTypes(id)).toEqual(['NotificationRequested', 'NotificationSent']);
});
