// The wallet as the standalone app runs it, for integration tests: the gateway (auth, validation,
// idempotency, problem+json) with the WalletModule on the run's PostgreSQL, a bus (in-process, or
// Kafka on the run's broker), and a fake accounts publisher on that bus. Unique schemas, topics
// and groups per app; close() removes them.
import { CredentialsService, startGatewayTestApp, type GatewayTestApp } from '@billing/gateway';
import { consoleLogger, InProcessBus, KafkaBus, type IntegrationBus } from '@billing/messaging';
import { createPool } from '@billing/postgres';
import { deleteTopics, startPerFile, testDatabaseUrl, testKafkaBrokers, uniqueName } from '@billing/testing';
import { topicFor } from '@billing/contracts';
import type { LedgerAccountId } from '@billing/wallet-domain';
import type pg from 'pg';
import { LedgerService } from '../application/ledger.service.js';
import { WalletCalls } from '../application/wallet-calls.service.js';
import { WalletCommands } from '../application/wallet-commands.service.js';
import { WalletDatabase } from '../infrastructure/wallet-database.js';
import { WalletProjections } from '../projections/wallet-projections.js';
import { WalletQueries } from '../queries/wallet-queries.js';
import { WalletModule } from '../wallet.module.js';
import type { WalletModuleOptions } from '../wallet.options.js';
import { agentRegistered, customerOpened } from './accounts-events.js';
import { FakeAccounts } from './fake-accounts.js';

export interface WalletTestAppOptions {
  transport?: 'in-process' | 'kafka';
  wallet?: Partial<Omit<WalletModuleOptions, 'pool' | 'bus'>>;
  /** connections of the wallet's own pool (default 20). */
  poolSize?: number;
}

const logger = consoleLogger('wallet-test', 'error');
const fastBackoff = { initialDelayMs: 20, maxDelayMs: 200, multiplier: 2 };

export class WalletTestApp {
  private readonly passwords = new Map<string, string>();

  private constructor(
    readonly gw: GatewayTestApp,
    readonly pool: pg.Pool,
    readonly bus: IntegrationBus,
    readonly accounts: FakeAccounts,
    readonly schema: string,
    readonly walletService: string,
    private readonly accountsSchema: string,
    readonly adminToken: string,
  ) {}

  /** The app all the tests of a spec file (or describe block) share: started before them, closed after them. */
  static perFile(options: WalletTestAppOptions = {}): WalletTestApp {
    return startPerFile(() => WalletTestApp.start(options), (app) => app.close());
  }

  static async start(options: WalletTestAppOptions = {}): Promise<WalletTestApp> {
    const pool = createPool(testDatabaseUrl(), { max: options.poolSize ?? 20, applicationName: 'wallet-test' });
    const bus: IntegrationBus =
      options.transport === 'kafka'
        ? new KafkaBus({
            brokers: testKafkaBrokers(),
            clientId: uniqueName('wallet_test'),
            logger,
            partitions: 3,
            relay: { pollIntervalMs: 100, backoff: fastBackoff },
            consumer: { backoff: fastBackoff, sessionTimeoutMs: 6_000, heartbeatIntervalMs: 1_000, maxWaitTimeMs: 100 },
          })
        : new InProcessBus({ logger, pollIntervalMs: 100, consumer: { backoff: fastBackoff } });
    const schema = options.wallet?.schema ?? uniqueName('wallet');
    const accountsSchema = uniqueName('accounts_src');
    const accountsService = uniqueName('accounts');
    const walletService = options.wallet?.service ?? uniqueName('wallet_svc');
    const accounts = await FakeAccounts.start(pool, bus, accountsSchema, accountsService);
    const gw = await startGatewayTestApp({
      databaseUrl: testDatabaseUrl(),
      schema: uniqueName('gw'),
      imports: [WalletModule.forRoot({ pool, bus, schema, service: walletService, accountsService, holdSweepIntervalMs: 0, projectionPollIntervalMs: 100, ...options.wallet })],
    });
    const adminToken = await gw.login('admin', gw.adminPassword!);
    return new WalletTestApp(gw, pool, bus, accounts, schema, walletService, accountsSchema, adminToken);
  }

  get ledger(): LedgerService {
    return this.gw.app.get(LedgerService);
  }
  get calls(): WalletCalls {
    return this.gw.app.get(WalletCalls);
  }
  get commands(): WalletCommands {
    return this.gw.app.get(WalletCommands);
  }
  get queries(): WalletQueries {
    return this.gw.app.get(WalletQueries);
  }
  get projections(): WalletProjections {
    return this.gw.app.get(WalletProjections);
  }
  get db(): WalletDatabase {
    return this.gw.app.get(WalletDatabase);
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

  /** Registers an agent with accounts and waits until the wallet opened its accounts. */
  async openAgent(agentId: string, options: { commissionPercent?: string; lowBalanceThreshold?: string } = {}): Promise<void> {
    await this.accounts.publish(agentRegistered(agentId, options));
    await this.waitForAccount(`commission:${agentId}`);
  }

  /** Opens a customer through accounts' CustomerOpened and waits until the wallet opened it. */
  async openCustomer(customerId: string, agentId: string | null, options: Parameters<typeof customerOpened>[2] = {}): Promise<void> {
    await this.accounts.publish(customerOpened(customerId, agentId, options));
    await this.waitForAccount(`customer:${customerId}`);
  }

  async waitForAccount(accountId: LedgerAccountId, timeoutMs = 20_000): Promise<void> {
    await waitFor(async () => (await this.ledger.accounts.loadFromStore(accountId)).account.state.status !== 'unopened', timeoutMs, `${accountId} to be opened`);
  }

  /** The ledger's own view of an account (not the projection), bypassing the cache. */
  async account(accountId: LedgerAccountId) {
    const { account } = await this.ledger.accounts.loadFromStore(accountId);
    if (account.state.status === 'unopened') throw new Error(`${accountId} is not opened`);
    return account.state;
  }

  request(method: string, path: string, options: Parameters<GatewayTestApp['request']>[2] = {}) {
    return this.gw.request(method, path, options);
  }

  async close(): Promise<void> {
    await this.gw.close();
    await this.accounts.stop();
    await this.bus.close();
    await this.pool.query(`DROP SCHEMA IF EXISTS "${this.schema}" CASCADE`);
    await this.pool.query(`DROP SCHEMA IF EXISTS "${this.accountsSchema}" CASCADE`);
    if (this.bus.transport === 'kafka') {
      const topics = [topicFor(this.accounts.service), topicFor(this.walletService)];
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
