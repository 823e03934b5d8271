// A wallet low-balance crossing through the whole service over the in-process bus and a real
// SMTP server: one well-formed e-mail, once; temporary failures retried with backoff; permanent
// ones recorded and not retried.
import { jest } from '@jest/globals';
import { notificationIdFor } from './intake/notification-intake.js';
import type { NotificationsApp } from './__fixtures__/notifications-app.js';
import { openScenario, type Scenario } from './__fixtures__/scenario.js';
import { startTcpGate } from './__fixtures__/tcp-gate.js';
import { pause, waitFor } from './__fixtures__/wait.js';

jest.setTimeout(60_000);

let scenario: Scenario | undefined;
afterEach(async () => {
  await scenario?.cleanup();
  scenario = undefined;
});

async function withAgentAndCustomer(s: Scenario, customer: Parameters<Scenario['world']['customer']>[1] = {}): Promise<void> {
  await s.world.agent('agent-1', { name: 'Smith & Sons <script>alert(1)</script>', contactEmail: 'ops@smith.example' });
  await s.world.customer('cust-1', { agentId: 'agent-1', ...customer });
}

const lowBalanceId = (eventId: string, holder = 'customer:cust-1') => notificationIdFor(`${eventId}/low-balance/${holder}`);

async function settled(app: NotificationsApp, count: number) {
  return waitFor(() => app.listAll(), (items) => items.length === count && items.every((n) => n.status !== 'pending'), `${count} settled notifications`);
}

it('sends one well-formed e-mail for a low-balance crossing, in the holder language, escaped', async () => {
  scenario = await openScenario();
  const { world, smtp } = scenario;
  const app = await scenario.start();
  await withAgentAndCustomer(scenario, { language: 'es-MX', contactEmail: "o'neil&co@example.org", accountNumber: '1234567890' });
  const crossing = await world.customerLowBalance('cust-1', 'agent-1', { balance: '4.5', threshold: '5' });

  const [mail] = await smtp!.waitForMessages(1);
  const id = lowBalanceId(crossing.eventId);
  expect(mail!.from).toBe('billing@itc.example');
  expect(mail!.to).toEqual(["o'neil&co@example.org"]);
  expect(mail!.headers.from).toBe('ITC Billing <billing@itc.example>');
  expect(mail!.headers.to).toContain("o'neil&co@example.org");
  expect(mail!.subject).toBe('Saldo bajo en la cuenta 1234567890');
  expect(mail!.headers['message-id']).toBe(`<${id}@itc.example>`);
  expect(mail!.headers['content-type']).toMatch(/^multipart\/alternative;\s*boundary=/);
  expect(mail!.headers['content-language']).toBe('es');
  expect(mail!.headers['x-billing-event']).toBe(crossing.eventId);
  expect(mail!.headers['auto-submitted']).toBe('auto-generated');
  expect(mail!.text).toContain('El saldo de su cuenta 1234567890 es 4,50 USD, por debajo de su umbral de saldo bajo de 5,00 USD.');
  expect(mail!.text).toContain('https://portal.itc.example, o pida una recarga a Smith & Sons <script>alert(1)</script>.');
  expect(mail!.html).toContain('o pida una recarga a Smith &amp; Sons &lt;script&gt;alert(1)&lt;/script&gt;.');
  expect(mail!.html).toContain('activados para o&#x27;neil&amp;co@example.org');
  expect(mail!.html).toContain('<a href="https://portal.itc.example">su portal</a>');
  expect(mail!.html).not.toContain('<script>');

  const [listed] = await settled(app, 1);
  expect(listed).toMatchObject({ notificationId: id, kind: 'low-balance', status: 'sent', attempts: 1, recipient: "o'neil&co@example.org", language: 'es', messageId: `<${id}@itc.example>` });
  await pause(500);
  expect(smtp!.messages).toHaveLength(1);
});

