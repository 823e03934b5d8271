// The services as the standalone app composes them, on a fresh benchmark database: the gateway
// edge (auth, validation, idempotency, problem+json) with the given service modules, one pool and
// one bus (in-process, or Kafka when brokers are given) with production defaults, and an accounts
// feed on that bus. close() stops everything; the database is dropped by the caller.
import { CredentialsService, startGatewayTestApp, type GatewayAppOptions, type GatewayTestApp, type TestResponse } from '@billing/gateway';
import { consoleLogger, createIntegrationBus, type IntegrationBus } from '@billing/messaging';
import { createPool } from '@billing/postgres';
import type pg from 'pg';
import { AccountsFeed } from './accounts-feed.js';

export interface ServiceNames {
  accountsService: string;
  accountsSchema: string;
}

export interface ServiceAppOptions {
  databaseUrl: string;
  /** Kafka bootstrap servers; undefined = the in-process transport (the standalone default). */
  brokers?: string[];
  /** unique per app: prefixes topics and consumer groups on a shared broker. */
  prefix: string;
  modules(context: { pool: pg.Pool; bus: IntegrationBus; names: ServiceNames }): GatewayAppOptions['imports'];
}

export class ServiceApp {
  private constructor(
    readonly gw: GatewayTestApp,
    readonly pool: pg.Pool,
    readonly bus: IntegrationBus,
    readonly accounts: AccountsFeed,
    readonly adminToken: string,
  ) {}

  static async start(options: ServiceAppOptions): Promise<ServiceApp> {
    // the standalone's pool (apps/standalone/src/main.ts)
    const pool = createPool(options.databaseUrl, { max: 20, applicationName: 'billing-bench' });
    const bus = createIntegrationBus({ brokers: options.brokers, clientId: `${options.prefix}-bench`, logger: consoleLogger('bench', 'error') });
    const names: ServiceNames = { accountsService: `${options.prefix}_accounts`, accountsSchema: 'accounts_feed' };
    const accounts = await AccountsFeed.start(pool, bus, names.accountsSchema, names.accountsService);
    const gw = await startGatewayTestApp({ databaseUrl: options.databaseUrl, schema: 'gateway', imports: options.modules({ pool, bus, names }) });
    const adminToken = await gw.login('admin', gw.adminPassword ?? '');
    return new ServiceApp(gw, pool, bus, accounts, adminToken);
  }

  get<T>(type: { prototype: T }): T {
    return this.gw.app.get<T>(type as never);
  }

  /** A login of an agent or customer; its access token. */
  async token(role: 'agent' | 'customer', subjectId: string): Promise<string> {
    const username = `${role}-${subjectId}`.toLowerCase();
    const password = `pw-${subjectId}-0123456789`;
    await this.gw.app.get(CredentialsService).createLogin({ username, password, role, subjectId });
    return this.gw.login(username, password);
  }

  request(method: string, path: string, options: Parameters<GatewayTestApp['request']>[2] = {}): Promise<TestResponse> {
    return this.gw.request(method, path, options);
  }

  async close(): Promise<void> {
    await this.gw.close();
    await this.accounts.stop();
    await this.bus.close();
    await this.pool.end();
  }
}
