// One test's world: a pool, a bus, fake accounts + wallet + rating producers publishing real v1
// envelopes on it, and a real app (gateway + ReportsModule) on the run's PostgreSQL, with logins
// for admin, two agents and a customer.
import { CredentialsService, startGatewayTestApp, TEST_ADMIN_PASSWORD, type GatewayTestApp, type TestResponse } from '@billing/gateway';
import { InProcessBus, silentLogger, type IntegrationBus } from '@billing/messaging';
import { createPool } from '@billing/postgres';
import { startPerFile, testDatabaseUrl, uniqueName } from '@billing/testing';
import type pg from 'pg';
import { ReportsModule } from '../reports.module.js';
import type { LiveOptions, ReportsModuleOptions } from '../reports.options.js';
import { FakeProducer } from './fake-producer.js';
import { SseClient } from '@billing/testing';
import { waitFor } from './wait.js';
import { World } from './world.js';

export const AGENT_A = 'agent-a';
export const AGENT_B = 'agent-b';
const PASSWORD = 'a-long-enough-test-password';

export type Who = 'admin' | 'agentA' | 'agentB' | 'customer';

export interface Scenario {
  pool: pg.Pool;
  bus: IntegrationBus;
  world: World;
  gateway: GatewayTestApp;
  schema: string;
  tokens: Record<Who, string>;
  get(who: Who, path: string, headers?: Record<string, string>): Promise<TestResponse>;
  /** GET /api/v1/reports/summary?<query> as `who`, expecting 200. */
  summary(who: Who, query?: string): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  /** GET /api/v1/reports/live?<query> as `who` (bearer header unless `headers` say otherwise). */
  live(who: Who, query?: string, headers?: Record<string, string>): Promise<SseClient & { text?: string }>;
  cleanup(): Promise<void>;
}

export interface ScenarioOptions {
  bus?: IntegrationBus;
  live?: Partial<LiveOptions>;
  module?: Partial<ReportsModuleOptions>;
  /** extra environment of the app (GatewayConfig). */
  env?: Record<string, string>;
}

export function testInProcessBus(): InProcessBus {
  return new InProcessBus({ logger: silentLogger, pollIntervalMs: 100, consumer: { backoff: { initialDelayMs: 20, maxDelayMs: 200, multiplier: 2 } } });
}

export async function openScenario(options: ScenarioOptions = {}): Promise<Scenario> {
  const pool = createPool(testDatabaseUrl(), { max: 12, applicationName: 'reports-test' });
  const bus = options.bus ?? testInProcessBus();
  const suffix = uniqueName('s').slice(2);
  const accounts = await FakeProducer.open(pool, `accounts-${suffix}`);
  const wallet = await FakeProducer.open(pool, `wallet-${suffix}`);
  const rating = await FakeProducer.open(pool, `rating-${suffix}`);
  const relays = [await accounts.relay(bus), await wallet.relay(bus), await rating.relay(bus)];
  const schema = uniqueName('reports');
  const clients: SseClient[] = [];
  let gateway: GatewayTestApp | undefined;
  try {
    gateway = await startGatewayTestApp({
      databaseUrl: testDatabaseUrl(),
      schema: uniqueName('gw_reports'),
      ...(options.env === undefined ? {} : { env: options.env }),
      imports: [
        ReportsModule.forRoot({
          pool,
          bus,
          schema,
          service: `reports-${suffix}`,
          sources: { accounts: accounts.service, wallet: wallet.service, rating: rating.service },
          live: { heartbeatMs: 15_000, ...options.live },
          consumer: { maxAttempts: 5, backoff: { initialDelayMs: 20, maxDelayMs: 200, multiplier: 2 } },
          ...options.module,
        }),
      ],
    });
    const credentials = gateway.app.get(CredentialsService);
    await credentials.createLogin({ username: 'agent-a-login', password: PASSWORD, role: 'agent', subjectId: AGENT_A });
    await credentials.createLogin({ username: 'agent-b-login', password: PASSWORD, role: 'agent', subjectId: AGENT_B });
    await credentials.createLogin({ username: 'customer-login', password: PASSWORD, role: 'customer', subjectId: 'cust-a1' });
  } catch (error) {
    await gateway?.close().catch(() => undefined);
    throw error;
  }
  const app = gateway;
  const tokens: Record<Who, string> = {
    admin: await app.login('admin', TEST_ADMIN_PASSWORD),
    agentA: await app.login('agent-a-login', PASSWORD),
    agentB: await app.login('agent-b-login', PASSWORD),
    customer: await app.login('customer-login', PASSWORD),
  };
  const get = (who: Who, path: string, headers: Record<string, string> = {}) => app.request('GET', path, { token: tokens[who], headers });
  return {
    pool,
    bus,
    world: new World(accounts, wallet, rating),
    gateway: app,
    schema,
    tokens,
    get,
    async summary(who, query = '') {
      const res = await get(who, `/api/v1/reports/summary${query === '' ? '' : `?${query}`}`);
      if (res.status !== 200) throw new Error(`GET /reports/summary?${query} as ${who}: ${res.status} ${res.text}`);
      return res.body;
    },
    async live(who, query = '', headers) {
      const client = await SseClient.connect(`${app.baseUrl}/api/v1/reports/live${query === '' ? '' : `?${query}`}`, headers ?? { authorization: `Bearer ${tokens[who]}` });
      clients.push(client);
      return client;
    },
    async cleanup() {
      for (const client of clients) client.close();
      await app.close().catch(() => undefined);
      for (const relay of relays) await relay.stop().catch(() => undefined);
      await bus.close();
      for (const producer of [accounts, wallet, rating]) await producer.drop();
      await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await pool.end();
    },
  };
}

/**
 * The scenario all the tests of a spec file share: opened before them, `seed` run on its world
 * (the world's clock reset after it), cleaned up after them.
 */
export function scenarioPerFile(seed?: (world: World) => Promise<void>, options: ScenarioOptions = {}): Scenario {
  const scenario = startPerFile(() => openScenario(options), (opened) => opened.cleanup());
  if (seed !== undefined) {
    beforeAll(async () => {
      await seed(scenario.world);
      scenario.world.at(undefined);
    });
  }
  return scenario;
}

/** Waits until GET /reports/customers?<range> counts `calls` calls: what was seeded is projected. */
export function untilCustomersCalls(scenario: Scenario, range: string, calls: number): Promise<unknown> {
  return waitFor(
    async () => (await scenario.get('admin', `/api/v1/reports/customers?${range}`)).body,
    (body) => body.totals?.calls === calls,
    `${calls} calls in the customers' report (${range})`,
  );
}