it('sends one e-mail when the same event is delivered twice', async () => {
  scenario = await openScenario();
  const { world, smtp } = scenario;
  const app = await scenario.start();
  await withAgentAndCustomer(scenario);
  const crossing = await world.customerLowBalance('cust-1', 'agent-1');
  await world.customerLowBalance('cust-1', 'agent-1', undefined, { eventId: crossing.eventId });
  // Published after both deliveries on the same topic: once its e-mail is out, both were handled.
  await world.agentLowBalance('agent-1');

  await smtp!.waitForMessages(2);
  await settled(app, 2);
  await pause(300);
  expect(smtp!.messages.map((m) => m.to[0]).sort()).toEqual(['cust-1@customers.example', 'ops@smith.example']);
  expect(await scenario.streamTypes(lowBalanceId(crossing.eventId))).toEqual(['NotificationRequested', 'NotificationSent']);
});

it('retries a 421 with backoff: exactly one e-mail, 3 attempts recorded', async () => {
  scenario = await openScenario({ smtp: { failFirst: 2 } });
  const { world, smtp } = scenario;
  const app = await scenario.start();
  await withAgentAndCustomer(scenario);
  const crossing = await world.customerLowBalance('cust-1', 'agent-1');

  await smtp!.waitForMessages(1);
  const [listed] = await settled(app, 1);
  expect(listed).toMatchObject({ status: 'sent', attempts: 3, lastError: '421 Service not available, try again later' });
  expect(smtp!.attempts.map((a) => a.code)).toEqual([421, 421, 250]);
  expect(await scenario.streamTypes(lowBalanceId(crossing.eventId))).toEqual([
    'NotificationRequested',
    'NotificationAttemptFailed',
    'NotificationAttemptFailed',
    'NotificationSent',
  ]);
  await pause(500);
  expect(smtp!.messages).toHaveLength(1);
});

it('retries connection errors with backoff until the server answers', async () => {
  scenario = await openScenario();
  const gate = await startTcpGate(scenario.smtp!);
  try {
    const app = await scenario.start({ smtpUrl: gate.url, delivery: { retry: { maxAttempts: 10, initialDelayMs: 100, maxDelayMs: 300, multiplier: 2 } } });
    await withAgentAndCustomer(scenario);
    await scenario.world.customerLowBalance('cust-1', 'agent-1');
    const [failing] = await waitFor(() => app.listAll(), (items) => (items[0]?.attempts ?? 0) >= 2, 'two failed attempts');
    expect(failing).toMatchObject({ status: 'pending', lastError: expect.stringMatching(/^(ECONNECTION|ESOCKET|ETIMEDOUT): /) });
    gate.open();
    await scenario.smtp!.waitForMessages(1);
    const [sent] = await settled(app, 1);
    expect(sent!.status).toBe('sent');
    expect(sent!.attempts).toBeGreaterThanOrEqual(3);
    expect(gate.dropped).toBe(sent!.attempts - 1);
  } finally {
    await gate.close();
  }
});

it('records a permanent 550 as failed and does not retry it', async () => {
  scenario = await openScenario({ smtp: { rejectWith: 550 } });
  const app = await scenario.start();
  await withAgentAndCustomer(scenario);
  await scenario.world.customerLowBalance('cust-1', 'agent-1');

  const [listed] = await settled(app, 1);
  expect(listed).toMatchObject({ status: 'failed', attempts: 1, lastError: '550 Mailbox unavailable' });
  await pause(1_000); // longer than the whole test retry schedule
  expect(scenario.smtp!.attempts).toHaveLength(1);
});

it('gives up on temporary failures after the bounded attempts', async () => {
  scenario = await openScenario({ smtp: { failFirst: 1_000 } });
  const app = await scenario.start();
  await withAgentAndCustomer(scenario);
  await scenario.world.customerLowBalance('cust-1', 'agent-1');

  const [listed] = await settled(app, 1);
  expect(listed).toMatchObject({ status: 'failed', attempts: 4, lastError: 'gave up after 4 attempts: 421 Service not available, try again later' });
  await pause(800);
  expect(scenario.smtp!.attempts).toHaveLength(4);
});

it('waits for a recipient whose accounts events arrive after the crossing', async () => {
  scenario = await openScenario();
  const { world, smtp } = scenario;
  const app = await scenario.start();
  await world.agent('agent-1');
  await world.customerLowBalance('cust-late', 'agent-1');
  await pause(700);
  expect(smtp!.messages).toHaveLength(0);
  await world.customer('cust-late', { agentId: 'agent-1' });

  const [mail] = await smtp!.waitForMessages(1);
  expect(mail!.to).toEqual(['cust-late@customers.example']);
  await settled(app, 1);
});
