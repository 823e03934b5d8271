// Rating as the standalone app runs it, for integration tests: the gateway (auth, validation,
// problem+json) with the real WalletModule and the RatingModule on the run's PostgreSQL, one bus
// (in-process, or Kafka on the run's broker), and a fake accounts publisher on that bus. Schemas,
// service names (topics) and groups are unique per app; close() removes them.
import { topicFor } from '@billing/contracts';
import { CredentialsService, startGatewayTestApp, TEST_INTERNAL_SERVICE_KEY, TEST_SWITCH_API_KEY, type GatewayTestApp, type TestResponse } from '@billing/gateway';
import { consoleLogger, InProcessBus, KafkaBus, type IntegrationBus } from '@billing/messaging';
import { parseMoney } from '@billing/money';
import { createPool } from '@billing/postgres';
import { deleteTopics, startPerFile, testDatabaseUrl, testKafkaBrokers, uniqueName } from '@billing/testing';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the tests compose rating with the real wallet, as apps/standalone does
import { LedgerService, WalletCalls, WalletModule } from '@billing/wallet-service';
import type pg from 'pg';
import { RatingDatabase } from '../infrastructure/rating-database.js';
import { RatingModule } from '../rating.module.js';
import type { RatingModuleOptions } from '../rating.options.js';
import { agentRegistered, customerOpened, FakeAccounts, type CustomerDraft } from './fake-accounts.js';

export interface RatingTestAppOptions {
  transport?: 'in-process' | 'kafka';
  rating?: Partial<Omit<RatingModuleOptions, 'pool' | 'bus' | 'wallet'>>;
}

const logger = consoleLogger('rating-test', 'error');
const fastBackoff = { initialDelayMs: 20, maxDelayMs: 200, multiplier: 2 };

export interface OpenedCustomer {
  customerId: string;
  accountNumber: string;
  sipUsername: string;
}

export class RatingTestApp {
  private readonly passwords = new Map<string, string>();

  private constructor(
    readonly gw: GatewayTestApp,
    readonly pool: pg.Pool,
    readonly bus: IntegrationBus,
    readonly accounts: FakeAccounts,
    readonly schemas: string[],
    readonly services: string[],
    readonly adminToken: string,
  ) {}

  /** The app all the tests of a spec file (or describe block) share: started before them, closed after them. */
  static perFile(options: RatingTestAppOptions = {}): RatingTestApp {
    return startPerFile(() => RatingTestApp.start(options), (app) => app.close());
  }

  static async start(options: RatingTestAppOptions = {}): Promise<RatingTestApp> {
    const pool = createPool(testDatabaseUrl(), { max: 20, applicationName: 'rating-test' });
    const bus: IntegrationBus =
      options.transport === 'kafka'
        ? new KafkaBus({
            brokers: testKafkaBrokers(),
            clientId: uniqueName('rating_test'),
            logger,
            partitions: 3,
            relay: { pollIntervalMs: 100, backoff: fastBackoff },
            consumer: { backoff: fastBackoff, sessionTimeoutMs: 6_000, heartbeatIntervalMs: 1_000, maxWaitTimeMs: 100 },
          })
        : new InProcessBus({ logger, pollIntervalMs: 100, consumer: { backoff: fastBackoff } });
    const [accountsSchema, walletSchema, ratingSchema] = [uniqueName('accounts_src'), uniqueName('wallet'), uniqueName('rating')];
    const [accountsService, walletService, ratingService] = [uniqueName('accounts'), uniqueName('wallet_svc'), uniqueName('rating_svc')];
    const accounts = await FakeAccounts.start(pool, bus, accountsSchema, accountsService);
    const gw = await startGatewayTestApp({
      databaseUrl: testDatabaseUrl(),
      schema: uniqueName('gw'),
      imports: [
        WalletModule.forRoot({ pool, bus, schema: walletSchema, service: walletService, accountsService, ratingService, holdSweepIntervalMs: 0, projectionPollIntervalMs: 100 }),
        RatingModule.forRoot({ pool, bus, wallet: WalletCalls, schema: ratingSchema, service: ratingService, accountsService, ...options.rating }),
      ],
    });
    const adminToken = await gw.login('admin', gw.adminPassword!);
    return new RatingTestApp(gw, pool, bus, accounts, [accountsSchema, walletSchema, ratingSchema], [accountsService, walletService, ratingService], adminToken);
  }

  get db(): RatingDatabase {
    return this.gw.app.get(RatingDatabase);
  }

  get ratingService(): string {
    return this.services[2]!;
  }

  request(method: string, path: string, options: Parameters<GatewayTestApp['request']>[2] = {}): Promise<TestResponse> {
    return this.gw.request(method, path, options);
  }

