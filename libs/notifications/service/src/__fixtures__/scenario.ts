// One test's world: a pool, a bus, fake accounts + wallet producers on it, a real SMTP server,
// and the notifications app (start it again on the same schema to "restart" the service).
import { InProcessBus, silentLogger, type IntegrationBus } from '@billing/messaging';
import { createPool } from '@billing/postgres';
import { startTestSmtpServer, testDatabaseUrl, uniqueName, type TestSmtpServer, type TestSmtpServerOptions } from '@billing/testing';
import type pg from 'pg';
import { FakeProducer } from './fake-producer.js';
import { startNotificationsApp, type AppSettings, type NotificationsApp } from './notifications-app.js';
import { World } from './world.js';

export interface Scenario {
  pool: pg.Pool;
  bus: IntegrationBus;
  world: World;
  /** undefined when the scenario runs without SMTP (mail disabled). */
  smtp: TestSmtpServer | undefined;
  /** the notifications schema (event store + read models). */
  schema: string;
  start(overrides?: Partial<AppSettings>): Promise<NotificationsApp>;
  /** event types of one notification stream, in order. */
  streamTypes(notificationId: string): Promise<string[]>;
  cleanup(): Promise<void>;
}

export interface ScenarioOptions {
  smtp?: TestSmtpServerOptions | false;
  bus?: IntegrationBus;
  batchMail?: boolean;
}

export function testInProcessBus(): InProcessBus {
  return new InProcessBus({ logger: silentLogger, pollIntervalMs: 100, consumer: { backoff: { initialDelayMs: 20, maxDelayMs: 200, multiplier: 2 } } });
}

export async function openScenario(options: ScenarioOptions = {}): Promise<Scenario> {
  const pool = createPool(testDatabaseUrl(), { max: 12, applicationName: 'notifications-test' });
  const bus = options.bus ?? testInProcessBus();
  const suffix = uniqueName('s').slice(2);
  const accounts = await FakeProducer.open(pool, `accounts-${suffix}`);
  const wallet = await FakeProducer.open(pool, `wallet-${suffix}`);
  await accounts.relay(bus);
  await wallet.relay(bus);
  const smtp = options.smtp === false ? undefined : await startTestSmtpServer(options.smtp ?? {});
  const schema = uniqueName('notif');
  const apps: NotificationsApp[] = [];
  return {
    pool,
    bus,
    world: new World(accounts, wallet),
    smtp,
    schema,
    async start(overrides = {}) {
      const app = await startNotificationsApp({
        bus,
        pool,
        schema,
        sources: { accounts: accounts.service, wallet: wallet.service },
        service: `notifications-${suffix}`,
        ...(smtp === undefined ? {} : { smtpUrl: smtp.url }),
        batchMail: options.batchMail ?? false,
        ...overrides,
      });
      apps.push(app);
      return app;
    },
    async streamTypes(notificationId) {
      const { rows } = await pool.query<{ type: string }>(`SELECT type FROM "${schema}".events WHERE stream_id = $1 ORDER BY stream_version`, [`notification-${notificationId}`]);
      return rows.map((row) => row.type);
    },
    async cleanup() {
      for (const app of apps) await app.close().catch(() => undefined);
      await bus.close();
      await smtp?.stop();
      await accounts.drop();
      await wallet.drop();
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await pool.end();
    },
  };
}