  admin(method: string, path: string, body?: unknown): Promise<TestResponse> {
    return this.gw.request(method, path, { token: this.adminToken, ...(body === undefined ? {} : { body }) });
  }

  switch(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<TestResponse> {
    return this.gw.request(method, path, { token: TEST_SWITCH_API_KEY, headers, ...(body === undefined ? {} : { body }) });
  }

  /** An internal route, as another process of the product calls it (INTERNAL_SERVICE_KEY). */
  service(method: string, path: string, body?: unknown): Promise<TestResponse> {
    return this.gw.request(method, path, { token: TEST_INTERNAL_SERVICE_KEY, ...(body === undefined ? {} : { body }) });
  }

  /** Posts text (CSV) to a path, with the switch key or the admin token. */
  async postText(path: string, text: string | AsyncIterable<string>, as: 'admin' | 'switch', contentType = 'text/csv'): Promise<TestResponse> {
    const token = as === 'admin' ? this.adminToken : TEST_SWITCH_API_KEY;
    const body = typeof text === 'string' ? text : streamOf(text);
    const res = await fetch(`${this.gw.baseUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
      body,
      ...(typeof text === 'string' ? {} : { duplex: 'half' }),
    } as RequestInit);
    const raw = await res.text();
    const type = res.headers.get('content-type') ?? '';
    return { status: res.status, headers: res.headers, contentType: type, body: /json/.test(type) && raw !== '' ? JSON.parse(raw) : raw, text: raw };
  }

  /** A login for an agent or customer; returns its access token. */
  async token(role: 'agent' | 'customer', subjectId: string): Promise<string> {
    const username = `${role}-${subjectId}`.toLowerCase();
    let password = this.passwords.get(username);
    if (password === undefined) {
      password = `pw-${subjectId}-0123456789`;
      await this.gw.app.get(CredentialsService).createLogin({ username, password, role, subjectId });
      this.passwords.set(username, password);
    }
    return this.gw.login(username, password);
  }

  async openAgent(agentId: string, rateSheetId: string): Promise<void> {
    await this.accounts.publish(agentRegistered(agentId, rateSheetId));
    await waitFor(async () => (await this.pool.query(`SELECT 1 FROM ${this.db.table('agents')} WHERE agent_id = $1`, [agentId])).rowCount === 1, 20_000, `agent ${agentId} in rating`);
  }

  /** Opens a customer through accounts' CustomerOpened; waits until rating knows it and wallet funded it. */
  async openCustomer(customerId: string, draft: CustomerDraft): Promise<OpenedCustomer> {
    const event = customerOpened(customerId, draft);
    await this.accounts.publish(event);
    await waitFor(async () => (await this.pool.query(`SELECT 1 FROM ${this.db.table('customers')} WHERE customer_id = $1`, [customerId])).rowCount === 1, 20_000, `customer ${customerId} in rating`);
    const expected = parseMoney(draft.initialBalance ?? '0');
    await waitFor(async () => (await this.wallet(customerId))?.balanceMicros === expected, 20_000, `customer ${customerId} funded in wallet`);
    return { customerId, accountNumber: event.data.accountNumber, sipUsername: event.data.sipUsername };
  }

  /** The customer's ledger account as the wallet's ledger has it now (undefined: not opened). */
  async wallet(customerId: string): Promise<{ balanceMicros: bigint; heldMicros: bigint } | undefined> {
    const { account } = await this.gw.app.get(LedgerService).accounts.loadFromStore(`customer:${customerId}` as never);
    const state = account.state as { status: string; balanceMicros?: bigint; holds?: Map<string, { grantedMicros: bigint }> };
    if (state.status === 'unopened' || state.balanceMicros === undefined) return undefined;
    let heldMicros = 0n;
    for (const hold of state.holds?.values() ?? []) heldMicros += hold.grantedMicros;
    return { balanceMicros: state.balanceMicros, heldMicros };
  }

  async close(): Promise<void> {
    await this.gw.close();
    await this.accounts.stop();
    await this.bus.close();
    for (const schema of this.schemas) await this.pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    if (this.bus.transport === 'kafka') {
      const topics = this.services.map(topicFor);
      await deleteTopics(testKafkaBrokers(), [...topics, ...topics.map((topic) => `${topic}.dlq`)]);
    }
    await this.pool.end();
  }
}

export async function waitFor(done: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function streamOf(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
}

/** A sync generator as an async iterable (for streamed request bodies). */
export async function* asAsync<T>(items: Iterable<T>): AsyncGenerator<T> {
  for (const item of items) yield item;
}
